//! Import and export: inventory JSON/CSV (no secrets), and proposals from pasted text or `.env`.

use tauri::State;
use tokenbench_core::proposals::{read_text_file, Proposal, ProposalChoice};
use tokenbench_core::transfer::{export, import, Format, ImportReport};

use super::{blocking, CommandResult};
use crate::AppState;

#[tauri::command]
pub async fn export_inventory(state: State<'_, AppState>, format: Format) -> CommandResult<String> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || export(&inv.records(now)?, format, now)).await
}

#[tauri::command]
pub async fn import_inventory(state: State<'_, AppState>, text: String) -> CommandResult<ImportReport> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || import(&inv, &text, now)).await
}

#[tauri::command]
pub async fn scan_secrets(state: State<'_, AppState>, text: String) -> CommandResult<Vec<Proposal>> {
    let (inv, book) = (state.inventory.clone(), state.proposals.clone());
    blocking(move || Ok(book.propose(&inv, &text))).await
}

#[tauri::command]
pub async fn scan_secrets_file(state: State<'_, AppState>, path: String) -> CommandResult<Vec<Proposal>> {
    let (inv, book) = (state.inventory.clone(), state.proposals.clone());
    blocking(move || Ok(book.propose(&inv, &read_text_file(std::path::Path::new(&path))?))).await
}

#[tauri::command]
pub async fn confirm_proposals(state: State<'_, AppState>, choices: Vec<ProposalChoice>) -> CommandResult<ImportReport> {
    let (inv, book, now) = (state.inventory.clone(), state.proposals.clone(), state.clock.now());
    blocking(move || Ok(book.confirm(&inv, choices, now))).await
}
