//! Inventory commands: list, show, recognize, create, edit, replace secret, revoke, delete.

use tauri::State;
use tokenbench_core::query::{ListQuery, TokenView};
use tokenbench_core::recognize::{recognize as recognize_value, Recognition};
use tokenbench_core::token_input::{NewToken, TokenPatch};
use tokenbench_core::Secret;

use super::{blocking, CommandResult};
use crate::AppState;

#[tauri::command]
pub async fn list_tokens(state: State<'_, AppState>, query: ListQuery) -> CommandResult<Vec<TokenView>> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.list(&query, now)).await
}

#[tauri::command]
pub async fn get_token(state: State<'_, AppState>, id: String) -> CommandResult<TokenView> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.view(&id, now)).await
}

/// Live feedback while the user pastes: runs on the value typed in the dialog.
#[tauri::command]
pub fn recognize(state: State<'_, AppState>, value: String, host: Option<String>) -> Recognition {
    recognize_value(&value, host.as_deref(), state.inventory.profiles())
}

#[tauri::command]
pub async fn create_token(state: State<'_, AppState>, input: NewToken) -> CommandResult<TokenView> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.create(input, now)).await
}

#[tauri::command]
pub async fn update_token(state: State<'_, AppState>, id: String, patch: TokenPatch) -> CommandResult<TokenView> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.update(&id, patch, now)).await
}

#[tauri::command]
pub async fn replace_secret(state: State<'_, AppState>, id: String, secret: String) -> CommandResult<TokenView> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    let secret = Secret::new(secret);
    blocking(move || inv.replace_secret(&id, &secret, now)).await
}

#[tauri::command]
pub async fn revoke_token(state: State<'_, AppState>, id: String, confirm: bool) -> CommandResult<TokenView> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.revoke(&id, confirm, now)).await
}

#[tauri::command]
pub async fn delete_token(state: State<'_, AppState>, id: String, confirm: bool) -> CommandResult<()> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || inv.delete(&id, confirm, now).map(|_| ())).await
}
