//! Everything that happens once a request has left: the one home of the tester's after-send
//! steps, in the order they must run.
//!
//! 1. **Record the use** — one row in the request log (`crate::request_log`), for answers and
//!    failures alike, before anything can return early. The row is the history and the
//!    token's last use: the metadata file is not rewritten.
//! 2. **Redact** every secret the request carried out of the answer (headers, text, pretty
//!    JSON), as is and URL-, JSON- and base64-encoded, so an echoing server cannot put it on
//!    screen; then mask anything else shaped like a token.
//! 3. **Keep a rolled secret**: a rotation endpoint's answer carries the new secret, which goes
//!    to the keychain instead of the screen.
//! 4. **Explain** a 401/403/429.
//!
//! The preview ([`Prepared`]) is redacted by the same rule, because a secret typed by hand into
//! a header, the query or the body is on its way to a face too.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::mask::{MaskLevel, Masker};
use crate::profile::Profiles;
use crate::redact::Redactor;
use crate::request::diagnose::diagnose;
use crate::request::spec::RequestDraft;
use crate::send::HttpResponse;

use crate::request_log::{NewEntry, Outcome, Target};
use super::response_scrub::scrub_response;
use super::{blocking, Built, Prepared, SendResult, Tester};

/// A request that went out, and what came back.
pub(super) struct Sent {
    pub built: Built,
    pub draft: RequestDraft,
    /// When the send started, by the tester's clock.
    pub started: DateTime<Utc>,
    /// How long the sender took, measured; a failure's time is logged with it.
    pub elapsed_ms: f64,
    pub result: Result<HttpResponse>,
}

/// Runs the after-send steps and hands the faces what they may show.
pub(super) async fn finish(tester: &Arc<Tester>, sent: Sent) -> Result<SendResult> {
    let Sent { built, draft, started, elapsed_ms, result } = sent;
    let profiles = tester.inventory.profiles();
    let redactor = Redactor::new(&[&built.secret], profiles, MaskLevel::Normal);
    let recorded = record_use(tester, &built, &redacted_draft(&draft, &redactor), &redactor, started, elapsed_ms, &result).await;
    let mut response = result?;
    if let Err(e) = recorded {
        // The answer is worth more than the bookkeeping: show it, and say what was not kept.
        response.notices.push(format!("This request could not be recorded in the request log: {e}"));
    }
    redact_response(&mut response, &redactor);
    keep_rolled_secret(tester, &built, &draft, &mut response).await?;
    let masker = Masker::new(profiles, MaskLevel::Normal);
    let now = tester.clock.now();
    let diagnosis = diagnose(response.status, &response.headers, &response.body, &built.record, &built.profile, Some(&built.secret), &masker, now);
    // The raw bytes are not serialized, but nothing after this point needs the unredacted form.
    response.body = response.body_text.clone().map(String::into_bytes).unwrap_or_default();
    Ok(SendResult { request: redact_prepared(built.prepared, &redactor), response, diagnosis })
}

/// The preview of a built request, with the request's own secret redacted wherever the user
/// typed it (the auth headers are masked already).
pub(super) fn redacted_preview(built: &Built, profiles: &Profiles) -> Prepared {
    let redactor = Redactor::new(&[&built.secret], profiles, MaskLevel::Normal);
    redact_prepared(built.prepared.clone(), &redactor)
}

fn redact_prepared(mut p: Prepared, redactor: &Redactor) -> Prepared {
    redactor.redact_in_place(&mut p.url);
    redactor.redact_in_place(&mut p.body);
    for h in &mut p.headers {
        redactor.redact_in_place(&mut h.value);
    }
    if let Some(hmac) = p.hmac.as_mut() {
        redactor.redact_in_place(&mut hmac.signed_text);
    }
    p
}

fn redacted_draft(draft: &RequestDraft, redactor: &Redactor) -> RequestDraft {
    let mut d = draft.clone();
    redactor.redact_in_place(&mut d.url);
    redactor.redact_in_place(&mut d.body);
    for row in d.headers.iter_mut().chain(d.query.iter_mut()) {
        redactor.redact_in_place(&mut row.value);
    }
    d
}

