//! The app's commands, one file per area. Each is a few lines: take arguments, call the core
//! off the main thread, map the error to `{code, message}`.

pub mod app;
pub mod sandbox;
pub mod secrets;
pub mod settings;
pub mod tester;
pub mod tokens;
pub mod transfer;
pub mod usage;

use tokenbench_core::{ErrorCode, ErrorPayload};

/// What every command returns: a value, or the `{code, message}` the UI switches on.
pub type CommandResult<T> = Result<T, ErrorPayload>;

/// Runs blocking core work (keychain over D-Bus, file I/O) on the blocking pool.
pub async fn blocking<T, F>(work: F) -> CommandResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> tokenbench_core::Result<T> + Send + 'static,
{
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result.map_err(|e| e.payload()),
        Err(_) => Err(ErrorPayload { code: ErrorCode::Internal, message: "the operation stopped unexpectedly; try again".into() }),
    }
}
