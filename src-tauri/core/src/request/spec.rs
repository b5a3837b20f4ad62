//! What the user edits ([`RequestDraft`]) and what gets sent ([`RequestSpec`]). Resolution is
//! where mistakes are caught before anything leaves the machine: a path needs a base URL
//! (the token's own, the profile's for its environment, or an explicit override), every
//! `{variable}` must be filled, header names must be real header names. The spec's body is
//! bytes, and those exact bytes are what the signer signs and the sender sends.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::Url;

use crate::error::{Error, Result};
use crate::profile::{Endpoint, Profile};
use crate::token::TokenRecord;

/// One row of the headers or query table in the request editor. Disabled rows and rows with
/// an empty name are kept in the draft but never sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormRow {
    pub name: String,
    pub value: String,
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
}

fn enabled_by_default() -> bool {
    true
}

impl FormRow {
    /// An enabled row.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        FormRow { name: name.into(), value: value.into(), enabled: true }
    }
}

/// A request as the user edits it: `url` is a path (`/v2/core/stores/{storeId}/products`)
/// or a full `https://` URL, possibly with `{variables}`; `vars` fills them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestDraft {
    pub method: String,
    pub url: String,
    #[serde(default)]
    pub headers: Vec<FormRow>,
    #[serde(default)]
    pub query: Vec<FormRow>,
    /// The body exactly as typed; sent (and signed) as its UTF-8 bytes.
    #[serde(default)]
    pub body: String,
    /// The catalogue endpoint this draft started from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub endpoint_id: Option<String>,
    /// Values for `{variables}`; a non-empty value here wins over the token's own
    /// `storeId`/`tokenId`.
    #[serde(default)]
    pub vars: BTreeMap<String, String>,
}

/// A resolved request: upper-case method, absolute `http(s)` URL without the query pairs,
/// the enabled headers and query pairs, and the body bytes. Auth headers are not in here:
/// they are computed from these bytes by [`super::auth::auth_headers`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestSpec {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub query: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RequestSpec {
    /// The URL to send: `url` with `query` appended, form-encoded. Senders must send this,
    /// not `url` plus their own query handling, so every face sends the same bytes.
    /// Fails only if `url` was not produced by [`RequestDraft::resolve`] and does not parse.
    pub fn full_url(&self) -> Result<Url> {
        let mut url = Url::parse(&self.url).map_err(|e| {
            Error::Invalid(format!("the request URL is not valid ({e}); enter a full https:// URL or a path starting with /"))
        })?;
        if !self.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in &self.query {
                pairs.append_pair(name, value);
            }
        }
        Ok(url)
    }
}

/// `{name}` in a URL template.
static VARIABLE: LazyLock<Regex> = LazyLock::new(|| match Regex::new(r"\{([A-Za-z_][A-Za-z0-9_]*)\}") {
    Ok(re) => re,
    Err(e) => unreachable!("constant pattern: {e}"),
});

/// The variable names in a path template, in order of first appearance, without duplicates
/// (`/v2/stores/{storeId}/tokens/{tokenId}` → `["storeId", "tokenId"]`), so the UI can show
/// an input for each one the token does not fill itself.
pub fn template_variables(template: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for cap in VARIABLE.captures_iter(template) {
        let name = cap[1].to_string();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

impl RequestDraft {
    /// A draft for a catalogue endpoint: its method and path, its query parameters with their
    /// examples, and its example body as JSON (with a JSON `Content-Type`).
    pub fn from_endpoint(endpoint: &Endpoint) -> Self {
        let body = match &endpoint.body {
            Some(value) => serde_json::to_string(value).unwrap_or_default(),
            None => String::new(),
        };
        let headers = if body.is_empty() { Vec::new() } else { vec![FormRow::new("Content-Type", "application/json")] };
        RequestDraft {
            method: endpoint.method.clone(),
            url: endpoint.path.clone(),
            headers,
            query: endpoint.query.iter().map(|p| FormRow::new(&p.name, &p.example)).collect(),
            body,
            endpoint_id: Some(endpoint.id.clone()),
            vars: BTreeMap::new(),
        }
    }

    /// Resolves the draft for `record` (bound to `profile`). A path is joined to the base URL:
    /// `base_url_override` (`--base-url`), else the token's `base_url`, else the profile's for
    /// the token's environment. Fails with [`Error::Invalid`] naming the fix when there is no
    /// base URL, a `{variable}` is unfilled, the method or a header is malformed, or the URL
    /// is not http(s). Messages never echo the URL's query (it may hold a key).
    pub fn resolve(&self, record: &TokenRecord, profile: &Profile, base_url_override: Option<&str>) -> Result<RequestSpec> {
        let method = normalize_method(&self.method)?;
        let vars = self.variables(record);
        check_no_dot_segments(&self.url, &vars)?;
        let mut missing = Vec::new();

        let path_or_url = fill(self.url.trim(), &vars, Encoding::UrlTemplate, &mut missing);
        let mut query = Vec::new();
        for row in self.query.iter().filter(|r| r.enabled && !r.name.trim().is_empty()) {
            let value = fill(&row.value, &vars, Encoding::None, &mut missing);
            query.push((row.name.trim().to_string(), value));
        }
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(|m| format!("{{{m}}}")).collect();
            return Err(Error::Invalid(format!(
                "fill in the request variables {}: enter a value for each (storeId and tokenId come from the token's details)",
                list.join(", ")
            )));
        }

        let absolute = if path_or_url.starts_with('/') {
            let base = base_url(record, profile, base_url_override)?;
            format!("{}{}", base.as_str().trim_end_matches('/'), path_or_url)
        } else if has_http_scheme(&path_or_url) {
            path_or_url
        } else {
            return Err(Error::Invalid(
                "the request URL must be a path starting with / (joined to the token's base URL) or a full https:// URL".into(),
            ));
        };
        let url = parse_http_url(&absolute, "the request URL")?;

        let mut headers = Vec::new();
        for row in self.headers.iter().filter(|r| r.enabled && !r.name.trim().is_empty()) {
            let name = row.name.trim();
            check_header(name, &row.value)?;
            headers.push((name.to_string(), row.value.clone()));
        }

        Ok(RequestSpec { method, url: url.to_string(), headers, query, body: self.body.as_bytes().to_vec() })
    }

    /// The token's ids, then the user's non-empty values on top.
    fn variables(&self, record: &TokenRecord) -> BTreeMap<String, String> {
        let mut vars = BTreeMap::new();
        if let Some(store) = record.store_id.as_deref().filter(|s| !s.is_empty()) {
            vars.insert("storeId".to_string(), store.to_string());
        }
        if let Some(token) = record.token_id.as_deref().filter(|s| !s.is_empty()) {
            vars.insert("tokenId".to_string(), token.to_string());
        }
        for (name, value) in self.vars.iter().filter(|(_, v)| !v.trim().is_empty()) {
            vars.insert(name.clone(), value.trim().to_string());
        }
        vars
    }
}

/// The base URL a path is joined to, or an error telling the user to set one.
fn base_url(record: &TokenRecord, profile: &Profile, override_url: Option<&str>) -> Result<Url> {
    if let Some(url) = override_url.map(str::trim).filter(|u| !u.is_empty()) {
        return parse_base(url, "the --base-url value");
    }
    if let Some(url) = record.base_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        return parse_base(url, "the token's base URL");
    }
    let spec = profile.environments.get(&record.environment);
    if let Some(url) = spec.and_then(|s| s.base_url.as_deref()) {
        return parse_base(url, "the provider profile's base URL");
    }
    let env = format!("{:?}", record.environment).to_lowercase();
    let note = spec.map(|s| s.note.trim()).filter(|n| !n.is_empty()).map(|n| format!(" ({n})")).unwrap_or_default();
    Err(Error::Invalid(format!(
        "{} has no fixed base URL for {env} tokens{note}: set the token's base URL on '{}' (or pass --base-url), or enter a full https:// URL",
        profile.name, record.name
    )))
}

