//! Import of pasted text or a `.env` file: every recognizable token becomes a proposal the
//! user confirms. The values stay here, in Rust, keyed by a proposal id; the faces only see
//! the masked form and send back ids with the record they want.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::inventory::Inventory;
use crate::recognize::Recognition;
use crate::scan::{scan, Found};
use crate::token_input::{NewToken, SecretField};
use crate::transfer::{ImportReport, Skipped};

/// One token found in the text, as the faces see it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    pub proposal_id: String,
    pub source: String,
    pub suggested_name: String,
    pub masked: String,
    pub recognition: Recognition,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub token_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub store_id: Option<String>,
}

/// The user's choice for one proposal: the record to create (its `secret` field is ignored).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProposalChoice {
    pub proposal_id: String,
    pub token: NewToken,
}

/// Proposals waiting for the user's confirmation.
#[derive(Default)]
pub struct ProposalBook {
    pending: Mutex<HashMap<String, Found>>,
}

impl ProposalBook {
    /// An empty book.
    pub fn new() -> Self {
        Self::default()
    }

    /// Scans `text`, keeps what it finds, and returns the proposals (masked).
    pub fn propose(&self, inventory: &Inventory, text: &str) -> Vec<Proposal> {
        let found = scan(text, inventory.profiles());
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        found
            .into_iter()
            .map(|f| {
                let id = uuid::Uuid::new_v4().to_string();
                let proposal = Proposal {
                    proposal_id: id.clone(),
                    source: f.source.clone(),
                    suggested_name: f.suggested_name.clone(),
                    masked: f.recognition.masked.clone(),
                    recognition: f.recognition.clone(),
                    token_id: f.token_id.clone(),
                    store_id: f.store_id.clone(),
                };
                pending.insert(id, f);
                proposal
            })
            .collect()
    }

    /// Creates a token for each choice, with the value kept for its proposal. A choice that
    /// fails is skipped with the reason; the others go ahead.
    pub fn confirm(&self, inventory: &Inventory, choices: Vec<ProposalChoice>, now: DateTime<Utc>) -> ImportReport {
        let mut report = ImportReport::default();
        for choice in choices {
            let name = choice.token.name.clone();
            let found = self.pending.lock().unwrap_or_else(|p| p.into_inner()).remove(&choice.proposal_id);
            let outcome = match found {
                None => Err(Error::NotFound(format!("proposal {} (scan the text again)", choice.proposal_id))),
                Some(f) => {
                    let mut token = choice.token;
                    token.secret = SecretField(f.value.clone());
                    inventory.create(token, now).inspect_err(|_| {
                        // Keep it so the user can fix the record and confirm again.
                        self.pending.lock().unwrap_or_else(|p| p.into_inner()).insert(choice.proposal_id.clone(), f);
                    })
                }
            };
            match outcome {
                Ok(view) => {
                    report.warnings.extend(view.same_secret_warning());
                    report.added.push(name);
                }
                Err(e) => report.skipped.push(Skipped { name, reason: e.to_string() }),
            }
        }
        report
    }

    /// Forgets every pending value (the dialog was closed).
    pub fn clear(&self) {
        self.pending.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}
