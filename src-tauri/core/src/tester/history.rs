//! Saved requests, kept in the data folder as JSON (`saved.json`, written atomically). Drafts
//! are scrubbed before they are stored: a credential typed by hand into a header or the query
//! (an `Authorization` row, a pasted `sk_live_…`) is replaced by its mask, so saved requests
//! never become a second, plaintext vault. Recent requests are the request log's
//! (`crate::request_log`), not a file here.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

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

/// The saved-requests file, guarded by one lock per process.
pub struct History {
    saved: PathBuf,
    lock: Mutex<()>,
}

impl History {
    /// Saved requests in `data`.
    pub fn new(data: &DataDir) -> Self {
        History { saved: data.root().join("saved.json"), lock: Mutex::new(()) }
    }

    fn read<T: for<'de> Deserialize<'de>>(path: &Path) -> Vec<T> {
        // Saved requests are a convenience: an unreadable file starts empty and is rewritten.
        std::fs::read(path).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    fn write<T: Serialize>(path: &Path, items: &[T]) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(items).map_err(|e| Error::Invalid(e.to_string()))?;
        write_atomically(path, &bytes)
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