/// Step 2: the request's secrets out of every text form of the answer, then token shapes.
fn redact_response(response: &mut HttpResponse, redactor: &Redactor) {
    let mut found = 0;
    for (_, value) in &mut response.headers {
        found += redactor.redact_in_place(value);
    }
    if let Some(text) = response.body_text.as_mut() {
        found += redactor.redact_in_place(text);
    }
    if let Some(pretty) = response.body_json_pretty.as_mut() {
        found += redactor.redact_in_place(pretty);
    }
    if found > 0 {
        response.notices.push(format!(
            "The answer contained the secret this request was sent with ({found} time(s), as is or encoded); it is shown masked."
        ));
    }
}

/// Step 1: one row in the request log, which is the history and the token's last use.
async fn record_use(
    tester: &Arc<Tester>,
    built: &Built,
    draft: &RequestDraft,
    redactor: &Redactor,
    started: DateTime<Utc>,
    elapsed_ms: f64,
    result: &Result<HttpResponse>,
) -> Result<()> {
    let outcome = match result {
        Ok(response) => Outcome::Answered(response),
        Err(Error::Network { kind, .. }) => Outcome::Failed { kind: *kind, elapsed_ms },
        // Not a transport failure (a malformed header the sender refused): nothing was sent.
        Err(_) => return Ok(()),
    };
    let entry = entry_for(tester, built, draft, redactor, started, outcome);
    let me = Arc::clone(tester);
    blocking(move || me.inventory.request_log(started)?.record(&entry).map(|_| ())).await
}

/// A send a guardrail refused: logged (kind `guardrail`) but not counted as a use.
pub(super) fn record_refusal(tester: &Tester, built: &Built, draft: &RequestDraft, at: DateTime<Utc>) -> Result<()> {
    let redactor = Redactor::new(&[&built.secret], tester.inventory.profiles(), MaskLevel::Normal);
    let entry = entry_for(tester, built, &redacted_draft(draft, &redactor), &redactor, at, Outcome::Refused);
    tester.inventory.request_log(at)?.record(&entry).map(|_| ())
}

/// The log row for `built`: the URL with the request's own secret redacted (the log then
/// removes secret-looking query values and path segments itself).
fn entry_for(tester: &Tester, built: &Built, draft: &RequestDraft, redactor: &Redactor, at: DateTime<Utc>, outcome: Outcome<'_>) -> NewEntry {
    let mut url = built.prepared.url.clone();
    redactor.redact_in_place(&mut url);
    let target = Target::of(&draft.url, &built.spec.method, draft.endpoint_id.as_deref(), &built.profile);
    let body = built.spec.body.len() as u64;
    NewEntry::for_send(at, &built.record, &built.spec.method, &url, target, body, outcome, tester.inventory.profiles())
}

/// Step 3: masks secret-shaped values; a successful rotation's new secret goes to the keychain.
async fn keep_rolled_secret(tester: &Arc<Tester>, built: &Built, draft: &RequestDraft, response: &mut HttpResponse) -> Result<()> {
    let found = scrub_response(response, tester.inventory.profiles());
    if !is_roll_secret(draft, &built.prepared.url) || !(200..300).contains(&response.status) {
        return Ok(());
    }
    let Some(new_secret) = found.into_iter().next() else { return Ok(()) };
    let me = Arc::clone(tester);
    let (id, now) = (built.record.id.clone(), tester.clock.now());
    blocking(move || me.inventory.replace_secret(&id, &new_secret, now)).await?;
    response.notices.push(format!("The new secret was stored in the keychain for '{}'; the old one no longer works.", built.record.name));
    Ok(())
}

/// A Pandabase-style secret rotation: its answer carries the new secret, which must be stored.
fn is_roll_secret(draft: &RequestDraft, url: &str) -> bool {
    draft.endpoint_id.as_deref() == Some("roll-secret")
        || url::Url::parse(url).is_ok_and(|u| u.path().trim_end_matches('/').ends_with("/roll-secret"))
}
