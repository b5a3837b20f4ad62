//! What a user submits to create or edit a token, and the checks that turn it into a record.
//! Every refusal names the field and says what to do; none repeats the secret.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::profile::{Profile, ValueRole};
use crate::recognize::recognize;
use crate::profile::Profiles;
use crate::secret::{ControlChar, Secret};
use crate::token::{AuthMode, Environment, TokenKind, TokenRecord, MAX_SECRET_CHARS};

/// A new token as submitted by a face. `secret` is the value pasted by the user.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewToken {
    pub name: String,
    pub provider: String,
    pub environment: Environment,
    pub kind: TokenKind,
    pub auth_mode: AuthMode,
    #[serde(default)]
    #[ts(optional)]
    pub auth_header: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub auth_prefix: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub token_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub store_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub scopes: Vec<String>,
    #[serde(default)]
    #[ts(optional)]
    pub rate_limit: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub expires: Option<DateTime<Utc>>,
    #[serde(default)]
    #[ts(optional)]
    pub rotation_days: Option<u32>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// The secret. Deserialized from the face, then moved into a [`Secret`] at once.
    #[ts(type = "string")]
    pub secret: SecretField,
}

/// A secret as it arrives from a face: deserializable, never serializable or printable.
#[derive(Clone)]
pub struct SecretField(pub Secret);

impl<'de> Deserialize<'de> for SecretField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(d).map(|s| SecretField(Secret::new(s)))
    }
}

impl std::fmt::Debug for NewToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewToken").field("name", &self.name).field("provider", &self.provider).finish_non_exhaustive()
    }
}

/// A metadata edit: only the fields present change. The secret is replaced separately.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct TokenPatch {
    #[ts(optional)]
    pub name: Option<String>,
    #[ts(optional)]
    pub provider: Option<String>,
    #[ts(optional)]
    pub environment: Option<Environment>,
    #[ts(optional)]
    pub kind: Option<TokenKind>,
    #[ts(optional)]
    pub auth_mode: Option<AuthMode>,
    #[ts(optional)]
    pub auth_header: Option<String>,
    #[ts(optional)]
    pub auth_prefix: Option<String>,
    #[ts(optional)]
    pub token_id: Option<String>,
    #[ts(optional)]
    pub store_id: Option<String>,
    #[ts(optional)]
    pub base_url: Option<String>,
    #[ts(optional)]
    pub scopes: Option<Vec<String>>,
    #[ts(optional)]
    pub rate_limit: Option<u32>,
    #[ts(optional)]
    pub expires: Option<DateTime<Utc>>,
    /// Set to remove the expiry (never expires).
    #[ts(as = "Option<bool>", optional)]
    pub clear_expires: bool,
    #[ts(optional)]
    pub rotation_days: Option<u32>,
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
    #[ts(optional)]
    pub notes: Option<String>,
    #[ts(optional)]
    pub confirm_foreign_host: Option<bool>,
    #[ts(optional)]
    pub confirm_writes: Option<bool>,
}

/// Trims the pasted value and refuses what cannot be a usable secret: empty, line breaks or
/// other control characters (NUL, tab, escape…) inside, too long for every keychain, or a
/// public id pasted where the secret belongs. Used by create, replace-secret and import alike;
/// no message repeats the value.
pub fn clean_secret(raw: &Secret, profiles: &Profiles) -> Result<Secret> {
    let trimmed = raw.expose().trim();
    if trimmed.is_empty() {
        return Err(Error::Invalid("the secret is empty: paste the token value shown when it was created".into()));
    }
    if trimmed.contains(['\n', '\r']) {
        return Err(Error::Invalid(
            "the secret contains a line break, which usually means a copy-paste error: paste it again as one line".into(),
        ));
    }
    if let Some(control) = ControlChar::find(trimmed) {
        return Err(Error::Invalid(format!(
            "the secret contains an invisible control character ({}), which no token has and no request header can carry: copy the token again from where it was issued",
            control.describe()
        )));
    }
    let len = trimmed.chars().count();
    if len > MAX_SECRET_CHARS {
        return Err(Error::Invalid(format!(
            "the secret is {len} characters; keychains on every platform hold at most {MAX_SECRET_CHARS} (Windows Credential Manager's limit)"
        )));
    }
    let recognition = recognize(trimmed, None, profiles);
    let roles: Vec<ValueRole> = recognition.candidates.iter().map(|c| c.role).collect();
    if !roles.is_empty() && roles.iter().all(|r| *r == ValueRole::TokenId) {
        return Err(Error::Invalid(
            "this is a public token ID (stk_…), not a secret: paste the sk_… secret, and put the token ID in 'Token ID'".into(),
        ));
    }
    if !roles.is_empty() && roles.iter().all(|r| *r == ValueRole::StoreId) {
        return Err(Error::Invalid("this is a store ID (shp_…), not a secret: put it in 'Store ID'".into()));
    }
    Ok(Secret::new(trimmed))
}

fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|x| x == item) {
            out.push(item.to_owned());
        }
    }
    out
}

