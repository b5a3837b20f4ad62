//! Recent and saved requests, kept in the data folder as JSON (written atomically). Drafts are
//! scrubbed before they are stored: a credential typed by hand into a header or the query
//! (an `Authorization` row, a pasted `sk_live_…`) is replaced by its mask, so history never
//! becomes a second, plaintext vault.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::mask::{mask, MaskLevel};
use crate::metadata::write_atomically;
use crate::paths::DataDir;
use crate::profile::Profiles;
use crate::request::spec::{FormRow, RequestDraft};
use crate::send::ALWAYS_SENSITIVE;

use super::response_scrub::mask_secrets;

/// How many recent requests are kept.
pub const RECENT_MAX: usize = 50;

/// One sent request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub id: String,
    pub at: DateTime<Utc>,
    pub token_id: String,
    pub token_name: String,
    pub method: String,
    /// Origin and path only: query strings can carry keys.
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub total_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub error: Option<String>,
    pub draft: RequestDraft,
}

impl HistoryEntry {
    /// An entry for a request just sent (`status` and total time, or the error).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        at: DateTime<Utc>,
        token_id: &str,
        token_name: &str,
        method: &str,
        url: &str,
        status: Option<(u16, f64)>,
        error: Option<String>,
        draft: &RequestDraft,
        profiles: &Profiles,
    ) -> Self {
        let url = url::Url::parse(url)
            .map(|mut u| {
                u.set_query(None);
                u.to_string()
            })
            .unwrap_or_default();
        HistoryEntry {
            id: uuid::Uuid::new_v4().to_string(),
            at,
            token_id: token_id.to_owned(),
            token_name: token_name.to_owned(),
            method: method.to_owned(),
            url,
            status: status.map(|s| s.0),
            total_ms: status.map(|s| s.1),
            error,
            draft: scrub_draft(draft, profiles),
        }
    }
}

/// A request the user saved by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedRequest {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub token_id: Option<String>,
    pub draft: RequestDraft,
}

/// A draft with every credential-looking header, query value or body word replaced by its mask.
pub fn scrub_draft(draft: &RequestDraft, profiles: &Profiles) -> RequestDraft {
    let scrub = |rows: &[FormRow]| -> Vec<FormRow> {
        rows.iter()
            .map(|r| {
                if ALWAYS_SENSITIVE.iter().any(|n| n.eq_ignore_ascii_case(r.name.trim())) {
                    FormRow { value: mask(r.value.trim(), profiles, MaskLevel::Normal), ..r.clone() }
                } else {
                    FormRow { value: mask_secrets(&r.value, profiles).0, ..r.clone() }
                }
            })
            .collect()
    };
    RequestDraft {
        headers: scrub(&draft.headers),
        query: scrub(&draft.query),
        body: mask_secrets(&draft.body, profiles).0,
        ..draft.clone()
    }
}

/// The two files, guarded by one lock per process.
pub struct History {
    recent: PathBuf,
    saved: PathBuf,
    lock: Mutex<()>,
}

impl History {
    /// History files in `data`.
    pub fn new(data: &DataDir) -> Self {
        History { recent: data.root().join("recent.json"), saved: data.root().join("saved.json"), lock: Mutex::new(()) }
    }

    fn read<T: for<'de> Deserialize<'de>>(path: &Path) -> Vec<T> {
        // History is a convenience: an unreadable file starts empty and is rewritten.
        std::fs::read(path).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    fn write<T: Serialize>(path: &Path, items: &[T]) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(items).map_err(|e| Error::Invalid(e.to_string()))?;
        write_atomically(path, &bytes)
    }

    /// Adds a sent request, keeping the newest [`RECENT_MAX`].
    pub fn record(&self, entry: HistoryEntry) -> Result<()> {
        let _g = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut items: Vec<HistoryEntry> = Self::read(&self.recent);
        items.insert(0, entry);
        items.truncate(RECENT_MAX);
        Self::write(&self.recent, &items)
    }

    /// Recent requests, newest first.
    pub fn recent(&self) -> Vec<HistoryEntry> {
        Self::read(&self.recent)
    }

    /// Saved requests, by name.
    pub fn saved(&self) -> Vec<SavedRequest> {
        let mut items: Vec<SavedRequest> = Self::read(&self.saved);
        items.sort_by_key(|s| s.name.to_lowercase());
        items
    }

    /// Saves (or replaces, by name) a request, scrubbed.
    pub fn save(&self, name: &str, token_id: Option<String>, draft: &RequestDraft, profiles: &Profiles) -> Result<SavedRequest> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Invalid("give the saved request a name".into()));
        }
        let _g = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut items: Vec<SavedRequest> = Self::read(&self.saved);
        items.retain(|s| !s.name.eq_ignore_ascii_case(name));
        let saved = SavedRequest { id: uuid::Uuid::new_v4().to_string(), name: name.to_owned(), token_id, draft: scrub_draft(draft, profiles) };
        items.push(saved.clone());
        Self::write(&self.saved, &items)?;
        Ok(saved)
    }

    /// Deletes a saved request.
    pub fn delete_saved(&self, id: &str) -> Result<()> {
        let _g = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut items: Vec<SavedRequest> = Self::read(&self.saved);
        let before = items.len();
        items.retain(|s| s.id != id);
        if items.len() == before {
            return Err(Error::NotFound(format!("saved request {id}")));
        }
        Self::write(&self.saved, &items)
    }
}
