//! An empty Tauri window: the baseline the start-up benchmark compares Tokenbench with. Its page
//! only reports its first paint (`page/ready.js`), the floor for Tokenbench's "interactive".

/// Appends `<unix ms> <what>` to `TOKENBENCH_STARTUP_TRACE` when set, like Tokenbench's own
/// `mark_startup`, so both are timed by the same clock the same way.
#[tauri::command]
fn mark_startup(what: String) {
    let Some(path) = std::env::var_os("TOKENBENCH_STARTUP_TRACE") else { return };
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let what: String = what.chars().filter(|c| !c.is_control()).take(80).collect();
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = std::io::Write::write_all(&mut file, format!("{ms} {what}\n").as_bytes());
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![mark_startup])
        .run(tauri::generate_context!())
        .expect("the empty benchmark window could not start");
}
