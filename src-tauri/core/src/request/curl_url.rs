//! The URL curl would request, from the URL argument and the options that change it: a
//! scheme guessed as curl guesses it (`--url`: "If the given URL is missing a scheme name …
//! curl will make a guess based on the host … otherwise HTTP will be used", or
//! `--proto-default`), `user:password@` taken out as a credential, the fragment dropped, the
//! upload's file name appended (`-T`), `--url-query` and `-G` data appended to the query, and
//! the query split into the rows the request editor shows.

use crate::request::curl_credentials::{credential, display, query_credential, FoundCredential};
use crate::request::spec::FormRow;
use crate::token::AuthMode;

/// Schemes curl picks from a scheme-less URL's first host label (`ftp.example.com` → ftp).
const GUESSED_SCHEMES: &[&str] = &["dict", "ftp", "imap", "ldap", "pop3", "smtp"];

/// What the URL handling found besides the URL itself.
#[derive(Debug, Default)]
pub(super) struct UrlOutcome {
    /// `scheme://host/path`, without query or fragment.
    pub url: String,
    pub query: Vec<FormRow>,
    pub found: Vec<FoundCredential>,
    pub notes: Vec<String>,
}

/// The pieces of a request URL, as collected from the command.
#[derive(Debug, Default)]
pub(super) struct UrlInput<'a> {
    /// The first URL, variables already filled (`{storeId}` for unknown ones).
    pub raw: &'a str,
    /// `--proto-default`.
    pub proto_default: Option<&'a str>,
    /// The `-T` file name, appended when the URL's path is empty or ends in `/`.
    pub upload_name: Option<&'a str>,
    /// `--url-query` pieces, already encoded, in order.
    pub url_query: &'a [String],
    /// `-G` data, already joined with `&`.
    pub get_data: Option<&'a str>,
}

/// Builds the URL curl would request. Never fails: anything that differs from curl is noted.
pub(super) fn build(input: &UrlInput<'_>) -> UrlOutcome {
    let mut out = UrlOutcome::default();
    let without_fragment = input.raw.split('#').next().unwrap_or("");
    let mut url = with_scheme(without_fragment, input.proto_default, &mut out.notes);
    if let Some(found) = take_userinfo(&mut url) {
        out.notes.push("The user:password in the URL (sent by curl as Basic auth) was left out: pick a vault token instead.".into());
        out.found.push(found);
    }
    let (base, query) = url.split_once('?').map_or((url.as_str(), None), |(b, q)| (b, Some(q)));
    let mut base = base.to_string();
    if let Some(name) = input.upload_name {
        if path_is_a_folder(&base) {
            // -T: "If there is no file part in the specified URL, curl will append the local file name."
            let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
            base = format!("{}/{}", base.trim_end_matches('/'), encode_path_segment(file));
        }
    }
    let mut pieces: Vec<&str> = query.into_iter().collect();
    pieces.extend(input.url_query.iter().map(String::as_str));
    pieces.extend(input.get_data);
    let joined = pieces.join("&");
    for (name, value) in url::form_urlencoded::parse(joined.as_bytes()) {
        match query_credential(&name, &value) {
            Some(found) => out.found.push(found),
            None => out.query.push(FormRow::new(name, value)),
        }
    }
    out.url = base;
    out
}

/// The URL with a scheme: as given, or the one curl would guess, with a note saying so.
fn with_scheme(url: &str, proto_default: Option<&str>, notes: &mut Vec<String>) -> String {
    if let Some((scheme, _)) = url.split_once("://") {
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            notes.push(format!("The URL is {scheme}://, which Tokenbench does not send (HTTP and HTTPS only)."));
        }
        return url.to_string();
    }
    if url.starts_with('/') {
        return url.to_string(); // a path, joined to the token's base URL by the tester
    }
    if url.starts_with('{') && url.split('/').next().is_some_and(|head| head.ends_with('}')) {
        // `curl $WEBHOOK_URL`: the variable holds the whole address, scheme included.
        notes.push("The URL starts with a variable: fill it in with the full address, scheme included.".into());
        return url.to_string();
    }
    let host = url.split(['/', '?', ':', '@']).next().unwrap_or("");
    let first_label = host.split('.').next().unwrap_or("").to_ascii_lowercase();
    let scheme = match proto_default {
        Some(p) => p.to_ascii_lowercase(),
        None if host.contains('.') && GUESSED_SCHEMES.contains(&first_label.as_str()) => first_label,
        None => "http".to_string(),
    };
    notes.push(match scheme.as_str() {
        "http" => "The URL had no scheme: curl uses http://, and so does this import. Change it to https:// if the API expects TLS.".to_string(),
        "https" => "The URL had no scheme: https:// comes from --proto-default, as curl would use it.".to_string(),
        other => format!("The URL had no scheme: curl would guess {other}:// from the host, which Tokenbench does not send."),
    });
    format!("{scheme}://{url}")
}

/// Takes `user:password@` out of the authority, as a found Basic-auth credential.
fn take_userinfo(url: &mut String) -> Option<FoundCredential> {
    let start = url.find("://")? + 3;
    let authority_end = url[start..].find(['/', '?']).map_or(url.len(), |i| start + i);
    let at = url[start..authority_end].rfind('@')? + start;
    let userinfo = url[start..at].to_string();
    url.replace_range(start..=at, "");
    let (user, password) = userinfo.split_once(':').unwrap_or((&userinfo, ""));
    let masked = format!("{}:{}", display(user, None), if password.is_empty() { "" } else { "••••" });
    Some(credential("URL user:password", &masked, Some(AuthMode::Custom)))
}

/// True when the URL has no path or its path ends with `/` (curl then appends the upload's name).
fn path_is_a_folder(base: &str) -> bool {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    match after_scheme.find('/') {
        None => true,
        Some(_) => after_scheme.ends_with('/'),
    }
}

/// `--url-query` and `--data-urlencode` encoding (curl ≥ 7.86): `A-Z a-z 0-9 - . _ ~` stay,
/// a space becomes `+`, every other byte `%XX`.
pub(super) fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || b"-._~".contains(&b) => out.push(b as char),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn encode_path_segment(text: &str) -> String {
    form_encode(text).replace('+', "%20")
}

/// `STORE_ID`, `PANDABASE_STORE_ID` → `storeId`; `TOKEN_ID` → `tokenId`; others unchanged.
pub(super) fn template_name(var: &str) -> String {
    let upper = var.to_ascii_uppercase();
    if upper.ends_with("STORE_ID") {
        "storeId".into()
    } else if upper.ends_with("TOKEN_ID") {
        "tokenId".into()
    } else {
        var.to_string()
    }
}

/// A note when the URL's own text has `{…}` or `[…]`: curl expands them as a glob
/// ("-g, --globoff … switches off the URL globbing parser") unless `-g` is given.
pub(super) fn glob_note(literal_url: &str, globoff: bool) -> Option<String> {
    let globby = literal_url.contains(['{', '[']) && literal_url.contains(['}', ']']);
    (globby && !globoff).then(|| {
        "The URL has {…} or […]: curl would expand them as a URL glob (unless -g); the import keeps them as written, and {name} becomes a variable to fill in.".to_string()
    })
}
