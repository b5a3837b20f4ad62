//! The user's settings (request-log retention for now). Saving a shorter retention purges at
//! once, off the main thread, so the Logs view reflects it.

use tauri::State;
use tokenbench_core::settings::{Settings, SettingsFile};

use super::{blocking, CommandResult};
use crate::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CommandResult<Settings> {
    let (file, now) = (SettingsFile::new(state.inventory.data_dir().settings_file()), state.clock.now());
    blocking(move || Ok(file.load(now)?.0)).await
}

#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, settings: Settings) -> CommandResult<Settings> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || {
        SettingsFile::new(inv.data_dir().settings_file()).save(&settings)?;
        inv.request_log(now)?.purge(now, settings.log_retention_days)?;
        Ok(settings)
    })
    .await
}
