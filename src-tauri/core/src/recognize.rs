//! Recognition on paste: what a value probably is (which provider, environment, role and auth
//! mode) and what looks wrong with it, so the form can fill itself in and warn before a bad
//! token is stored. Token shapes come from the provider profiles (data), never from code here.
//!
//! Prefixes collide: `sk_live_` is Pandabase's, Pixlpay's, Shipped Suite's (and Stripe's), so a
//! prefix alone never decides. Every matching (profile, shape) becomes a [`Candidate`]; the
//! confidence drops when several providers share the match and rises when the API host the
//! user gave belongs to the provider. The result never holds the secret: only the masked form
//! and, for PacSpace keys, the public id (which is not secret).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::mask::{mask_with_prefix, MaskLevel};
use crate::profile::{Profile, Profiles, ValueRole};
pub use crate::shape::{environment_named, ShapeMatch, ShapeMatcher};
use crate::token::{AuthMode, Environment, TokenKind, MAX_SECRET_CHARS};

/// Confidence of a shape match before host and collisions are weighed.
pub const BASE_CONFIDENCE: u8 = 60;
/// Added when the host the user gave belongs to the candidate's provider.
pub const HOST_BONUS: u8 = 35;
/// Taken off per additional provider whose shapes match the same value.
pub const COLLISION_PENALTY: u8 = 10;

/// Prefixes that services Tokenbench has no profile for also hand out, named in reasons so the
/// user knows a match may be someone else's key.
const FOREIGN_PREFIXES: &[(&str, &str)] =
    &[("sk_live_", "Stripe"), ("sk_test_", "Stripe"), ("pk_live_", "Stripe"), ("pk_test_", "Stripe")];

/// One thing the value could be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    /// Profile id.
    pub provider: String,
    /// The profile's display name.
    pub provider_name: String,
    /// From the shape or its `env` group; absent when the value does not say (`stk_…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub environment: Option<Environment>,
    /// The record kind to store it as.
    pub kind: TokenKind,
    /// What the value itself is (secret, publishable key, token id, store id).
    pub role: ValueRole,
    /// The profile's default, or HMAC for a token id of a provider that signs.
    pub auth_mode: AuthMode,
    /// 0–100.
    pub confidence: u8,
    /// Why, in words the user can check (names the prefix, never the value).
    pub reason: String,
}

/// What may be wrong with a pasted value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WarningCode {
    /// Nothing but whitespace was pasted.
    Empty,
    /// Leading/trailing whitespace (trimmed) or a space inside.
    Whitespace,
    /// A line break inside the value.
    LineBreak,
    /// A public token id (`stk_…`) where the secret belongs.
    TokenIdAsSecret,
    /// A publishable key: few endpoints accept it.
    PublishableKey,
    /// A store id (`shp_…`), not a secret.
    StoreId,
    /// Longer than the keychain can store everywhere ([`MAX_SECRET_CHARS`]).
    TooLong,
    /// No profile shape matches: storable as provider Custom.
    Unrecognized,
    /// The given host belongs to a provider whose shapes do not match.
    HostMismatch,
}

/// A warning with a sentence saying what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecognitionWarning {
    pub code: WarningCode,
    /// What is wrong and what to do, for the user.
    pub message: String,
}

/// Everything recognition found. Safe to send to the UI: it never contains the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recognition {
    /// Best first (confidence, then provider id).
    pub candidates: Vec<Candidate>,
    /// In [`WarningCode`] order.
    pub warnings: Vec<RecognitionWarning>,
    /// Screenshot-safe form of the trimmed value (see `mask.rs`); empty for an empty value.
    pub masked: String,
    /// The public half of a PacSpace `pk_env_PUBLIC.SECRET` key (not secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub public_id: Option<String>,
}

impl Recognition {
    /// The most likely candidate, if any shape matched.
    pub fn best(&self) -> Option<&Candidate> {
        self.candidates.first()
    }

