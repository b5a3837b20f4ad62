//! The HMAC verifier: given a body and a signature someone sent, which vault HMAC token (if
//! any) produced it? Each candidate is checked in constant time.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::hmac_sign;
use crate::inventory::Inventory;
use crate::token::AuthMode;

/// A token whose secret signs the body to the signature.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerifyMatch {
    pub id: String,
    pub name: String,
}

/// What the verifier found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerifyResult {
    pub matches: Vec<VerifyMatch>,
    /// How many HMAC tokens were checked.
    #[ts(type = "number")]
    pub checked: u32,
    /// The signature has the documented form: 64 lowercase hex characters.
    pub signature_valid: bool,
}

/// Checks `signature` over `body` against every HMAC token whose secret can be read at `now`.
pub fn verify_signature(inventory: &Inventory, body: &[u8], signature: &str, now: DateTime<Utc>) -> Result<VerifyResult> {
    let signature = signature.trim();
    let signature_valid = signature.len() == 64 && signature.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let mut result = VerifyResult { matches: Vec::new(), checked: 0, signature_valid };
    for record in inventory.records(now)?.into_iter().filter(|r| r.auth_mode == AuthMode::Hmac && r.revoked_at.is_none()) {
        let Ok(secret) = inventory.vault().read(&record.id) else { continue };
        result.checked += 1;
        if signature_valid && hmac_sign::verify(&secret, body, signature) {
            result.matches.push(VerifyMatch { id: record.id, name: record.name });
        }
    }
    Ok(result)
}
