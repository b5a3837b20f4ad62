//! What the shell keeps between commands: the core's inventory over the OS keychain, the
//! pending import proposals, and the clipboard guard.

use std::path::PathBuf;
use std::sync::Arc;

use tokenbench_core::app_info::{shortened_ms, CLIPBOARD_CLEAR_MS, CLIPBOARD_CLEAR_MS_VAR, REVEAL_MS, REVEAL_MS_VAR};
use tokenbench_core::clock::{Clock, SystemClock};
use tokenbench_core::inventory::Inventory;
use tokenbench_core::keychain::KeychainVault;
use tokenbench_core::paths::DataDir;
use tokenbench_core::proposals::ProposalBook;
use tokenbench_core::send::ReqwestSender;
use tokenbench_core::tester::{SandboxRunner, Tester};

use crate::clipboard::ClipboardGuard;

/// Shared state of the running app.
pub struct AppState {
    /// The one clock every command reads "now" from.
    pub clock: Arc<dyn Clock>,
    pub inventory: Arc<Inventory>,
    pub proposals: Arc<ProposalBook>,
    pub clipboard: Arc<ClipboardGuard>,
    pub tester: Arc<Tester>,
    pub sandbox: Arc<SandboxRunner>,
    pub timings: SecretTimings,
}

/// How long a revealed secret shows and a copied one stays on the clipboard: the core's
/// defaults, shortened (never lengthened) by `TOKENBENCH_REVEAL_MS` and
/// `TOKENBENCH_CLIPBOARD_CLEAR_MS`, read once at start-up (the end-to-end tests set them).
#[derive(Debug, Clone, Copy)]
pub struct SecretTimings {
    pub reveal_ms: u64,
    pub clipboard_clear_ms: u64,
}

impl SecretTimings {
    fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok();
        SecretTimings {
            reveal_ms: shortened_ms(var(REVEAL_MS_VAR).as_deref(), REVEAL_MS),
            clipboard_clear_ms: shortened_ms(var(CLIPBOARD_CLEAR_MS_VAR).as_deref(), CLIPBOARD_CLEAR_MS),
        }
    }
}

impl AppState {
    /// Opens the data folder (`TOKENBENCH_DATA_DIR` or the OS default) over the OS keychain.
    /// The keychain is not required here: a locked or missing one is reported by `app_info`.
    pub fn open(data_dir: Option<PathBuf>) -> tokenbench_core::Result<Self> {
        let data = DataDir::resolve(data_dir)?;
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let inventory = Arc::new(Inventory::open(data, Arc::new(KeychainVault::new()))?);
        let tester = Arc::new(Tester::new(inventory.clone(), Arc::new(ReqwestSender::with_defaults()?), clock.clone()));
        Ok(AppState {
            sandbox: Arc::new(SandboxRunner::new(inventory.clone(), clock.clone())),
            clock,
            tester,
            inventory,
            proposals: Arc::new(ProposalBook::new()),
            clipboard: Arc::new(ClipboardGuard::default()),
            timings: SecretTimings::from_env(),
        })
    }
}
