//! The request tester: take a vault token and a draft, resolve it against the token's profile,
//! sign it with the token's auth mode, check the guardrails, send it, and explain the answer.
//! Both faces call this, so `tokenbench send` and the app's Send button put the same bytes on
//! the wire. The bytes signed are the bytes sent: the body is never re-serialized in between.

mod history;
mod prepared;
mod response_scrub;
mod sandbox_port;
mod sandbox_runner;
mod sandbox_tokens;
mod verify;

pub use history::{scrub_draft, HistoryEntry, History, SavedRequest};
pub use response_scrub::scrub_response;
pub use prepared::{HmacDebug, Prepared, SendOptions, SendResult};
pub use sandbox_port::SandboxPortNote;
pub use sandbox_runner::{SandboxRunner, SandboxStatus};
pub use sandbox_tokens::{create_sandbox_token, InventorySource, NewSandboxToken, SANDBOX_TAG};
pub use verify::{verify_signature, VerifyMatch, VerifyResult};

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::inventory::Inventory;
use crate::profile::Profile;
use crate::request::auth::{auth_headers_for, AuthHeader};
use crate::request::diagnose::diagnose;
use crate::request::guard::{confirmations, https_required, require_confirmed, Confirmation};
use crate::request::snippet::{snippet, SnippetLang};
use crate::request::spec::{RequestDraft, RequestSpec};
use crate::secret::Secret;
use crate::send::{HttpSender, OutgoingRequest};
use crate::token::TokenRecord;

/// Everything needed to send one request, resolved and signed.
struct Built {
    record: TokenRecord,
    profile: Profile,
    secret: Secret,
    spec: RequestSpec,
    auth: Vec<AuthHeader>,
    prepared: Prepared,
}

/// The tester over one inventory and one sender.
pub struct Tester {
    inventory: Arc<Inventory>,
    sender: Arc<dyn HttpSender>,
    history: History,
}

impl Tester {
    /// A tester sending with `sender`; history lives in the inventory's data folder.
    pub fn new(inventory: Arc<Inventory>, sender: Arc<dyn HttpSender>) -> Self {
        let history = History::new(inventory.data_dir());
        Tester { inventory, sender, history }
    }

    /// The inventory it draws tokens from.
    pub fn inventory(&self) -> &Arc<Inventory> {
        &self.inventory
    }

    /// Recent and saved requests.
    pub fn history(&self) -> &History {
        &self.history
    }

    fn build(&self, token: &str, draft: &RequestDraft, options: &SendOptions, now: DateTime<Utc>) -> Result<Built> {
        let (record, secret) = self.inventory.secret(token, now)?;
        let profile = self.inventory.profiles().require(&record.provider)?.clone();
        let spec = draft.resolve(&record, &profile, options.base_url.as_deref())?;
        let url = spec.full_url()?;
        https_required(&profile, url.as_str())?;
        let auth = auth_headers_for(&record, Some(&profile), &secret, &spec.body)?;
        let asks = confirmations(&record, &profile, &spec.method, url.as_str());
        let prepared = Prepared::new(&spec, url.as_str(), &auth, &record, &secret, asks);
        Ok(Built { record, profile, secret, spec, auth, prepared })
    }

    /// The guardrail questions sending this request would ask. Reads no secret (so a face can
    /// ask first and then send with one keychain read); fails like [`Tester::prepare`].
    pub fn confirmations(&self, token: &str, draft: &RequestDraft, options: &SendOptions, now: DateTime<Utc>) -> Result<Vec<Confirmation>> {
        let record = self.inventory.find(token, now)?;
        let profile = self.inventory.profiles().require(&record.provider)?;
        let spec = draft.resolve(&record, profile, options.base_url.as_deref())?;
        Ok(confirmations(&record, profile, &spec.method, spec.full_url()?.as_str()))
    }

