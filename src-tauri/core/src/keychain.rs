//! The real vault: the OS keychain through the `keyring` crate (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows). One entry per token: service =
//! [`SERVICE`], account = the token id.
//!
//! Keychain errors are mapped by kind and reported with `Display` only: `keyring`'s
//! `BadEncoding` carries the raw bytes in its `Debug` output, which must never reach a log.
//! A locked or missing keychain is an error to show, never a reason to touch metadata.

use keyring::{Entry, Error as KeyringError};

use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::vault::{KeychainState, KeychainStatus, Vault, SERVICE};

/// Account name of the canary entry the status probe reads (and creates when missing).
/// It holds no secret, only the word "canary".
pub const CANARY_ACCOUNT: &str = "__tokenbench_canary__";

/// The OS keychain.
#[derive(Debug, Default, Clone)]
pub struct KeychainVault;

impl KeychainVault {
    /// A handle on the OS keychain. Nothing is contacted until the first call.
    pub fn new() -> Self {
        KeychainVault
    }

    fn entry(&self, id: &str) -> Result<Entry> {
        Entry::new(SERVICE, id).map_err(|e| map_error(e, id))
    }

    fn backend() -> &'static str {
        if cfg!(target_os = "macos") {
            "macOS Keychain"
        } else if cfg!(windows) {
            "Windows Credential Manager"
        } else {
            "Secret Service"
        }
    }
}

/// Maps a keyring error to the core's, by kind. `id` names the token, never the secret.
fn map_error(err: KeyringError, id: &str) -> Error {
    match err {
        KeyringError::NoEntry => Error::SecretMissing(id.to_owned()),
        KeyringError::NoStorageAccess(_) => Error::KeychainLocked,
        KeyringError::NoDefaultStore => Error::KeychainUnavailable(
            "no credential store could be opened when Tokenbench started; start one, then restart Tokenbench".into(),
        ),
        KeyringError::PlatformFailure(e) => Error::KeychainUnavailable(e.to_string()),
        KeyringError::TooLong(what, max) => {
            Error::Invalid(format!("the {what} is too long for this keychain (at most {max}); shorten it"))
        }
        KeyringError::BadEncoding(_) => Error::Keychain(format!("the stored value for '{id}' is not valid UTF-8")),
        other => Error::Keychain(other.to_string()),
    }
}

impl Vault for KeychainVault {
    fn store(&self, id: &str, secret: &Secret) -> Result<()> {
        self.entry(id)?.set_password(secret.expose()).map_err(|e| map_error(e, id))
    }

    fn read(&self, id: &str) -> Result<Secret> {
        self.entry(id)?.get_password().map(Secret::new).map_err(|e| map_error(e, id))
    }

    fn delete(&self, id: &str) -> Result<()> {
        match self.entry(id)?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(map_error(e, id)),
        }
    }

    /// Reads the canary; when absent, writes it. A write refused for lack of access means a
    /// locked (or missing) collection; a platform failure means no keychain service at all.
    fn status(&self) -> KeychainStatus {
        let outcome = self.entry(CANARY_ACCOUNT).and_then(|entry| match entry.get_password() {
            Ok(_) => Ok(()),
            Err(KeyringError::NoEntry) => entry.set_password("canary").map_err(|e| map_error(e, CANARY_ACCOUNT)),
            Err(e) => Err(map_error(e, CANARY_ACCOUNT)),
        });
        status_from(outcome, Self::backend())
    }
}

/// Turns the canary's outcome into a status with a sentence for the user.
pub fn status_from(outcome: Result<()>, backend: &str) -> KeychainStatus {
    let backend = backend.to_owned();
    match outcome {
        Ok(()) => KeychainStatus {
            state: KeychainState::Available,
            message: format!("{backend} is unlocked: secrets are stored there and nowhere else."),
            backend,
        },
        Err(Error::KeychainLocked) => KeychainStatus {
            state: KeychainState::Locked,
            message: format!(
                "{backend} is locked (or has no unlocked default collection). Unlock it to read or store secrets; your inventory is safe and nothing is written elsewhere."
            ),
            backend,
        },
        Err(e) => KeychainStatus {
            state: KeychainState::Unavailable,
            message: format!("No usable keychain: {e} Your inventory is shown, but secrets cannot be read or stored."),
            backend,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_canary_is_reported_as_locked_with_advice() {
        let s = status_from(Err(Error::KeychainLocked), "Secret Service");
        assert_eq!(s.state, KeychainState::Locked);
        assert!(s.message.contains("Unlock"), "{}", s.message);
    }

    #[test]
    fn a_platform_failure_is_reported_as_unavailable_not_locked() {
        let err = map_error(KeyringError::PlatformFailure("no session bus".into()), "x");
        let s = status_from(Err(err), "Secret Service");
        assert_eq!(s.state, KeychainState::Unavailable);
        assert!(s.message.contains("no session bus"));
    }

    #[test]
    fn a_bad_encoding_error_never_carries_the_stored_bytes() {
        let err = map_error(KeyringError::BadEncoding(b"sk_live_leakme".to_vec()), "tok-1");
        assert!(!format!("{err} {err:?}").contains("leakme"));
    }

    #[test]
    fn no_entry_means_the_secret_is_missing_for_that_token() {
        assert_eq!(map_error(KeyringError::NoEntry, "tok-1").code(), "secret_missing");
        assert_eq!(map_error(KeyringError::NoStorageAccess("locked".into()), "t").code(), "keychain_locked");
    }
}