    /// Raises `provider`'s candidates by `points` (capped at 100), appends `why` to their
    /// reasons and re-sorts. For evidence recognition cannot see (a variable name, a paired
    /// token id). Does nothing if `provider` is not a candidate.
    pub fn boost(&mut self, provider: &str, points: u8, why: &str) {
        for c in self.candidates.iter_mut().filter(|c| c.provider == provider) {
            c.confidence = c.confidence.saturating_add(points).min(100);
            c.reason = format!("{} {why}", c.reason);
        }
        sort_candidates(&mut self.candidates);
    }
}

impl ShapeMatcher<'_> {
    /// Recognizes `value` (trimmed first) against every shape; see [`recognize`].
    pub fn recognize(&self, value: &str, host: Option<&str>) -> Recognition {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            let message = "The value is empty. Paste the token's secret.".to_owned();
            let warnings = vec![RecognitionWarning { code: WarningCode::Empty, message }];
            return Recognition { candidates: vec![], warnings, masked: String::new(), public_id: None };
        }
        let matches = self.matches(trimmed);
        let host = host.and_then(normalize_host);
        let mut candidates: Vec<Candidate> = matches.iter().map(|m| candidate(m, &matches, host.as_deref())).collect();
        sort_candidates(&mut candidates);
        let prefix = matches.iter().find_map(|m| m.prefix.clone());
        let mut warnings = shape_warnings(value, trimmed, &candidates);
        if let Some(host) = &host {
            warnings.extend(host_mismatches(host, &self.profiles(), &candidates));
        }
        Recognition {
            candidates,
            warnings,
            masked: mask_with_prefix(trimmed, prefix.as_deref(), MaskLevel::Normal),
            public_id: matches.iter().find_map(|m| m.public_id.clone()),
        }
    }
}

/// What `value` probably is. Trims it, matches it against every profile's shapes and ranks one
/// [`Candidate`] per matching (profile, shape); `host` (a host name or URL the token will be
/// sent to, if known) lifts its provider's candidates. Never fails: problems become warnings.
pub fn recognize(value: &str, host: Option<&str>, profiles: &Profiles) -> Recognition {
    ShapeMatcher::new(profiles).recognize(value, host)
}

/// Best first: confidence descending, then provider id (stable for equal keys).
fn sort_candidates(candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| b.confidence.cmp(&a.confidence).then_with(|| a.provider.cmp(&b.provider)));
}

