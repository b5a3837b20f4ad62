//! Turns a 401, 403 or 429 into "what is wrong and what to do", combining three sources:
//! what Tokenbench knows about the token (revoked, expired, the stored value's shape, its
//! auth mode), what the provider documents its codes to mean (`profile.errors`), and what the
//! answer itself says (missing permissions in a 403 body, `Retry-After` on a 429). Nothing
//! here shows the secret: shape checks speak of prefixes, and a server message that echoes
//! the secret has it masked.

use chrono::{DateTime, Utc};
use regex::Regex;
use serde::Serialize;
use ts_rs::TS;

use crate::profile::{Profile, ValueRole};
use crate::mask::Masker;
use crate::secret::Secret;
use crate::token::{AuthMode, Environment, TokenKind, TokenRecord};

/// An explanation of a failed answer. `causes` are ordered most likely first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub title: String,
    pub explanation: String,
    pub causes: Vec<String>,
    /// Permissions or scopes a 403 says the token lacks.
    pub missing_permissions: Vec<String>,
    /// Seconds to wait before retrying a 429, from `Retry-After` (seconds or HTTP date).
    #[ts(optional, type = "number")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
}

/// Explains a 401, 403 or 429 answer to a request made with `record` (bound to `profile`);
/// `secret` is the value that was sent, when known, for shape checks. Other statuses give
/// `None`. `now` decides expiry and turns an HTTP-date `Retry-After` into seconds; `masker`
/// masks any value of the secret a cause or the server's message would show.
#[allow(clippy::too_many_arguments)]
pub fn diagnose(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    record: &TokenRecord,
    profile: &Profile,
    secret: Option<&Secret>,
    masker: &Masker<'_>,
    now: DateTime<Utc>,
) -> Option<Diagnosis> {
    let (title, generic) = match status {
        401 => ("401 Unauthorized: the API did not accept the token", "The API did not accept the credentials sent."),
        403 => ("403 Forbidden: the token is valid but not allowed here", "The token was recognized but may not do this."),
        429 => ("429 Too Many Requests: slow down", "The token sent more requests than its rate limit allows."),
        _ => return None,
    };
    let explanation = profile.errors.get(&status.to_string()).cloned().unwrap_or_else(|| generic.to_string());
    let message = server_message(body, secret, masker);
    let mut d = Diagnosis { title: title.into(), explanation, causes: Vec::new(), missing_permissions: Vec::new(), retry_after_secs: None };
    match status {
        401 => d.causes = unauthorized_causes(record, profile, secret, masker, now),
        403 => {
            d.missing_permissions = missing_permissions(profile, message.as_deref().unwrap_or(""));
            d.causes = forbidden_causes(record, profile, &d.missing_permissions);
        }
        _ => {
            d.retry_after_secs = retry_after(headers, now);
            d.causes = throttled_causes(record, d.retry_after_secs);
        }
    }
    if let Some(m) = message.filter(|m| !m.trim().is_empty()) {
        d.causes.push(format!("The server says: {m}"));
    }
    Some(d)
}

fn unauthorized_causes(record: &TokenRecord, profile: &Profile, secret: Option<&Secret>, masker: &Masker<'_>, now: DateTime<Utc>) -> Vec<String> {
    let mut causes = Vec::new();
    if let Some(at) = record.revoked_at {
        causes.push(format!(
            "'{}' was revoked on {}: a revoked token stays dead; create a new one and add it here.",
            record.name,
            at.format("%Y-%m-%d")
        ));
    }
    if let Some(at) = record.expires.filter(|e| *e <= now) {
        causes.push(format!(
            "'{}' expired on {}: create a new token (or a new expiry date in the provider's dashboard).",
            record.name,
            at.format("%Y-%m-%d")
        ));
    }
    if let Some(secret) = secret {
        causes.extend(shape_causes(record, profile, secret.expose(), masker));
    }
    if !profile.auth_modes.is_empty() && !profile.auth_modes.contains(&record.auth_mode) {
        let modes: Vec<String> = profile.auth_modes.iter().map(|m| mode_name(*m)).collect();
        causes.push(format!(
            "{} expects {} auth, but this token sends {}: edit the token's auth mode.",
            profile.name,
            modes.join(" or "),
            mode_name(record.auth_mode)
        ));
    }
    match record.auth_mode {
        AuthMode::Hmac => causes.push(
            "The signature did not match the body: the secret may have been rolled (the old one dies at once), or the body changed after signing (Tokenbench signs the exact bytes it sends).".into(),
        ),
        AuthMode::None => causes.push("The token is set to send no auth header at all: choose its auth mode.".into()),
        _ => {}
    }
    causes
}

