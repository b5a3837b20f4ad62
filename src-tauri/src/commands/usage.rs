//! Usage and Logs views: figures, pages of the request log, exports, and the provider's own
//! logs. SQLite work, so every command runs on the blocking pool.

use tauri::State;
use tokenbench_core::provider_logs::{fetch, ProviderLogs};
use tokenbench_core::request_log::{ExportFormat, LogCursor, LogFilter, LogPage, UsageFigures, UsageQuery};

use super::{blocking, CommandResult};
use crate::AppState;

/// Rows per page of the Logs view.
const PAGE: usize = 100;

#[tauri::command]
pub async fn usage_figures(state: State<'_, AppState>, query: UsageQuery) -> CommandResult<UsageFigures> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.request_log(now)?.usage(&query, now)).await
}

#[tauri::command]
pub async fn log_page(state: State<'_, AppState>, filter: LogFilter, cursor: Option<LogCursor>) -> CommandResult<LogPage> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.request_log(now)?.page(&filter, cursor, PAGE)).await
}

#[tauri::command]
pub async fn export_logs(state: State<'_, AppState>, filter: LogFilter, format: ExportFormat) -> CommandResult<String> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.request_log(now)?.export(&filter, format)).await
}

#[tauri::command]
pub async fn provider_logs(state: State<'_, AppState>, token_id: String) -> CommandResult<ProviderLogs> {
    fetch(&state.tester, &token_id, state.clock.now()).await.map_err(|e| e.payload())
}
