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

#[tauri::command]
pub fn list_profiles(state: State<'_, AppState>) -> Vec<Profile> {
    state.inventory.profiles().all().to_vec()
}