/// Checks the sent value against the profile's shapes without ever quoting it.
fn shape_causes(record: &TokenRecord, profile: &Profile, value: &str, masker: &Masker<'_>) -> Vec<String> {
    let mut causes = Vec::new();
    let trimmed = value.trim();
    if trimmed != value || trimmed.chars().any(char::is_whitespace) {
        causes.push("The stored secret has spaces or line breaks (a copy-paste slip): use 'Replace secret' with the exact value.".into());
    }
    let matching = |role: ValueRole| {
        profile.shapes.iter().filter(|s| s.role == role).find(|s| Regex::new(&s.pattern).is_ok_and(|re| re.is_match(trimmed)))
    };
    if trimmed.starts_with("stk_") || matching(ValueRole::TokenId).is_some() {
        causes.push("The stored secret is a token ID (stk_…), not the secret: the token ID is public and goes in the token's details; store the sk_… secret shown at creation.".into());
        return causes;
    }
    if matching(ValueRole::StoreId).is_some() {
        causes.push("The stored secret is a store ID, not a key: store the token's secret value.".into());
        return causes;
    }
    let secret_shapes: Vec<_> = profile.shapes.iter().filter(|s| matches!(s.role, ValueRole::Secret | ValueRole::Publishable)).collect();
    if secret_shapes.is_empty() {
        return causes;
    }
    let hit = secret_shapes.iter().find_map(|s| Regex::new(&s.pattern).ok().and_then(|re| re.captures(trimmed)));
    match hit {
        None => {
            let mut hints: Vec<String> = secret_shapes.iter().flat_map(|s| shape_hint(&s.pattern, &s.label)).collect();
            hints.dedup();
            let expected = if hints.is_empty() { String::new() } else { format!(": it should start with {}", hints.join(" or ")) };
            causes.push(format!("The stored value ({}) does not look like a {} key{expected}.", masker.mask(trimmed), profile.name));
        }
        Some(caps) => {
            let env = caps.name("env").map(|m| m.as_str().to_ascii_lowercase());
            let key_env = env.as_deref().map(|e| if matches!(e, "live" | "production") { Environment::Live } else { Environment::Test });
            if let (Some(key_env), Some(word)) = (key_env, env.as_deref()) {
                if key_env != record.environment {
                    causes.push(format!(
                        "The key is a '{word}' key but the token is marked {}: it is sent to the {} API, which rejects it. Fix the token's environment or base URL.",
                        env_name(record.environment),
                        env_name(record.environment)
                    ));
                }
            }
        }
    }
    causes
}

/// Readable prefixes a pattern accepts: `^sk_(?P<env>live|test)_…` → `sk_live_`, `sk_test_`.
fn shape_hint(pattern: &str, label: &str) -> Vec<String> {
    if !label.is_empty() {
        return vec![label.to_string()];
    }
    const META: &[char] = &['(', '[', '.', '*', '+', '?', '{', '\\', '|', '$', ')'];
    let rest = pattern.trim_start_matches('^');
    let literal_end = rest.find(META).unwrap_or(rest.len());
    let (prefix, rest) = rest.split_at(literal_end);
    let Some(group) = rest.strip_prefix("(?P<env>") else {
        return if prefix.is_empty() { Vec::new() } else { vec![prefix.to_string()] };
    };
    let Some(close) = group.find(')') else { return vec![prefix.to_string()] };
    let after = &group[close + 1..];
    let suffix = &after[..after.find(META).unwrap_or(after.len())];
    group[..close].split('|').map(|alt| format!("{prefix}{alt}{suffix}")).collect()
}

