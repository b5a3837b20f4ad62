//! The Tauri shell: it wires the core to the webview and does nothing else. Every command is a
//! few lines that call the core and map its error to `{code, message}`.

#[tauri::command]
fn app_info() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Starts the desktop app.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::default().build())
        .invoke_handler(tauri::generate_handler![app_info])
        .run(tauri::generate_context!())
        .expect("error while running Tokenbench");
}
