//! The inventory service: the one API both faces call to list, create, edit, rotate, revoke and
//! delete tokens. It keeps the two halves of a token in step: metadata in the metadata file,
//! the secret in the vault. The secret is written first and the metadata second, and a failed
//! metadata write takes the secret back out, so neither half is ever left orphaned silently.
//! A locked or missing keychain refuses the operation and changes nothing.
//!
//! A token's last use comes from the request log (opened on first need), not from the
//! metadata file, so sending never rewrites `tokens.json`; a `lastUsed` written there by an
//! older Tokenbench still counts when the log knows nothing later.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::mask::{mask, MaskLevel};
use crate::metadata::MetadataFile;
use crate::paths::DataDir;
use crate::profile::Profiles;
use crate::query::{list, ListQuery, TokenView};
use crate::request_log::RequestLog;
use crate::secret::Secret;
use crate::token::TokenRecord;
use crate::token_input::{apply_patch, clean_secret, record_from, validate, NewToken, TokenPatch};
use crate::vault::{KeychainStatus, Vault};

/// The inventory of one data folder, backed by one vault.
pub struct Inventory {
    data: DataDir,
    file: MetadataFile,
    vault: Arc<dyn Vault>,
    profiles: Profiles,
    notices: Mutex<Vec<String>>,
    log: Mutex<Option<Arc<RequestLog>>>,
}

impl Inventory {
    /// Opens the inventory in `data` with `vault`. Loads bundled and user provider profiles;
    /// fails only if a user profile is broken (the message names the file).
    pub fn open(data: DataDir, vault: Arc<dyn Vault>) -> Result<Self> {
        let profiles = Profiles::load(Some(&data.profiles_dir()))?;
        let file = MetadataFile::new(data.metadata_file());
        Ok(Inventory { data, file, vault, profiles, notices: Mutex::new(Vec::new()), log: Mutex::new(None) })
    }

    /// The data folder.
    pub fn data_dir(&self) -> &DataDir {
        &self.data
    }

    /// The metadata file.
    pub fn metadata_file(&self) -> &MetadataFile {
        &self.file
    }

    /// Provider profiles in use.
    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    /// The vault, for faces that need it directly (sandbox registration).
    pub fn vault(&self) -> &Arc<dyn Vault> {
        &self.vault
    }

    /// Probes the keychain (see [`Vault::status`]).
    pub fn keychain_status(&self) -> KeychainStatus {
        self.vault.status()
    }

