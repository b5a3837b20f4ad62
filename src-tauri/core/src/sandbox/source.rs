//! Which tokens the sandbox accepts. The sandbox does not own tokens: the app or the CLI hands
//! them over through [`TokenSource`] (records from the inventory, secrets from the keychain).
//! The sandbox asks again whenever a credential it does not know arrives, so a token created
//! by another process after the sandbox started works on its first request.

use std::sync::Mutex;

use crate::secret::Secret;
use crate::token::TokenRecord;

/// A token the sandbox accepts: its record (provider, scopes, store, rate limit, expiry,
/// revocation) and its current secret.
#[derive(Debug, Clone)]
pub struct SandboxToken {
    pub record: TokenRecord,
    pub secret: Secret,
}

/// Supplies the sandbox's tokens.
pub trait TokenSource: Send + Sync {
    /// Every token the sandbox should know, with its current secret. Called from a blocking
    /// thread (it may read the keychain); a token whose secret cannot be read is left out.
    fn tokens(&self) -> Vec<SandboxToken>;

    /// Called once after the sandbox rolled the secret of the token with record id
    /// `token_record_id` (Pandabase `roll-secret`). The old secret is already dead; store the
    /// new one in the vault here or the token stops working for the app. Default: does nothing.
    fn on_secret_rolled(&self, token_record_id: &str, new_secret: Secret) {
        let _ = (token_record_id, new_secret);
    }
}

/// An in-memory source: for tests, demos and a sandbox started with explicit tokens. It keeps
/// rolled secrets, like a vault would.
#[derive(Debug, Default)]
pub struct MemoryTokenSource {
    tokens: Mutex<Vec<SandboxToken>>,
    queries: Mutex<usize>,
}

impl MemoryTokenSource {
    /// A source holding `tokens`.
    pub fn new(tokens: Vec<SandboxToken>) -> Self {
        MemoryTokenSource { tokens: Mutex::new(tokens), queries: Mutex::new(0) }
    }

    /// Adds a token (as if another process registered it).
    pub fn add(&self, token: SandboxToken) {
        if let Ok(mut list) = self.tokens.lock() {
            list.push(token);
        }
    }

    /// Edits the record with id `id` (revoke it, change its scopes…). Returns false if absent.
    pub fn update(&self, id: &str, edit: impl FnOnce(&mut TokenRecord)) -> bool {
        let Ok(mut list) = self.tokens.lock() else { return false };
        match list.iter_mut().find(|t| t.record.id == id) {
            Some(t) => {
                edit(&mut t.record);
                true
            }
            None => false,
        }
    }

    /// The current secret of record `id`.
    pub fn secret_of(&self, id: &str) -> Option<Secret> {
        let list = self.tokens.lock().ok()?;
        list.iter().find(|t| t.record.id == id).map(|t| t.secret.clone())
    }

    /// How many times [`TokenSource::tokens`] was called.
    pub fn query_count(&self) -> usize {
        self.queries.lock().map(|q| *q).unwrap_or(0)
    }
}

impl TokenSource for MemoryTokenSource {
    fn tokens(&self) -> Vec<SandboxToken> {
        if let Ok(mut q) = self.queries.lock() {
            *q += 1;
        }
        self.tokens.lock().map(|l| l.clone()).unwrap_or_default()
    }

    fn on_secret_rolled(&self, token_record_id: &str, new_secret: Secret) {
        if let Ok(mut list) = self.tokens.lock() {
            if let Some(t) = list.iter_mut().find(|t| t.record.id == token_record_id) {
                t.secret = new_secret;
            }
        }
    }
}
