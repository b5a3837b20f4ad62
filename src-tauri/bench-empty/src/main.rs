//! An empty Tauri window: the baseline the start-up benchmark compares Tokenbench with.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty benchmark window could not start");
}
