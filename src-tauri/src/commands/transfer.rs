//! Import and export: inventory JSON/CSV (no secrets) out; in, any text or file, which the core
//! imports when it is an export and scans for tokens otherwise (proposals to confirm).

use tauri::State;
use tokenbench_core::intake::{import_text as import, read_import_file, ImportOutcome};
use tokenbench_core::proposals::ProposalChoice;
use tokenbench_core::transfer::{export, Format, ImportReport};

use super::{blocking, CommandResult};
use crate::AppState;

#[tauri::command]
pub async fn export_inventory(state: State<'_, AppState>, format: Format) -> CommandResult<String> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || export(&inv.records(now)?, format, now)).await
}

#[tauri::command]
pub async fn import_text(state: State<'_, AppState>, text: String) -> CommandResult<ImportOutcome> {
    let (inv, book, now) = (state.inventory.clone(), state.proposals.clone(), state.clock.now());
    blocking(move || import(&inv, &book, &text, now)).await
}

#[tauri::command]
pub async fn import_file(state: State<'_, AppState>, path: String) -> CommandResult<ImportOutcome> {
    let (inv, book, now) = (state.inventory.clone(), state.proposals.clone(), state.clock.now());
    blocking(move || import(&inv, &book, &read_import_file(std::path::Path::new(&path))?, now)).await
}

#[tauri::command]
pub async fn confirm_proposals(state: State<'_, AppState>, choices: Vec<ProposalChoice>) -> CommandResult<ImportReport> {
    let (inv, book, now) = (state.inventory.clone(), state.proposals.clone(), state.clock.now());
    blocking(move || Ok(book.confirm(&inv, choices, now))).await
}
