//! Declares the app's commands so Tauri generates one `allow-<command>` permission for each;
//! the capability in `tauri.conf.json` then grants the main window exactly these and no others.

const COMMANDS: &[&str] = &[
    "app_info",
    "keychain_status",
    "list_profiles",
    "mark_startup",
    "list_tokens",
    "get_token",
    "recognize",
    "create_token",
    "update_token",
    "replace_secret",
    "revoke_token",
    "delete_token",
    "export_inventory",
    "import_text",
    "import_file",
    "confirm_proposals",
    "reveal_secret",
    "copy_secret",
    "prepare_request",
    "send_request",
    "snippet",
    "import_curl",
    "verify_signature",
    "recent_requests",
    "saved_requests",
    "save_request",
    "delete_saved_request",
    "sandbox_status",
    "sandbox_start",
    "sandbox_stop",
    "create_sandbox_token",
    "usage_figures",
    "log_page",
    "export_logs",
    "provider_logs",
    "get_settings",
    "save_settings",
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attrs).expect("tauri-build failed");
}
