//! What the faces report about the running app, and the answers to the two explicit secret
//! actions (reveal, copy). Shared here so the UI's TypeScript types are generated from them.

use serde::Serialize;
use ts_rs::TS;

use crate::vault::KeychainStatus;

/// How long a revealed secret stays on screen.
pub const REVEAL_MS: u64 = 10_000;
/// How long a copied secret stays on the clipboard (if nothing else was copied meanwhile).
pub const CLIPBOARD_CLEAR_MS: u64 = 30_000;

/// The running app: versions, where its data is, the keychain, and notices for the user.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub metadata_file: String,
    pub keychain: KeychainStatus,
    /// Things to tell the user once, e.g. a corrupt metadata file that was moved aside.
    pub notices: Vec<String>,
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