    /// The exact request that would be sent, secrets masked, with the HMAC details and the
    /// confirmations it needs. Blocking (reads the keychain); no network.
    pub fn prepare(&self, token: &str, draft: &RequestDraft, options: &SendOptions, now: DateTime<Utc>) -> Result<Prepared> {
        Ok(self.build(token, draft, options, now)?.prepared)
    }

    /// A cURL / TypeScript / Python equivalent of the request [`Tester::send`] would make with
    /// the same `options` (so a `base_url` override is in the snippet's URL). The secret appears
    /// inline only with `inline_secret`.
    pub fn snippet(&self, token: &str, draft: &RequestDraft, options: &SendOptions, lang: SnippetLang, inline_secret: bool, now: DateTime<Utc>) -> Result<String> {
        let b = self.build(token, draft, options, now)?;
        Ok(snippet(lang, &b.record, &b.profile, &b.spec, inline_secret.then_some(&b.secret)))
    }

    /// Sends the request. Refuses with [`Error::NeedsConfirmation`] when a guardrail applies
    /// and `options.confirmed` does not cover it. Records last use and history.
    pub async fn send(self: &Arc<Self>, token: String, draft: RequestDraft, options: SendOptions, now: DateTime<Utc>) -> Result<SendResult> {
        let me = Arc::clone(self);
        let (built, draft) = blocking(move || {
            let built = me.build(&token, &draft, &options, now)?;
            require_confirmed(&built.prepared.confirmations, &options.confirmed)?;
            Ok((built, draft))
        })
        .await?;
        let outgoing = outgoing(&built)?;
        let started = Utc::now();
        let result = self.sender.send(outgoing).await;
        let me = Arc::clone(self);
        let entry_draft = draft.clone();
        let (id, name, url) = (built.record.id.clone(), built.record.name.clone(), built.prepared.url.clone());
        let method = built.spec.method.clone();
        let status = result.as_ref().ok().map(|r| (r.status, r.timing.total_ms));
        let error = result.as_ref().err().map(|e| e.to_string());
        blocking(move || {
            me.inventory.touch(&id, now)?;
            me.history.record(HistoryEntry::new(started, &id, &name, &method, &url, status, error, &entry_draft, me.inventory.profiles()))
        })
        .await?;
        let mut response = result?;
        let found = scrub_response(&mut response, self.inventory.profiles());
        if is_roll_secret(&draft, &built.prepared.url) && (200..300).contains(&response.status) {
            if let Some(new_secret) = found.into_iter().next() {
                let me = Arc::clone(self);
                let id = built.record.id.clone();
                blocking(move || me.inventory.replace_secret(&id, &new_secret, now)).await?;
                response.notices.push(format!(
                    "The new secret was stored in the keychain for '{}'; the old one no longer works.",
                    built.record.name
                ));
            }
        }
        let diagnosis = diagnose(response.status, &response.headers, &response.body, &built.record, &built.profile, Some(&built.secret), now);
        Ok(SendResult { request: built.prepared, response, diagnosis })
    }
}

/// A Pandabase-style secret rotation: its answer carries the new secret, which must be stored.
fn is_roll_secret(draft: &RequestDraft, url: &str) -> bool {
    draft.endpoint_id.as_deref() == Some("roll-secret")
        || url::Url::parse(url).is_ok_and(|u| u.path().trim_end_matches('/').ends_with("/roll-secret"))
}

fn outgoing(b: &Built) -> Result<OutgoingRequest> {
    let method = reqwest::Method::from_bytes(b.spec.method.as_bytes())
        .map_err(|_| Error::Invalid(format!("'{}' is not an HTTP method", b.spec.method)))?;
    let mut req = OutgoingRequest::new(method, b.prepared.url.clone());
    for (name, value) in &b.spec.headers {
        req = req.header(name, value)?;
    }
    for h in &b.auth {
        req = req.auth_header(&h.name, "", &h.value)?;
    }
    Ok(req.body(b.spec.body.clone()))
}

async fn blocking<T: Send + 'static>(work: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| Error::Invalid("the request was interrupted; try again".into()))?
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
#[cfg(test)]
mod loopback_tests;
