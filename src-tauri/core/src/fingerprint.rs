//! Noticing the same secret stored under two names, without writing the secret — or anything
//! that reveals it — outside the keychain.
//!
//! Each record keeps a *keyed* fingerprint of its secret: `hex(HMAC-SHA256(install key, secret))`.
//! The install key is 32 random bytes created on first use and kept only in the keychain
//! (account [`INSTALL_KEY_ACCOUNT`]). Without it a fingerprint says nothing about the secret:
//! it cannot be checked against a guess, unlike a plain hash of a short or well-known key.
//! Two records with equal fingerprints hold the same secret.
//!
//! A fingerprint made with another key (a `tokens.json` from another machine, or after the
//! keychain lost the key and a new one was made) never equals one made with this key, so it can
//! only miss a duplicate, never invent one; it is made again when that token's secret is
//! replaced. Records from before fingerprints get theirs the next time their secret is read
//! (send, reveal, copy, sign). Exports and the views the faces get carry no fingerprint.

use crate::error::{Error, Result};
use crate::hmac_sign::hmac_sha256_hex;
use crate::secret::Secret;
use crate::vault::{Vault, INSTALL_KEY_ACCOUNT};

/// Makes fingerprints with this installation's key.
pub struct Fingerprinter {
    key: Secret,
}

impl Fingerprinter {
    /// Reads the install key from `vault`, creating and storing one the first time. Fails like
    /// the vault does (locked, unavailable); a stored key that is not 64 hex digits is replaced.
    pub fn load_or_create(vault: &dyn Vault) -> Result<Self> {
        match vault.read(INSTALL_KEY_ACCOUNT) {
            Ok(key) if is_key(&key) => return Ok(Self::with_key(key)),
            Ok(_) | Err(Error::SecretMissing(_)) => {}
            Err(e) => return Err(e),
        }
        let key = Secret::new(hex::encode(crate::sandbox::random_bytes(32)));
        vault.store(INSTALL_KEY_ACCOUNT, &key)?;
        Ok(Self::with_key(key))
    }

    /// A fingerprinter with a given key (tests).
    pub fn with_key(key: Secret) -> Self {
        Fingerprinter { key }
    }

    /// `hex(HMAC-SHA256(install key, secret))`, 64 characters.
    pub fn of(&self, secret: &Secret) -> String {
        hmac_sha256_hex(self.key.expose().as_bytes(), secret.expose().as_bytes())
    }
}

fn is_key(key: &Secret) -> bool {
    key.expose().len() == 64 && key.expose().bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::MemoryVault;

    #[test]
    fn the_install_key_is_made_once_kept_in_the_vault_and_reused() {
        let vault = MemoryVault::new();
        let first = Fingerprinter::load_or_create(&vault).expect("create");
        let key = vault.read(INSTALL_KEY_ACCOUNT).expect("stored in the vault");
        assert!(is_key(&key), "32 random bytes as hex");
        let again = Fingerprinter::load_or_create(&vault).expect("load");
        let secret = Secret::new("sk_live_samesecret0123456789");
        assert_eq!(first.of(&secret), again.of(&secret), "the same key gives the same fingerprint");
        assert_eq!(vault.len(), 0, "the install key is not counted as a token secret");
    }

    #[test]
    fn a_fingerprint_reveals_nothing_without_the_key_and_differs_per_install() {
        let secret = Secret::new("sk_live_samesecret0123456789");
        let a = Fingerprinter::with_key(Secret::new("a".repeat(64)));
        let b = Fingerprinter::with_key(Secret::new("b".repeat(64)));
        let fa = a.of(&secret);
        assert!(!fa.contains("samesecret") && fa.len() == 64, "{fa}");
        assert_ne!(fa, b.of(&secret), "another install's key gives another fingerprint");
        use sha2::{Digest, Sha256};
        assert_ne!(fa, hex::encode(Sha256::digest(secret.expose().as_bytes())), "not a plain hash anyone could check a guess against");
        assert_ne!(fa, a.of(&Secret::new("sk_live_othersecret012345678")), "other secrets differ");
    }

    #[test]
    fn a_locked_vault_is_an_error_not_a_new_key() {
        let vault = MemoryVault::new();
        let before = Fingerprinter::load_or_create(&vault).expect("create").of(&Secret::new("x"));
        vault.set_locked(true);
        assert_eq!(Fingerprinter::load_or_create(&vault).err().map(|e| e.code()), Some("keychain_locked"));
        vault.set_locked(false);
        assert_eq!(Fingerprinter::load_or_create(&vault).expect("load").of(&Secret::new("x")), before, "the key survived");
    }
}