    /// Things the user must be told once, such as a corrupt metadata file or request log
    /// moved aside.
    pub fn notices(&self) -> Vec<String> {
        let mut all = self.notices.lock().unwrap_or_else(|p| p.into_inner()).clone();
        if let Some(log) = self.log.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            all.extend(log.notices());
        }
        all
    }

    fn notice(&self, text: String) {
        let mut notices = self.notices.lock().unwrap_or_else(|p| p.into_inner());
        if !notices.contains(&text) {
            notices.push(text);
        }
    }

    /// The data folder's request log, opened (and created, migrated) on first use; `now` names
    /// a file moved aside. Fails with [`Error::RequestLog`] when no log can be opened.
    pub fn request_log(&self, now: DateTime<Utc>) -> Result<Arc<RequestLog>> {
        let mut slot = self.log.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(log) = slot.as_ref() {
            return Ok(Arc::clone(log));
        }
        let log = Arc::new(RequestLog::open(&self.data.request_log(), now)?);
        *slot = Some(Arc::clone(&log));
        Ok(log)
    }

    /// All records, with each token's last use from the request log.
    pub fn records(&self, now: DateTime<Utc>) -> Result<Vec<TokenRecord>> {
        let loaded = self.file.load(now)?;
        if let Some(notice) = loaded.quarantined {
            self.notice(notice.to_string());
        }
        let mut records = loaded.records;
        match self.request_log(now).and_then(|log| log.last_used()) {
            Ok(used) => {
                for r in &mut records {
                    if let Some(at) = used.get(&r.id) {
                        r.last_used = Some(r.last_used.map_or(*at, |old| old.max(*at)));
                    }
                }
            }
            // The inventory still works without its log; last-used times are then the stored ones.
            Err(e) => self.notice(format!("Last-used times could not be read from the request log: {e}")),
        }
        Ok(records)
    }

    /// Lists records matching `query` at `now`.
    pub fn list(&self, query: &ListQuery, now: DateTime<Utc>) -> Result<Vec<TokenView>> {
        Ok(list(&self.records(now)?, query, &self.profiles, now))
    }

    /// The record whose id or name (case-insensitive) is `key`.
    pub fn find(&self, key: &str, now: DateTime<Utc>) -> Result<TokenRecord> {
        find_in(&self.records(now)?, key).cloned()
    }

    /// The view of one record.
    pub fn view(&self, key: &str, now: DateTime<Utc>) -> Result<TokenView> {
        Ok(TokenView::of(self.find(key, now)?, &self.profiles, now))
    }

    /// Creates a token: validates, stores the secret in the vault, then the metadata.
    pub fn create(&self, input: NewToken, now: DateTime<Utc>) -> Result<TokenView> {
        let profile = self.profiles.require(&input.provider)?;
        let secret = clean_secret(&input.secret.0, &self.profiles)?;
        let record = record_from(&input, profile, mask(secret.expose(), &self.profiles, MaskLevel::Normal), now);
        validate(&record, profile, &self.records(now)?)?;
        self.vault.store(&record.id, &secret)?;
        let saved = self.file.update(now, |records| {
            validate(&record, profile, records)?;
            records.push(record.clone());
            Ok(())
        });
        if let Err(e) = saved {
            // Best effort: the metadata failed, so the secret must not stay behind unnamed.
            let _ = self.vault.delete(&record.id);
            return Err(e);
        }
        Ok(TokenView::of(record, &self.profiles, now))
    }

    /// Adds a record that has no secret yet (inventory import). Its secret can be added later.
    pub fn insert_record(&self, mut record: TokenRecord, now: DateTime<Utc>) -> Result<TokenView> {
        let profile = self.profiles.require(&record.provider)?;
        self.file.update(now, |records| {
            if records.iter().any(|r| r.id == record.id) {
                record.id = uuid::Uuid::new_v4().to_string();
            }
            validate(&record, profile, records)?;
            records.push(record.clone());
            Ok(())
        })?;
        Ok(TokenView::of(record, &self.profiles, now))
    }

    /// Edits metadata. The secret is untouched.
    pub fn update(&self, key: &str, patch: TokenPatch, now: DateTime<Utc>) -> Result<TokenView> {
        let record = self.file.update(now, |records| {
            let index = index_of(records, key)?;
            let mut record = records[index].clone();
            apply_patch(&mut record, patch);
            let profile = self.profiles.require(&record.provider)?;
            let others: Vec<TokenRecord> =
                records.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, r)| r.clone()).collect();
            validate(&record, profile, &others)?;
            records[index] = record.clone();
            Ok(record)
        })?;
        Ok(TokenView::of(record, &self.profiles, now))
    }

    /// Stores a new secret for an existing token (after a rotation) and records when.
    pub fn replace_secret(&self, key: &str, secret: &Secret, now: DateTime<Utc>) -> Result<TokenView> {
        let current = self.find(key, now)?;
        if current.revoked_at.is_some() {
            return Err(Error::Revoked(current.name));
        }
        let secret = clean_secret(secret, &self.profiles)?;
        self.vault.store(&current.id, &secret)?;
        let masked = mask(secret.expose(), &self.profiles, MaskLevel::Normal);
        let record = self.file.update(now, |records| {
            let index = index_of(records, &current.id)?;
            records[index].masked = masked;
            records[index].last_rotated = Some(now);
            Ok(records[index].clone())
        })?;
        Ok(TokenView::of(record, &self.profiles, now))
    }

    /// Revokes a token: its keychain entry goes, the record and its history stay.
    /// Without `confirm` it refuses with [`Error::NeedsConfirmation`] explaining what happens.
    pub fn revoke(&self, key: &str, confirm: bool, now: DateTime<Utc>) -> Result<TokenView> {
        let current = self.find(key, now)?;
        if !confirm {
            return Err(Error::NeedsConfirmation(format!(
                "Revoking '{}' deletes its secret from the keychain for good; the record and its usage history stay. Confirm to go ahead (CLI: --yes).",
                current.name
            )));
        }
        self.vault.delete(&current.id)?;
        let record = self.file.update(now, |records| {
            let index = index_of(records, &current.id)?;
            records[index].revoked_at.get_or_insert(now);
            Ok(records[index].clone())
        })?;
        Ok(TokenView::of(record, &self.profiles, now))
    }

    /// Deletes a token: keychain entry first, then the record. Needs `confirm`.
    pub fn delete(&self, key: &str, confirm: bool, now: DateTime<Utc>) -> Result<TokenRecord> {
        let current = self.find(key, now)?;
        if !confirm {
            return Err(Error::NeedsConfirmation(format!(
                "Deleting '{}' removes its secret and its record. Confirm to go ahead (CLI: --yes).",
                current.name
            )));
        }
        self.vault.delete(&current.id)?;
        self.file.update(now, |records| {
            records.retain(|r| r.id != current.id);
            Ok(())
        })?;
        Ok(current)
    }

    /// The secret of a token, for reveal, copy and signing. Refuses revoked tokens.
    pub fn secret(&self, key: &str, now: DateTime<Utc>) -> Result<(TokenRecord, Secret)> {
        let record = self.find(key, now)?;
        if record.revoked_at.is_some() {
            return Err(Error::Revoked(record.name));
        }
        let secret = self.vault.read(&record.id).map_err(|e| match e {
            Error::SecretMissing(_) => Error::SecretMissing(record.name.clone()),
            other => other,
        })?;
        Ok((record, secret))
    }
}

fn find_in<'a>(records: &'a [TokenRecord], key: &str) -> Result<&'a TokenRecord> {
    records
        .iter()
        .find(|r| r.id == key)
        .or_else(|| records.iter().find(|r| r.name.eq_ignore_ascii_case(key.trim())))
        .ok_or_else(|| Error::NotFound(key.to_owned()))
}

fn index_of(records: &[TokenRecord], key: &str) -> Result<usize> {
    let found = find_in(records, key)?;
    records.iter().position(|r| r.id == found.id).ok_or_else(|| Error::NotFound(key.to_owned()))
}

#[cfg(test)]
#[path = "inventory_tests.rs"]
mod tests;
