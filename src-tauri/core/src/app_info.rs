//! What the faces report about the running app, and the answers to the two explicit secret
//! actions (reveal, copy). Shared here so the UI's TypeScript types are generated from them.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::inventory::Inventory;
use crate::vault::KeychainStatus;

/// How long a revealed secret stays on screen.
pub const REVEAL_MS: u64 = 10_000;
/// How long a copied secret stays on the clipboard (if nothing else was copied meanwhile).
pub const CLIPBOARD_CLEAR_MS: u64 = 30_000;
/// Shortens [`REVEAL_MS`] for the app's run (the end-to-end tests set it; see [`shortened_ms`]).
pub const REVEAL_MS_VAR: &str = "TOKENBENCH_REVEAL_MS";
/// Shortens [`CLIPBOARD_CLEAR_MS`] for the app's run (see [`shortened_ms`]).
pub const CLIPBOARD_CLEAR_MS_VAR: &str = "TOKENBENCH_CLIPBOARD_CLEAR_MS";

/// The duration an override asks for, in milliseconds, when it is a whole number from 1 to
/// `default`; otherwise `default`. An override can make a secret show or stay on the clipboard
/// for less time, never for longer: a bad or larger value is ignored, not an error.
pub fn shortened_ms(override_ms: Option<&str>, default: u64) -> u64 {
    override_ms.and_then(|v| v.trim().parse::<u64>().ok()).filter(|ms| (1..=default).contains(ms)).unwrap_or(default)
}

/// The running app: versions, where its data is, the keychain, and notices for the user.
/// The app's Settings & About page and `tokenbench doctor` both show exactly this.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub metadata_file: String,
    /// The request log (SQLite): every request sent, no secrets.
    pub request_log: String,
    /// How many token records the metadata file holds.
    pub tokens: u32,
    /// Provider profile ids in use (bundled and the user's).
    pub providers: Vec<String>,
    pub keychain: KeychainStatus,
    /// Things to tell the user once, e.g. a corrupt metadata file that was moved aside.
    pub notices: Vec<String>,
}

/// What Tokenbench knows about itself at `now`: reads the metadata (so a quarantined file is
/// reported as a notice) and probes the keychain. Fails only when the metadata cannot be read.
pub fn app_info(inventory: &Inventory, now: DateTime<Utc>) -> Result<AppInfo> {
    let tokens = u32::try_from(inventory.records(now)?.len()).unwrap_or(u32::MAX);
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: inventory.data_dir().root().display().to_string(),
        metadata_file: inventory.metadata_file().path().display().to_string(),
        request_log: inventory.data_dir().request_log().display().to_string(),
        tokens,
        providers: inventory.profiles().all().iter().map(|p| p.id.clone()).collect(),
        keychain: inventory.keychain_status(),
        notices: inventory.notices(),
    })
}

/// A revealed secret. The one place a secret reaches the webview, on an explicit click; the
/// UI must drop it after `hide_after_ms` (the shell also emits `secret-hidden`).
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Revealed {
    pub value: String,
    #[ts(type = "number")]
    pub hide_after_ms: u64,
}

impl std::fmt::Debug for Revealed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Revealed(<redacted>)")
    }
}

/// A copy to the clipboard, done in Rust: the webview never sees the value.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Copied {
    #[ts(type = "number")]
    pub clear_after_ms: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_can_shorten_the_timed_secret_actions_but_never_lengthen_them() {
        assert_eq!(shortened_ms(None, REVEAL_MS), 10_000, "no override: the documented 10 s");
        assert_eq!(shortened_ms(Some("1500"), REVEAL_MS), 1_500, "shorter is allowed (tests)");
        assert_eq!(shortened_ms(Some(" 2000 "), CLIPBOARD_CLEAR_MS), 2_000);
        assert_eq!(shortened_ms(Some("600000"), REVEAL_MS), 10_000, "longer than the default is ignored");
        for bad in ["0", "-5", "ten", "", "1.5"] {
            assert_eq!(shortened_ms(Some(bad), CLIPBOARD_CLEAR_MS), 30_000, "{bad:?} is ignored");
        }
    }
}
