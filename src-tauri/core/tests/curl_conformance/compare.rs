//! Compares what the importer produced with what curl sent. The draft is resolved the way the
//! request tester resolves it before sending (`RequestDraft::resolve`, `RequestSpec::full_url`),
//! with its `{variables}` filled from the same environment curl ran with. Then:
//!
//! - method, scheme (TLS or not), host and port: exactly; the path with `%XX` decoded (the
//!   tester percent-encodes what it fills into a `{variable}`, which names the same resource);
//! - the query: as decoded name/value pairs in order, because the tester re-encodes its query
//!   table (form encoding), so `%20`/`+` and `,`/`%2C` are the same pair;
//! - headers: every header curl sent must be in the draft with the same value, or be reported
//!   as a found credential at that place (the importer never copies a secret into a draft; a
//!   vault token supplies it); the draft may add none curl did not send. Not compared: what curl
//!   derives for the connection (`Host` — compared as the URL's host —, `Content-Length`,
//!   `Transfer-Encoding`, `Expect`, `Connection`, `Upgrade`, `HTTP2-Settings`), and the values
//!   curl puts in when the command sets none (`User-Agent: curl/…`, `Accept: */*`, and the
//!   `Accept-Encoding` of `--compressed`, which only asks for a compressed answer);
//! - the body: byte for byte, after the two multipart boundaries are replaced by one word.

use std::collections::BTreeMap;

use chrono::Utc;
use tokenbench_core::profile::Profiles;
use tokenbench_core::request::spec::template_variables;
use tokenbench_core::request::CurlImport;
use tokenbench_core::token::TokenRecord;

use crate::capture::Captured;

/// Headers that belong to the connection, not to the request a user writes.
const TRANSPORT: &[&str] = &["host", "content-length", "transfer-encoding", "expect", "connection", "upgrade", "http2-settings"];

