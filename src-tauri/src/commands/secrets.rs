//! The two explicit, timed secret actions. Reveal hands the value to the webview for 10 s and
//! then tells it to drop it; copy never hands it over at all.

use std::time::Duration;

use tauri::{AppHandle, Emitter, Runtime, State};
use tokenbench_core::app_info::{Copied, Revealed};

use super::{blocking, CommandResult};
use crate::AppState;

#[tauri::command]
pub async fn reveal_secret<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: String) -> CommandResult<Revealed> {
    let (inv, hide_after_ms, now) = (state.inventory.clone(), state.timings.reveal_ms, state.clock.now());
    let (record, secret) = blocking(move || inv.secret(&id, now)).await?;
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(hide_after_ms)).await;
        let _ = app.emit("secret-hidden", serde_json::json!({ "id": record.id }));
    });
    Ok(Revealed { value: secret.expose().to_owned(), hide_after_ms })
}

#[tauri::command]
pub async fn copy_secret(state: State<'_, AppState>, id: String) -> CommandResult<Copied> {
    let (inv, clipboard, clear_after_ms, now) = (state.inventory.clone(), state.clipboard.clone(), state.timings.clipboard_clear_ms, state.clock.now());
    blocking(move || {
        let (_, secret) = inv.secret(&id, now)?;
        clipboard.copy(secret, Duration::from_millis(clear_after_ms))?;
        Ok(Copied { clear_after_ms })
    })
    .await
}
