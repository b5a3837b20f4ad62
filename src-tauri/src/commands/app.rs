//! App-wide commands: versions and data folder, keychain status, provider profiles.

use tauri::State;
use tokenbench_core::app_info::{app_info as about, AppInfo};
use tokenbench_core::profile::Profile;
use tokenbench_core::vault::KeychainStatus;

use super::{blocking, CommandResult};
use crate::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || about(&inv, now)).await
}

#[tauri::command]
pub async fn keychain_status(state: State<'_, AppState>) -> CommandResult<KeychainStatus> {
    let inv = state.inventory.clone();
    blocking(move || Ok(inv.keychain_status())).await
}

/// A start-up milestone from the page (the inventory is interactive). Only when the app was
/// started with `TOKENBENCH_STARTUP_TRACE=<file>` (the start-up benchmark) is it appended there
/// as `<unix ms> <what>`; otherwise nothing happens.
#[tauri::command]
pub fn mark_startup(what: String) {
    let Some(path) = std::env::var_os("TOKENBENCH_STARTUP_TRACE") else { return };
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let what: String = what.chars().filter(|c| !c.is_control()).take(80).collect();
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = std::io::Write::write_all(&mut file, format!("{ms} {what}\n").as_bytes());
    }
}

#[tauri::command]
pub fn list_profiles(state: State<'_, AppState>) -> Vec<Profile> {
    state.inventory.profiles().all().to_vec()
}
