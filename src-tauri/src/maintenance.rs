//! Background upkeep of the request log, never on the UI thread: at start-up it reads every
//! page of the log (a damaged file is moved aside and reported) and purges rows past the
//! retention setting; then, every hour, it purges again if a day has passed since the last
//! purge. A failure is printed for the developer and retried at the next round; it never stops
//! the app.

use std::sync::Arc;
use std::time::Duration;

use tokenbench_core::clock::Clock;
use tokenbench_core::inventory::Inventory;
use tokenbench_core::settings::SettingsFile;

/// How often the task wakes to see whether the daily purge is due.
const ROUND: Duration = Duration::from_secs(3600);

/// Starts the task on Tauri's async runtime.
pub fn start(inventory: Arc<Inventory>, clock: Arc<dyn Clock>) {
    tauri::async_runtime::spawn(async move {
        let mut first = true;
        loop {
            let (inv, clock2) = (inventory.clone(), clock.clone());
            let done = tauri::async_runtime::spawn_blocking(move || upkeep(&inv, clock2.as_ref(), first)).await;
            if let Ok(Err(e)) = done {
                eprintln!("tokenbench: request log upkeep failed (will retry): {e}");
            }
            first = false;
            tokio::time::sleep(ROUND).await;
        }
    });
}

fn upkeep(inventory: &Inventory, clock: &dyn Clock, startup: bool) -> tokenbench_core::Result<()> {
    let now = clock.now();
    let log = inventory.request_log(now)?;
    if startup {
        log.check(now)?;
    }
    let (settings, _) = SettingsFile::new(inventory.data_dir().settings_file()).load(now)?;
    log.purge_if_due(now, settings.log_retention_days)?;
    Ok(())
}