fn clean_opt(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Applies `patch` to `record` (without touching secret-derived fields).
pub fn apply_patch(record: &mut TokenRecord, patch: TokenPatch) {
    if let Some(v) = patch.name {
        record.name = v.trim().to_owned();
    }
    if let Some(v) = patch.provider {
        record.provider = v;
    }
    if let Some(v) = patch.environment {
        record.environment = v;
    }
    if let Some(v) = patch.kind {
        record.kind = v;
    }
    if let Some(v) = patch.auth_mode {
        record.auth_mode = v;
    }
    if patch.auth_header.is_some() {
        record.auth_header = clean_opt(patch.auth_header);
    }
    if patch.auth_prefix.is_some() {
        record.auth_prefix = patch.auth_prefix.filter(|p| !p.is_empty());
    }
    if patch.token_id.is_some() {
        record.token_id = clean_opt(patch.token_id);
    }
    if patch.store_id.is_some() {
        record.store_id = clean_opt(patch.store_id);
    }
    if patch.base_url.is_some() {
        record.base_url = clean_opt(patch.base_url).map(|u| u.trim_end_matches('/').to_owned());
    }
    if let Some(v) = patch.scopes {
        record.scopes = clean_list(&v);
    }
    if let Some(v) = patch.rate_limit {
        record.rate_limit = v;
    }
    if patch.clear_expires {
        record.expires = None;
    } else if let Some(v) = patch.expires {
        record.expires = Some(v);
    }
    if let Some(v) = patch.rotation_days {
        record.rotation_days = v;
    }
    if let Some(v) = patch.tags {
        record.tags = clean_list(&v);
    }
    if let Some(v) = patch.notes {
        record.notes = v;
    }
    if let Some(v) = patch.confirm_foreign_host {
        record.confirm_foreign_host = v;
    }
    if let Some(v) = patch.confirm_writes {
        record.confirm_writes = v;
    }
}

/// Builds the record for `input` (not yet validated against the others) with a fresh id.
pub fn record_from(input: &NewToken, profile: &Profile, masked: String, now: DateTime<Utc>) -> TokenRecord {
    let mut r = TokenRecord::new(uuid::Uuid::new_v4().to_string(), input.name.trim(), input.provider.clone(), now);
    r.environment = input.environment;
    r.kind = input.kind;
    r.auth_mode = input.auth_mode;
    r.auth_header = clean_opt(input.auth_header.clone());
    r.auth_prefix = input.auth_prefix.clone().filter(|p| !p.is_empty());
    r.token_id = clean_opt(input.token_id.clone());
    r.store_id = clean_opt(input.store_id.clone());
    r.base_url = clean_opt(input.base_url.clone()).map(|u| u.trim_end_matches('/').to_owned());
    r.scopes = clean_list(&input.scopes);
    r.rate_limit = input.rate_limit.unwrap_or(profile.rate_limit.default);
    r.expires = input.expires;
    r.rotation_days = input.rotation_days.or(profile.rotation_days).unwrap_or(crate::token::DEFAULT_ROTATION_DAYS);
    r.tags = clean_list(&input.tags);
    r.notes = input.notes.clone();
    r.masked = masked;
    r
}

/// Checks a record against its profile and the other records (its name must be free,
/// ignoring ASCII case). `others` excludes the record.
pub fn validate(record: &TokenRecord, profile: &Profile, others: &[TokenRecord]) -> Result<()> {
    if others.iter().any(|o| o.name.eq_ignore_ascii_case(&record.name)) {
        return Err(Error::DuplicateName(record.name.clone()));
    }
    validate_fields(record, profile)
}

/// Checks a record against its profile alone (name present, auth mode, rate limit, rotation,
/// HMAC token id, store id, base URL, scopes); [`validate`] adds the name check against the
/// others. Fails with [`Error::Invalid`] naming the field and the fix.
pub fn validate_fields(record: &TokenRecord, profile: &Profile) -> Result<()> {
    if record.name.is_empty() {
        return Err(Error::Invalid("the name is required: say what uses the token, e.g. 'Mobile App'".into()));
    }
    if !profile.auth_modes.contains(&record.auth_mode) {
        let modes: Vec<String> = profile.auth_modes.iter().map(|m| format!("{m:?}").to_lowercase()).collect();
        return Err(Error::Invalid(format!("{} accepts the auth modes {}; pick one of them", profile.name, modes.join(", "))));
    }
    let max = profile.rate_limit.max.min(1000);
    if record.rate_limit == 0 || record.rate_limit > max {
        return Err(Error::Invalid(format!("the rate limit must be between 1 and {max} requests per minute")));
    }
    if record.rotation_days == 0 || record.rotation_days > 3650 {
        return Err(Error::Invalid("the rotation interval must be between 1 and 3650 days".into()));
    }
    if record.auth_mode == AuthMode::Hmac && record.token_id.is_none() {
        return Err(Error::Invalid("HMAC mode needs the public token ID (stk_…) shown with the secret".into()));
    }
    if let Some(t) = &record.token_id {
        if t.starts_with("sk_") {
            return Err(Error::Invalid("'Token ID' holds a secret (sk_…); the token ID starts with stk_".into()));
        }
    }
    if let (Some(pattern), Some(store)) = (&profile.store_id_pattern, &record.store_id) {
        if !profile.store_id_matches(store)? {
            return Err(Error::Invalid(format!("store id '{store}' does not look like a {} store id ({pattern})", profile.name)));
        }
    }
    if let Some(url) = &record.base_url {
        let parsed = url::Url::parse(url)
            .map_err(|_| Error::Invalid(format!("base URL '{url}' is not a URL; write it like https://api.example.com")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::Invalid("the base URL must start with https:// (or http:// for a local server)".into()));
        }
    }
    if !profile.scopes.is_empty() {
        let unknown: Vec<&str> =
            record.scopes.iter().map(String::as_str).filter(|s| !profile.scopes.iter().any(|p| p == s)).collect();
        if !unknown.is_empty() {
            return Err(Error::Invalid(format!(
                "unknown {} scopes: {}. Valid scopes: {}",
                profile.name,
                unknown.join(", "),
                profile.scopes.join(", ")
            )));
        }
    }
    Ok(())
}