/// The differences between the import and what curl sent; empty when they match.
pub fn differences(imp: &CurlImport, sent: &[Captured], env: &BTreeMap<String, String>) -> Vec<String> {
    let Some(req) = sent.first() else { return vec!["curl sent no request".into()] };
    let mut diffs = Vec::new();
    if sent.len() > 1 {
        diffs.push(format!("curl sent {} requests; the import holds one", sent.len()));
    }
    let mut draft = imp.draft.clone();
    for name in template_variables(&draft.url) {
        let value = env.iter().find(|(k, _)| template_of(k) == name).map(|(_, v)| v.clone());
        draft.vars.insert(name.clone(), value.unwrap_or_else(|| format!("<{name} not in the environment>")));
    }
    let profiles = Profiles::bundled();
    let profile = profiles.get("custom").expect("the custom profile is bundled");
    let record = TokenRecord::new("t", "conformance", "custom", Utc::now());
    let spec = match draft.resolve(&record, profile, None) {
        Ok(spec) => spec,
        Err(e) => return vec![format!("the tester refuses the draft: {e}")],
    };
    let url = match spec.full_url() {
        Ok(u) => u,
        Err(e) => return vec![format!("the draft's URL does not parse: {e}")],
    };

    if spec.method != req.method {
        diffs.push(format!("method: import {} / curl {}", spec.method, req.method));
    }
    if (url.scheme() == "https") != req.tls {
        diffs.push(format!("scheme: import {} / curl {}", url.scheme(), if req.tls { "https" } else { "http" }));
    }
    let draft_host = match draft.headers.iter().find(|h| h.name.eq_ignore_ascii_case("host")) {
        Some(h) => h.value.clone(),
        None => format!("{}{}", url.host_str().unwrap_or(""), url.port().map(|p| format!(":{p}")).unwrap_or_default()),
    };
    let sent_host = req.header("host").unwrap_or("");
    if !draft_host.eq_ignore_ascii_case(sent_host) {
        diffs.push(format!("host: import {draft_host} / curl {sent_host}"));
    }
    let (sent_path, sent_query) = req.target.split_once('?').unwrap_or((&req.target, ""));
    if decoded(url.path()) != decoded(sent_path) {
        diffs.push(format!("path: import {} / curl {sent_path}", url.path()));
    }
    let carried = |place: &str| imp.found.iter().any(|f| carries(&f.location, place));
    let sent_pairs: Vec<(String, String)> = pairs(sent_query).into_iter().filter(|(n, _)| !carried(&format!("query {n}"))).collect();
    let draft_pairs = pairs(url.query().unwrap_or(""));
    if sent_pairs != draft_pairs {
        diffs.push(format!("query: import {draft_pairs:?} / curl {sent_pairs:?}"));
    }

    let boundary = |ct: Option<&str>| ct.and_then(|v| v.split("boundary=").nth(1)).map(|b| b.split(';').next().unwrap_or(b).trim().to_string());
    let own_ct = spec.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-type")).map(|(_, v)| v.as_str());
    let (mine, theirs) = (boundary(own_ct), boundary(req.header("content-type")));
    let normalize = |text: &str, b: &Option<String>| match b {
        Some(b) => text.replace(b.as_str(), "BOUNDARY"),
        None => text.to_string(),
    };
    let mut left: Vec<(String, String)> = spec.headers.iter().map(|(n, v)| (n.to_ascii_lowercase(), normalize(v, &mine))).collect();
    for (name, value) in &req.headers {
        let lower = name.to_ascii_lowercase();
        let value = normalize(value, &theirs);
        if let Some(i) = left.iter().position(|(n, v)| *n == lower && *v == value) {
            left.remove(i);
            continue;
        }
        let curl_default = match lower.as_str() {
            "user-agent" => value.starts_with("curl/"),
            "accept" => value == "*/*",
            "accept-encoding" => value.starts_with("deflate, gzip"),
            _ => false,
        };
        let own_row = left.iter().any(|(n, _)| *n == lower);
        if TRANSPORT.contains(&lower.as_str()) || (curl_default && !own_row) || carried(&format!("header {lower}")) {
            continue;
        }
        diffs.push(format!("header {name}: curl sent {value:?}, the import {}", if own_row { "has another value" } else { "does not" }));
    }
    for (name, value) in left.iter().filter(|(n, _)| n != "host") {
        diffs.push(format!("header {name}: the import adds {value:?}, which curl does not send"));
    }

    let (body_mine, body_theirs) = (normalize_bytes(&spec.body, &mine), normalize_bytes(&req.body, &theirs));
    if body_mine != body_theirs {
        diffs.push(format!(
            "body: import {} bytes {:?} / curl {} bytes {:?}",
            body_mine.len(),
            preview(&body_mine),
            body_theirs.len(),
            preview(&body_theirs)
        ));
    }
    diffs
}

/// Whether a found credential's location stands for `place` (`header authorization`,
/// `query api_key`): its own header or parameter, or the Authorization header that `-u`,
/// `--oauth2-bearer` and `user:password@` make curl send, or the Cookie header of `-b`.
fn carries(location: &str, place: &str) -> bool {
    let location = location.to_ascii_lowercase();
    let place = place.to_ascii_lowercase();
    location == place
        || (place == "header authorization" && matches!(location.as_str(), "-u (basic auth)" | "--oauth2-bearer" | "url user:password"))
        || (place == "header cookie" && location == "cookie")
}

/// `STORE_ID` → `storeId` as the importer names template variables; others unchanged.
fn template_of(var: &str) -> String {
    let upper = var.to_ascii_uppercase();
    if upper.ends_with("STORE_ID") {
        "storeId".into()
    } else if upper.ends_with("TOKEN_ID") {
        "tokenId".into()
    } else {
        var.to_string()
    }
}

/// A path with its `%XX` escapes decoded: the tester percent-encodes the values it fills into
/// `{variables}` (`123:abc` → `123%3Aabc`), which names the same resource.
fn decoded(path: &str) -> Vec<u8> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

fn pairs(query: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.as_bytes()).map(|(n, v)| (n.into_owned(), v.into_owned())).collect()
}

fn normalize_bytes(body: &[u8], boundary: &Option<String>) -> Vec<u8> {
    match (boundary, std::str::from_utf8(body)) {
        (Some(b), Ok(text)) => text.replace(b.as_str(), "BOUNDARY").into_bytes(),
        _ => body.to_vec(),
    }
}

fn preview(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.chars().count() > 120 {
        format!("{}…", text.chars().take(120).collect::<String>())
    } else {
        text.into_owned()
    }
}
