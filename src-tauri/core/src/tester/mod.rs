//! The request tester: take a vault token and a draft, resolve it against the token's profile,
//! sign it with the token's auth mode, check the guardrails, send it, and explain the answer.
//! Both faces call this, so `tokenbench send` and the app's Send button put the same bytes on
//! the wire. The bytes signed are the bytes sent: the body is never re-serialized in between.

mod after_send;
mod history;
mod prepared;
mod response_scrub;
mod sandbox_port;
mod sandbox_runner;
mod sandbox_tokens;
mod verify;

pub use history::{scrub_draft, History, SavedRequest};
pub use crate::request_log::RecentRequest;
pub use response_scrub::scrub_response;
pub use prepared::{HmacDebug, Prepared, SendOptions, SendResult};
pub use sandbox_port::SandboxPortNote;
pub use sandbox_runner::{SandboxRunner, SandboxStatus};
pub use sandbox_tokens::{create_sandbox_token, InventorySource, NewSandboxToken, SANDBOX_TAG};
pub use verify::{verify_signature, VerifyMatch, VerifyResult};

use std::sync::Arc;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::inventory::Inventory;
use crate::mask::{MaskLevel, Masker};
use crate::profile::Profile;
use crate::request::auth::{auth_headers_for, AuthHeader};
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

/// The tester over one inventory, one sender and the face's clock.
pub struct Tester {
    inventory: Arc<Inventory>,
    sender: Arc<dyn HttpSender>,
    history: History,
    clock: Arc<dyn Clock>,
}

impl Tester {
    /// A tester sending with `sender` and reading the time from `clock` (expiry in diagnoses,
    /// when a request was sent); history lives in the inventory's data folder.
    pub fn new(inventory: Arc<Inventory>, sender: Arc<dyn HttpSender>, clock: Arc<dyn Clock>) -> Self {
        let history = History::new(inventory.data_dir());
        Tester { inventory, sender, history, clock }
    }

    /// The inventory it draws tokens from.
    pub fn inventory(&self) -> &Arc<Inventory> {
        &self.inventory
    }

    /// Saved requests (recent ones come from the request log: [`Tester::recent`]).
    pub fn history(&self) -> &History {
        &self.history
    }

    fn build(&self, token: &str, draft: &RequestDraft, options: &SendOptions) -> Result<Built> {
        let (record, secret) = self.inventory.secret(token, self.clock.now())?;
        let profile = self.inventory.profiles().require(&record.provider)?.clone();
        let spec = draft.resolve(&record, &profile, options.base_url.as_deref())?;
        let url = spec.full_url()?;
        https_required(&profile, url.as_str())?;
        let auth = auth_headers_for(&record, Some(&profile), &secret, &spec.body)?;
        let asks = confirmations(&record, &profile, &spec.method, url.as_str());
        let masker = Masker::new(self.inventory.profiles(), MaskLevel::Normal);
        let prepared = Prepared::new(&spec, url.as_str(), &auth, &record, &secret, asks, &masker);
        Ok(Built { record, profile, secret, spec, auth, prepared })
    }

    /// The guardrail questions sending this request would ask. Reads no secret (so a face can
    /// ask first and then send with one keychain read); fails like [`Tester::prepare`].
    pub fn confirmations(&self, token: &str, draft: &RequestDraft, options: &SendOptions) -> Result<Vec<Confirmation>> {
        let record = self.inventory.find(token, self.clock.now())?;
        let profile = self.inventory.profiles().require(&record.provider)?;
        let spec = draft.resolve(&record, profile, options.base_url.as_deref())?;
        Ok(confirmations(&record, profile, &spec.method, spec.full_url()?.as_str()))
    }

    /// The exact request that would be sent, secrets masked, with the HMAC details and the
    /// confirmations it needs. Blocking (reads the keychain); no network.
    pub fn prepare(&self, token: &str, draft: &RequestDraft, options: &SendOptions) -> Result<Prepared> {
        let built = self.build(token, draft, options)?;
        Ok(after_send::redacted_preview(&built, self.inventory.profiles()))
    }

    /// A cURL / TypeScript / Python equivalent of the request [`Tester::send`] would make with
    /// the same `options` (so a `base_url` override is in the snippet's URL). The secret appears
    /// inline only with `inline_secret`.
    pub fn snippet(&self, token: &str, draft: &RequestDraft, options: &SendOptions, lang: SnippetLang, inline_secret: bool) -> Result<String> {
        let b = self.build(token, draft, options)?;
        Ok(snippet(lang, &b.record, &b.profile, &b.spec, inline_secret.then_some(&b.secret)))
    }

    /// Sends the request. Refuses with [`Error::NeedsConfirmation`] when a guardrail applies
    /// and `options.confirmed` does not cover it. What happens once the answer is back
    /// (redaction, a rolled secret, recording the use, the diagnosis) is `after_send`'s.
    pub async fn send(self: &Arc<Self>, token: String, draft: RequestDraft, options: SendOptions) -> Result<SendResult> {
        let started = self.clock.now();
        let me = Arc::clone(self);
        let (built, draft) = blocking(move || {
            let built = me.build(&token, &draft, &options).inspect_err(|e| me.log_https_refusal(e, &token, &draft, &options, started))?;
            if let Err(e) = require_confirmed(&built.prepared.confirmations, &options.confirmed) {
                // A refusal is logged; failing to log it must not hide the question itself.
                let _ = after_send::record_refusal(&me, &built, &draft, started);
                return Err(e);
            }
            Ok((built, draft))
        })
        .await?;
        let outgoing = outgoing(&built)?;
        let clock = std::time::Instant::now();
        let result = self.sender.send(outgoing).await;
        let elapsed_ms = clock.elapsed().as_secs_f64() * 1000.0;
        after_send::finish(self, after_send::Sent { built, draft, started, elapsed_ms, result }).await
    }

    /// The last `limit` requests (every token), newest first, from the request log; each with
    /// the draft that repeats it.
    pub fn recent(&self, limit: usize) -> Result<Vec<RecentRequest>> {
        self.inventory.request_log(self.clock.now())?.recent(limit)
    }

    /// When `build` failed on the profile's HTTPS rule, logs the refusal. Reads no secret: the
    /// row needs none.
    fn log_https_refusal(&self, err: &Error, token: &str, draft: &RequestDraft, options: &SendOptions, at: chrono::DateTime<chrono::Utc>) {
        if !matches!(err, Error::Invalid(_)) {
            return;
        }
        let Ok(record) = self.inventory.find(token, at) else { return };
        let Ok(profile) = self.inventory.profiles().require(&record.provider).cloned() else { return };
        let Ok(spec) = draft.resolve(&record, &profile, options.base_url.as_deref()) else { return };
        let Ok(url) = spec.full_url() else { return };
        if https_required(&profile, url.as_str()).is_ok() {
            return;
        }
        let masker = Masker::new(self.inventory.profiles(), MaskLevel::Normal);
        let nothing = Secret::new("");
        let prepared = Prepared::new(&spec, url.as_str(), &[], &record, &nothing, Vec::new(), &masker);
        let built = Built { record, profile, secret: nothing, spec, auth: Vec::new(), prepared };
        let _ = after_send::record_refusal(self, &built, draft, at);
    }
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
#[cfg(test)]
#[path = "log_tests.rs"]
mod log_tests;