/// Accepts `api.example.com`, `API.Example.com.`, `https://api.example.com:443/v1`.
fn normalize_host(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let host = if raw.contains("://") {
        url::Url::parse(raw).ok()?.host_str()?.to_owned()
    } else {
        raw.split(['/', ':']).next()?.to_owned()
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// `host` is one of the profile's hosts or a subdomain of one.
fn host_belongs_to(host: &str, profile: &Profile) -> bool {
    profile.hosts().iter().any(|h| {
        let h = h.to_ascii_lowercase();
        host == h || host.ends_with(&format!(".{h}"))
    })
}

fn candidate(m: &ShapeMatch<'_>, all: &[ShapeMatch<'_>], host: Option<&str>) -> Candidate {
    let mut others: Vec<&str> = Vec::new();
    for o in all.iter().filter(|o| o.profile.id != m.profile.id) {
        if !others.contains(&o.profile.name.as_str()) {
            others.push(&o.profile.name);
        }
    }
    let host_match = host.is_some_and(|h| host_belongs_to(h, m.profile));
    let penalty = COLLISION_PENALTY.saturating_mul(u8::try_from(others.len()).unwrap_or(u8::MAX));
    let mut confidence = BASE_CONFIDENCE.saturating_sub(penalty).max(10);
    if host_match {
        confidence = confidence.saturating_add(HOST_BONUS).min(100);
    }
    let auth_mode = if m.shape.role == ValueRole::TokenId && m.profile.auth_modes.contains(&AuthMode::Hmac) {
        AuthMode::Hmac
    } else {
        m.profile.default_auth_mode()
    };
    Candidate {
        provider: m.profile.id.clone(),
        provider_name: m.profile.name.clone(),
        environment: m.environment,
        kind: m.shape.kind,
        role: m.shape.role,
        auth_mode,
        confidence,
        reason: reason(m, &others, host.filter(|_| host_match)),
    }
}

fn reason(m: &ShapeMatch<'_>, others: &[&str], matched_host: Option<&str>) -> String {
    let env = match m.environment {
        Some(Environment::Live) => "live ",
        Some(Environment::Test) => "test ",
        None => "",
    };
    let what = match m.shape.role {
        ValueRole::Secret => "secret key",
        ValueRole::Publishable => "publishable key",
        ValueRole::TokenId => "HMAC token ID (public, not the secret)",
        ValueRole::StoreId => "store ID (not a secret)",
    };
    let mut text = match &m.prefix {
        Some(p) => format!("Looks like a {} {env}{what} ({p}…).", m.profile.name),
        None => format!("Matches a {} {env}{what} shape.", m.profile.name),
    };
    if let Some(prefix) = &m.prefix {
        let mut users: Vec<&str> = others.to_vec();
        users.extend(FOREIGN_PREFIXES.iter().filter(|(p, _)| p == prefix).map(|(_, who)| *who));
        if !users.is_empty() {
            text.push_str(&format!(
                " The prefix {prefix} is also used by {}: the host or the profile you bind it to decides.",
                join_names(&users)
            ));
        }
    }
    if let Some(host) = matched_host {
        text.push_str(&format!(" The host {host} belongs to {}.", m.profile.name));
    }
    text
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn warning(code: WarningCode, message: impl Into<String>) -> RecognitionWarning {
    RecognitionWarning { code, message: message.into() }
}

fn shape_warnings(raw: &str, trimmed: &str, candidates: &[Candidate]) -> Vec<RecognitionWarning> {
    let mut w = Vec::new();
    let mut spaces = Vec::new();
    if raw.len() != trimmed.len() {
        spaces.push("It has leading or trailing whitespace, which will be trimmed.");
    }
    if trimmed.chars().any(|c| c.is_whitespace() && c != '\n' && c != '\r') {
        spaces.push("It contains a space or tab inside, which no token has: check the copy.");
    }
    if !spaces.is_empty() {
        w.push(warning(WarningCode::Whitespace, spaces.join(" ")));
    }
    if trimmed.contains(['\n', '\r']) {
        w.push(warning(
            WarningCode::LineBreak,
            "It contains a line break, usually a copy-paste error: paste the token on one line.",
        ));
    }
    let has = |role: ValueRole| candidates.iter().any(|c| c.role == role);
    if has(ValueRole::TokenId) {
        w.push(warning(
            WarningCode::TokenIdAsSecret,
            "This is the public token ID (stk_…), not the secret: paste the sk_ secret here and put the stk_ value in Token ID.",
        ));
    }
    if has(ValueRole::Publishable) {
        w.push(warning(
            WarningCode::PublishableKey,
            "This is a publishable key: only a few endpoints accept it; most need the secret key (sk_…).",
        ));
    }
    if has(ValueRole::StoreId) {
        w.push(warning(
            WarningCode::StoreId,
            "This is a store ID (shp_…), not a secret: put it in Store ID and paste the token's secret here.",
        ));
    }
    let chars = trimmed.chars().count();
    if chars > MAX_SECRET_CHARS {
        w.push(warning(
            WarningCode::TooLong,
            format!("It is {chars} characters long; Windows Credential Manager stores at most {MAX_SECRET_CHARS}. Check that you pasted only the token."),
        ));
    }
    if candidates.is_empty() {
        w.push(warning(
            WarningCode::Unrecognized,
            "It matches no known provider's token shape. You can still store it with provider Custom.",
        ));
    }
    w
}

fn host_mismatches(host: &str, profiles: &[&Profile], candidates: &[Candidate]) -> Vec<RecognitionWarning> {
    let mut w = Vec::new();
    for profile in profiles {
        if !host_belongs_to(host, profile) {
            continue;
        }
        if !candidates.iter().any(|c| c.provider == profile.id) {
            w.push(warning(
                WarningCode::HostMismatch,
                format!("{host} is {}'s API host, but this value does not look like a {} token. Check that you pasted the right token or chose the right host.", profile.name, profile.name),
            ));
        }
    }
    w
}

#[cfg(test)]
mod tests;
