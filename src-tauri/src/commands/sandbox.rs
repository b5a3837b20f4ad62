//! The local sandbox, started and stopped from the app, and sandbox tokens.

use tauri::State;
use tokenbench_core::query::TokenView;
use tokenbench_core::token::AuthMode;
use tokenbench_core::tester::{create_sandbox_token as create, NewSandboxToken, SandboxStatus};

use super::{blocking, CommandResult};
use crate::AppState;

#[tauri::command]
pub async fn sandbox_status(state: State<'_, AppState>) -> CommandResult<SandboxStatus> {
    Ok(state.sandbox.status().await)
}

#[tauri::command]
pub async fn sandbox_start(state: State<'_, AppState>, port: Option<u16>) -> CommandResult<SandboxStatus> {
    state.sandbox.start(port).await.map_err(|e| e.payload())
}

#[tauri::command]
pub async fn sandbox_stop(state: State<'_, AppState>) -> CommandResult<SandboxStatus> {
    Ok(state.sandbox.stop().await)
}

#[tauri::command]
pub async fn create_sandbox_token(
    state: State<'_, AppState>,
    provider: String,
    auth_mode: Option<AuthMode>,
    scopes: Option<Vec<String>>,
    name: Option<String>,
) -> CommandResult<TokenView> {
    let spec = NewSandboxToken { provider, auth_mode, scopes, name };
    let (inv, port, now) = (state.inventory.clone(), state.sandbox.port().await, state.clock.now());
    let view = blocking(move || create(&inv, spec, port, now)).await?;
    state.sandbox.refresh().await;
    Ok(view)
}
