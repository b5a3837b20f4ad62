//! The vault: where secrets live. One keychain entry per token (service = the app identifier,
//! account = the token id). [`Vault`] is the seam: [`crate::keychain::KeychainVault`] is the
//! real OS keychain, [`MemoryVault`] the in-memory double for unit tests.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// The keychain service name every entry is stored under (the app's identifier).
pub const SERVICE: &str = "dev.tokenbench.app";

/// The account of the install key, the one vault entry that is not a token's secret: a random
/// key that keys the secret fingerprints in the metadata (see `fingerprint.rs`).
pub const INSTALL_KEY_ACCOUNT: &str = "__tokenbench_install_key__";

/// What the startup canary found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KeychainState {
    /// Secrets can be stored and read.
    Available,
    /// A keychain exists but is locked: unlock it, nothing is lost.
    Locked,
    /// No keychain service could be reached (no Secret Service on Linux).
    Unavailable,
}

/// The keychain's state and a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeychainStatus {
    pub state: KeychainState,
    /// Which backend answered ("Secret Service", "memory", …).
    pub backend: String,
    /// What the user should know or do, in plain words.
    pub message: String,
}

/// Stores, reads and deletes token secrets.
pub trait Vault: Send + Sync {
    /// Stores (or replaces) the secret for `id`.
    fn store(&self, id: &str, secret: &Secret) -> Result<()>;
    /// Reads the secret for `id`; [`Error::SecretMissing`] if there is none.
    fn read(&self, id: &str) -> Result<Secret>;
    /// Deletes the secret for `id`; deleting a missing entry succeeds.
    fn delete(&self, id: &str) -> Result<()>;
    /// Probes the keychain with a canary entry and says what state it is in.
    fn status(&self) -> KeychainStatus;
}

/// In-memory vault for unit tests. `lock()` makes it behave like a locked keychain.
#[derive(Default)]
pub struct MemoryVault {
    entries: Mutex<HashMap<String, Secret>>,
    locked: Mutex<bool>,
}

impl MemoryVault {
    /// An empty, unlocked vault.
    pub fn new() -> Self {
        Self::default()
    }

    /// Locks or unlocks it: while locked every operation fails with [`Error::KeychainLocked`].
    pub fn set_locked(&self, locked: bool) {
        *self.locked.lock().unwrap_or_else(|p| p.into_inner()) = locked;
    }

    /// How many token secrets it holds (the install key is not one).
    pub fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).keys().filter(|k| *k != INSTALL_KEY_ACCOUNT).count()
    }

    /// True when it holds no token secret.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check(&self) -> Result<()> {
        if *self.locked.lock().unwrap_or_else(|p| p.into_inner()) {
            return Err(Error::KeychainLocked);
        }
        Ok(())
    }
}

impl Vault for MemoryVault {
    fn store(&self, id: &str, secret: &Secret) -> Result<()> {
        self.check()?;
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).insert(id.to_owned(), secret.clone());
        Ok(())
    }

    fn read(&self, id: &str) -> Result<Secret> {
        self.check()?;
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
            .cloned()
            .ok_or_else(|| Error::SecretMissing(id.to_owned()))
    }

    fn delete(&self, id: &str) -> Result<()> {
        self.check()?;
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).remove(id);
        Ok(())
    }

    fn status(&self) -> KeychainStatus {
        match self.check() {
            Ok(()) => KeychainStatus {
                state: KeychainState::Available,
                backend: "memory".into(),
                message: "In-memory test vault.".into(),
            },
            Err(_) => KeychainStatus {
                state: KeychainState::Locked,
                backend: "memory".into(),
                message: "The test vault is locked.".into(),
            },
        }
    }
}
