//! Code to reproduce a request outside Tokenbench: cURL, TypeScript (`fetch`) or Python
//! (`requests`). By default the secret is read from an environment variable named as the
//! provider's documents name it (`PANDABASE_API_TOKEN`; `PANDABASE_TOKEN_ID` and
//! `PANDABASE_TOKEN_SECRET` for HMAC; otherwise `<PROVIDER>_API_KEY`), so a snippet can be
//! pasted into a ticket or a repository without leaking anything. HMAC snippets compute the
//! signature themselves exactly as the documents show (openssl, `crypto`, `hashlib`/`hmac`),
//! over the same body literal they send. Only an explicit `inline_secret` puts a secret in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::Profile;
use crate::request::auth::header_name;
use crate::request::spec::RequestSpec;
use crate::secret::Secret;
use crate::token::{AuthMode, TokenRecord};

/// The languages a snippet can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SnippetLang {
    Curl,
    #[serde(rename = "typescript")]
    TypeScript,
    Python,
}

/// Environment variable names the providers' own examples use.
const DOCUMENTED_ENV: &[(&str, AuthMode, &str)] = &[("pandabase", AuthMode::Bearer, "PANDABASE_API_TOKEN")];

/// A value the snippet needs: read from `env`, or written in (`inline`), and held in the
/// language variable `var` (`PANDABASE_API_TOKEN` → `API_TOKEN`, as the documents write it).
pub(super) struct Value {
    pub env: String,
    pub var: String,
    pub inline: Option<String>,
}

/// An auth header value: `prefix` + the secret, the token id, or the computed signature.
pub(super) enum AuthValue {
    Secret { prefix: String },
    TokenId { prefix: String },
    Signature,
}

/// Everything a language writer needs.
pub(super) struct Plan {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub auth: Vec<(String, AuthValue)>,
    pub body: String,
    pub secret: Value,
    /// HMAC only.
    pub token_id: Option<Value>,
    pub hmac: bool,
    /// Comment lines for the top of the snippet.
    pub comments: Vec<String>,
}

/// A snippet in `lang` that sends `spec` with `record`'s auth. The secret appears only when
/// `inline_secret` is given; otherwise the snippet reads environment variables, named in a
/// comment at the top. Never fails: a spec whose URL does not parse is written as given.
pub fn snippet(lang: SnippetLang, record: &TokenRecord, profile: &Profile, spec: &RequestSpec, inline_secret: Option<&Secret>) -> String {
    let plan = plan(record, profile, spec, inline_secret);
    match lang {
        SnippetLang::Curl => super::snippet_writers::curl(&plan),
        SnippetLang::TypeScript => super::snippet_writers::typescript(&plan),
        SnippetLang::Python => super::snippet_writers::python(&plan),
    }
}

fn plan(record: &TokenRecord, profile: &Profile, spec: &RequestSpec, inline_secret: Option<&Secret>) -> Plan {
    let prefix: String = profile.id.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    let value = |env: String, inline: Option<String>| {
        let var = env.strip_prefix(&format!("{prefix}_")).unwrap_or(&env).to_string();
        Value { env, var, inline }
    };
    let hmac = record.auth_mode == AuthMode::Hmac;
    let secret_env = if hmac {
        format!("{prefix}_TOKEN_SECRET")
    } else {
        DOCUMENTED_ENV
            .iter()
            .find(|(p, m, _)| *p == profile.id && *m == record.auth_mode)
            .map(|(_, _, name)| name.to_string())
            .unwrap_or_else(|| format!("{prefix}_API_KEY"))
    };
    let secret = value(secret_env, inline_secret.map(|s| s.expose().to_string()));
    let known_id = record.token_id.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let token_id = hmac.then(|| value(format!("{prefix}_TOKEN_ID"), known_id.filter(|_| inline_secret.is_some()).map(str::to_owned)));
    let auth: Vec<(String, AuthValue)> = match record.auth_mode {
        AuthMode::None => Vec::new(),
        AuthMode::Bearer => vec![("Authorization".into(), AuthValue::Secret { prefix: "Bearer ".into() })],
        AuthMode::Hmac => {
            vec![("Authorization".into(), AuthValue::TokenId { prefix: "Bearer ".into() }), ("X-Signature".into(), AuthValue::Signature)]
        }
        AuthMode::ApiKey | AuthMode::Raw => vec![(header_name(record, Some(profile)), AuthValue::Secret { prefix: String::new() })],
        AuthMode::Custom => {
            vec![(header_name(record, Some(profile)), AuthValue::Secret { prefix: record.auth_prefix.clone().unwrap_or_default() })]
        }
    };
    let url = spec.full_url().map(|u| u.to_string()).unwrap_or_else(|_| spec.url.clone());
    let mode = format!("{:?}", record.auth_mode).to_lowercase();

    let mut comments =
        vec![one_line(&format!("{} {} with '{}' ({}, {mode} auth)", spec.method, strip_query(&url), record.name, profile.name))];
    let mut exports = Vec::new();
    if let Some(id) = token_id.as_ref().filter(|t| t.inline.is_none()) {
        exports.push(format!("{}={}", id.env, one_line(known_id.unwrap_or("stk_…"))));
    }
    if !auth.is_empty() && secret.inline.is_none() {
        exports.push(format!("{}=…", secret.env));
    }
    if !exports.is_empty() {
        comments.push(format!("Set first: export {}  (keep the secret out of files and shell history)", exports.join(" ")));
    }
    if !auth.is_empty() && secret.inline.is_some() {
        comments.push("WARNING: this snippet contains the secret itself. Do not commit or share it.".into());
    }
    if hmac {
        comments.push("HMAC: the secret never travels; the body is signed with hex(SHA-256(secret)) as the key.".into());
    }
    if std::str::from_utf8(&spec.body).is_err() {
        comments.push("The body is not UTF-8 text: it is shown approximately here and its signature would not match.".into());
    }
    Plan {
        method: spec.method.to_ascii_uppercase(),
        url,
        headers: spec.headers.clone(),
        auth,
        body: String::from_utf8_lossy(&spec.body).into_owned(),
        secret,
        token_id,
        hmac,
        comments,
    }
}

/// Comments are single lines: control characters in names become spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn strip_query(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

#[cfg(test)]
#[path = "snippet_tests.rs"]
mod tests;
