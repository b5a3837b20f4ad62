//! Declares the app's commands so Tauri generates one `allow-<command>` permission for each;
//! the capability in `tauri.conf.json` then grants the main window exactly these and no others.

const COMMANDS: &[&str] = &["app_info"];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attrs).expect("tauri-build failed");
}
