//! The Tauri shell: it wires the core to the webview and does nothing else. Every command is a
//! few lines that call the core off the main thread and map its error to `{code, message}`.

mod clipboard;
mod commands;
mod maintenance;
mod state;

use tauri::Manager;

pub use state::AppState;

/// Starts the desktop app.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::default().build())
        .setup(|app| {
            let state = AppState::open(None)?;
            maintenance::start(state.inventory.clone(), state.clock.clone());
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::keychain_status,
            commands::app::list_profiles,
            commands::app::mark_startup,
            commands::tokens::list_tokens,
            commands::tokens::get_token,
            commands::tokens::recognize,
            commands::tokens::create_token,
            commands::tokens::update_token,
            commands::tokens::replace_secret,
            commands::tokens::revoke_token,
            commands::tokens::delete_token,
            commands::transfer::export_inventory,
            commands::transfer::import_text,
            commands::transfer::import_file,
            commands::transfer::confirm_proposals,
            commands::secrets::reveal_secret,
            commands::secrets::copy_secret,
            commands::tester::prepare_request,
            commands::tester::send_request,
            commands::tester::snippet,
            commands::tester::import_curl,
            commands::tester::verify_signature,
            commands::tester::recent_requests,
            commands::tester::saved_requests,
            commands::tester::save_request,
            commands::tester::delete_saved_request,
            commands::sandbox::sandbox_status,
            commands::sandbox::sandbox_start,
            commands::sandbox::sandbox_stop,
            commands::sandbox::create_sandbox_token,
            commands::usage::usage_figures,
            commands::usage::log_page,
            commands::usage::export_logs,
            commands::usage::provider_logs,
            commands::settings::get_settings,
            commands::settings::save_settings,
        ])
        .run(tauri::generate_context!())
        .expect("Tokenbench could not start its window");
}