fn parse_base(text: &str, what: &str) -> Result<Url> {
    let url = parse_http_url(text, what)?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::Invalid(format!("{what} must not contain ? or #: put query parameters in the query table")));
    }
    Ok(url)
}

fn has_http_scheme(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Parses an absolute http(s) URL with a host. `what` names the field in the error.
pub(crate) fn parse_http_url(text: &str, what: &str) -> Result<Url> {
    let url =
        Url::parse(text).map_err(|e| Error::Invalid(format!("{what} is not a valid URL ({e}); write it like https://api.example.com")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::Invalid(format!("{what} must be an http:// or https:// URL with a host")));
    }
    Ok(url)
}

/// Upper-cases and checks the method (an HTTP token: letters, digits, `!#$%&'*+-.^_|~`).
fn normalize_method(method: &str) -> Result<String> {
    let method = method.trim().to_ascii_uppercase();
    if method.is_empty() {
        return Ok("GET".to_string());
    }
    if !method.bytes().all(is_tchar) {
        return Err(Error::Invalid("the HTTP method may only hold letters (GET, POST, PUT, PATCH, DELETE…)".into()));
    }
    Ok(method)
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Rejects header names that are not HTTP tokens and values with line breaks (which would
/// smuggle extra headers). The value is not echoed: it may be a pasted key.
fn check_header(name: &str, value: &str) -> Result<()> {
    if !name.bytes().all(is_tchar) {
        return Err(Error::Invalid(format!(
            "'{name}' is not a valid header name: use letters, digits and dashes (like X-Request-Id), without ':' or spaces"
        )));
    }
    if value.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) {
        return Err(Error::Invalid(format!("the value of header '{name}' contains a line break; remove it")));
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Encoding {
    /// Values go into a URL path: percent-encode all but unreserved characters; only the
    /// `{path}` variable keeps its slashes.
    UrlTemplate,
    /// Query values: the url crate encodes them when appended.
    None,
}

/// Replaces every `{name}` with its value; unknown names are pushed to `missing`.
fn fill(template: &str, vars: &BTreeMap<String, String>, encoding: Encoding, missing: &mut Vec<String>) -> String {
    VARIABLE
        .replace_all(template, |cap: &regex::Captures<'_>| {
            let name = &cap[1];
            match vars.get(name) {
                Some(value) => match encoding {
                    Encoding::UrlTemplate => encode_path_value(value, name == "path"),
                    Encoding::None => value.clone(),
                },
                None => {
                    if !missing.iter().any(|m| m == name) {
                        missing.push(name.to_string());
                    }
                    cap[0].to_string()
                }
            }
        })
        .into_owned()
}

fn encode_path_value(value: &str, keep_slashes: bool) -> String {
    let value = if keep_slashes { value.trim_start_matches('/') } else { value };
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (keep_slashes && b == b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A `.` or `..` segment would be normalized away by URL parsers and climb out of the
/// provider's path (`/services/..` → `/`), so such values are refused.
fn check_no_dot_segments(template: &str, vars: &BTreeMap<String, String>) -> Result<()> {
    for name in template_variables(template) {
        let Some(value) = vars.get(&name) else { continue };
        if value.split('/').any(|s| s == "." || s == "..") {
            return Err(Error::Invalid(format!("the value of {{{name}}} may not contain '.' or '..' path segments; enter the id itself")));
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "spec_tests.rs"]
mod tests;
