//! The inventory service: the one API both faces call to list, create, edit, rotate, revoke and
//! delete tokens. It keeps the two halves of a token in step: metadata in the metadata file,
//! the secret in the vault. The secret is written first and the metadata second, and a failed
//! metadata write takes the secret back out, so neither half is ever left orphaned silently.
//! A locked or missing keychain refuses the operation and changes nothing.
//!
//! Each stored secret's keyed fingerprint goes in its record (see `fingerprint.rs`), so views
//! name the other tokens holding the same secret (`TokenView::same_secret_as`) without the
//! secret ever leaving the keychain.
//!
//! A token's last use comes from the request log (opened on first need), not from the
//! metadata file, so sending never rewrites `tokens.json`; a `lastUsed` written there by an
//! older Tokenbench still counts when the log knows nothing later.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::mask::{mask, MaskLevel};
use crate::metadata::MetadataFile;
use crate::paths::DataDir;
use crate::profile::Profiles;
use crate::fingerprint::Fingerprinter;
use crate::query::{list, ListQuery, SameSecret, TokenView};
use crate::request_log::RequestLog;
use crate::secret::Secret;
use crate::token::TokenRecord;
use crate::token_input::{apply_patch, clean_secret, record_from, validate, validate_fields, NewToken, TokenPatch};
use crate::transfer::{ImportReport, Skipped};
use crate::vault::{KeychainStatus, Vault};

/// The inventory of one data folder, backed by one vault.
pub struct Inventory {
    data: DataDir,
    file: MetadataFile,
    vault: Arc<dyn Vault>,
    profiles: Profiles,
    notices: Mutex<Vec<String>>,
    /// Read from the keychain on first need, then kept.
    fingerprinter: Mutex<Option<Arc<Fingerprinter>>>,
    log: Mutex<Option<Arc<RequestLog>>>,
}

impl Inventory {
    /// Opens the inventory in `data` with `vault`. Loads bundled and user provider profiles;
    /// fails only if a user profile is broken (the message names the file).
    pub fn open(data: DataDir, vault: Arc<dyn Vault>) -> Result<Self> {
        let profiles = Profiles::load(Some(&data.profiles_dir()))?;
        let file = MetadataFile::new(data.metadata_file());
        Ok(Inventory {
            data,
            file,
            vault,
            profiles,
            notices: Mutex::new(Vec::new()),
            fingerprinter: Mutex::new(None),
            log: Mutex::new(None),
        })
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

    /// The view of one record, naming the other records that hold the same secret.
    pub fn view(&self, key: &str, now: DateTime<Utc>) -> Result<TokenView> {
        let records = self.records(now)?;
        let record = find_in(&records, key)?;
        Ok(self.view_among(record, &records, now))
    }

    fn view_among(&self, record: &TokenRecord, records: &[TokenRecord], now: DateTime<Utc>) -> TokenView {
        let mut view = TokenView::of(record.clone(), &self.profiles, now);
        view.same_secret_as = SameSecret::index(records).others(record);
        view
    }

    /// This installation's fingerprinter (reads, or the first time creates, the install key).
    fn fingerprinter(&self) -> Result<Arc<Fingerprinter>> {
        let mut cached = self.fingerprinter.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = cached.as_ref() {
            return Ok(f.clone());
        }
        let made = Arc::new(Fingerprinter::load_or_create(self.vault.as_ref())?);
        *cached = Some(made.clone());
        Ok(made)
    }

    /// Creates a token: validates, stores the secret in the vault, then the metadata (with
    /// the secret's fingerprint). The view's `same_secret_as` names any other token that holds
    /// the same secret: the faces warn, the token is created all the same.
    pub fn create(&self, input: NewToken, now: DateTime<Utc>) -> Result<TokenView> {
        let profile = self.profiles.require(&input.provider)?;
        let secret = clean_secret(&input.secret.0, &self.profiles)?;
        let mut record = record_from(&input, profile, mask(secret.expose(), &self.profiles, MaskLevel::Normal), now);
        validate(&record, profile, &self.records(now)?)?;
        record.fingerprint = Some(self.fingerprinter()?.of(&secret));
        self.vault.store(&record.id, &secret)?;
        let saved = self.file.update(now, |records| {
            validate(&record, profile, records)?;
            records.push(record.clone());
            Ok(self.view_among(&record, records, now))
        });
        if saved.is_err() {
            // Best effort: the metadata failed, so the secret must not stay behind unnamed.
            let _ = self.vault.delete(&record.id);
        }
        saved
    }

    /// Adds records that have no secret yet (an inventory import), in one write of the metadata
    /// file. Each is checked like a new token (its profile, its fields, a free name, against an
    /// index of the names, so the import is linear in the records); one that fails is skipped
    /// with the reason, the others are added. A record whose id is taken gets a new id. Their
    /// secrets can be added later. Fails only if the metadata file cannot be read or written,
    /// and then adds nothing.
    pub fn insert_records(&self, records: Vec<TokenRecord>, now: DateTime<Utc>) -> Result<ImportReport> {
        self.file.update(now, |existing| {
            let mut report = ImportReport::default();
            let mut names: HashSet<String> = existing.iter().map(|r| r.name.to_ascii_lowercase()).collect();
            let mut ids: HashSet<String> = existing.iter().map(|r| r.id.clone()).collect();
            existing.reserve(records.len());
            for mut record in records {
                let key = record.name.to_ascii_lowercase();
                let checked = self.profiles.require(&record.provider).and_then(|profile| {
                    if names.contains(&key) {
                        return Err(Error::DuplicateName(record.name.clone()));
                    }
                    validate_fields(&record, profile)
                });
                if let Err(e) = checked {
                    report.skipped.push(Skipped { name: record.name, reason: e.to_string() });
                    continue;
                }
                while !ids.insert(record.id.clone()) {
                    record.id = uuid::Uuid::new_v4().to_string();
                }
                names.insert(key);
                report.added.push(record.name.clone());
                existing.push(record);
            }
            Ok(report)
        })
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
        let fingerprint = self.fingerprinter()?.of(&secret);
        self.vault.store(&current.id, &secret)?;
        let masked = mask(secret.expose(), &self.profiles, MaskLevel::Normal);
        self.file.update(now, |records| {
            let index = index_of(records, &current.id)?;
            records[index].masked = masked;
            records[index].last_rotated = Some(now);
            records[index].fingerprint = Some(fingerprint);
            Ok(self.view_among(&records[index], records, now))
        })
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
            records[index].fingerprint = None; // the secret is gone: it matches nothing now
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

    /// The secret of a token, for reveal, copy and signing. Refuses revoked tokens. A record
    /// without a fingerprint (stored before fingerprints, or imported) gets one now, best
    /// effort: a failure to note it never fails the read.
    pub fn secret(&self, key: &str, now: DateTime<Utc>) -> Result<(TokenRecord, Secret)> {
        let mut record = self.find(key, now)?;
        if record.revoked_at.is_some() {
            return Err(Error::Revoked(record.name));
        }
        let secret = self.vault.read(&record.id).map_err(|e| match e {
            Error::SecretMissing(_) => Error::SecretMissing(record.name.clone()),
            other => other,
        })?;
        if record.fingerprint.is_none() {
            if let Ok(f) = self.fingerprinter() {
                let fingerprint = f.of(&secret);
                let noted = self.file.update(now, |records| {
                    let index = index_of(records, &record.id)?;
                    records[index].fingerprint = Some(fingerprint.clone());
                    Ok(())
                });
                if noted.is_ok() {
                    record.fingerprint = Some(fingerprint);
                }
            }
        }
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