fn forbidden_causes(record: &TokenRecord, profile: &Profile, missing: &[String]) -> Vec<String> {
    let mut causes = Vec::new();
    if !missing.is_empty() {
        causes.push(format!(
            "The token lacks {}: add {} in {}'s dashboard (or create a token with {}), then update its scopes here.",
            missing.join(", "),
            if missing.len() == 1 { "it" } else { "them" },
            profile.name,
            if missing.len() == 1 { "it" } else { "them" }
        ));
        let listed: Vec<&str> =
            missing.iter().filter(|m| record.scopes.iter().any(|s| s.eq_ignore_ascii_case(m))).map(String::as_str).collect();
        if !listed.is_empty() {
            causes.push(format!(
                "Tokenbench lists {} on '{}', but the API disagrees: the inventory is out of date; edit the token's scopes.",
                listed.join(", "),
                record.name
            ));
        }
    }
    if record.kind == TokenKind::PublishableKey {
        causes.push("This is a publishable (client-side) key: most endpoints need a secret key.".into());
    }
    causes
}

/// The permissions named in a 403 message, by the profile's `perms` pattern.
fn missing_permissions(profile: &Profile, message: &str) -> Vec<String> {
    let Some(re) = profile.missing_permissions_pattern.as_deref().and_then(|p| Regex::new(p).ok()) else { return Vec::new() };
    let mut perms: Vec<String> = Vec::new();
    for caps in re.captures_iter(message) {
        let Some(list) = caps.name("perms") else { continue };
        for p in list.as_str().split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if !perms.iter().any(|q| q == p) {
                perms.push(p.to_string());
            }
        }
    }
    perms
}

fn throttled_causes(record: &TokenRecord, retry_after: Option<u64>) -> Vec<String> {
    let mut causes = Vec::new();
    if let Some(secs) = retry_after {
        causes.push(format!("The server asks to wait {secs} s (Retry-After) before the next request."));
    }
    let limit = record.rate_limit.max(1);
    causes.push(format!(
        "'{}' allows {limit} requests per minute (one every {:.1} s): space requests out and back off exponentially on repeated 429s.",
        record.name,
        60.0 / f64::from(limit)
    ));
    causes
}

/// `Retry-After` as seconds from `now`: a number of seconds, or an HTTP date (past → 0).
fn retry_after(headers: &[(String, String)], now: DateTime<Utc>) -> Option<u64> {
    let value = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("retry-after"))?.1.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(secs);
    }
    let at = DateTime::parse_from_rfc2822(value).ok()?.with_timezone(&Utc);
    Some(u64::try_from((at - now).num_seconds()).unwrap_or(0))
}

/// The human message in an error body: JSON `message`, `error` (text or `{message}`),
/// `detail` or `error_description`, else the raw text; cut to 300 characters, the secret masked.
fn server_message(body: &[u8], secret: Option<&Secret>, masker: &Masker<'_>) -> Option<String> {
    if body.is_empty() {
        return None;
    }
    let text = String::from_utf8_lossy(body);
    let from_json = serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| {
        ["message", "error", "detail", "error_description"].iter().find_map(|k| match v.get(*k) {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(obj @ serde_json::Value::Object(_)) => obj.get("message").and_then(|m| m.as_str()).map(str::to_owned),
            _ => None,
        })
    });
    let mut message = from_json.unwrap_or_else(|| text.into_owned());
    // Mask before cutting, so a cut can never leave half a secret behind.
    if let Some(s) = secret.map(|s| s.expose().trim()).filter(|s| s.len() >= 4) {
        message = message.replace(s, &masker.mask(s));
    }
    Some(message.trim().chars().take(300).collect())
}

fn mode_name(mode: AuthMode) -> String {
    match mode {
        AuthMode::Bearer => "Bearer",
        AuthMode::Hmac => "HMAC",
        AuthMode::ApiKey => "API key header",
        AuthMode::Raw => "raw Authorization",
        AuthMode::Custom => "custom header",
        AuthMode::None => "no",
    }
    .to_string()
}

fn env_name(env: Environment) -> &'static str {
    match env {
        Environment::Live => "live",
        Environment::Test => "test",
    }
}

#[cfg(test)]
#[path = "diagnose_tests.rs"]
mod tests;
