//! Turns a pasted cURL command — from a provider's documentation or a browser's "Copy as
//! cURL" — into a [`RequestDraft`]. Credentials found in it (`Authorization`, `X-Api-Key`,
//! `X-Signature`, cookies, `-u`) are taken out of the draft and reported masked, so the user
//! picks a vault token instead of pasting a key into a request that might be saved. Shell
//! variables assigned earlier in the paste (the documents' `BODY='…'`) are filled in;
//! `$STORE_ID`-style variables in the URL become `{storeId}` template variables.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
pub use crate::request::curl_credentials::FoundCredential;
use crate::request::curl_credentials::{credential, display, header_credential, query_credential};
use crate::request::shell_words::{assignment, expand_plain, literal, split, without_prefix, Part, Token};
use crate::request::spec::{FormRow, RequestDraft};
use crate::token::AuthMode;

/// The result of an import: the draft, the credentials taken out, and notes on what was
/// ignored or guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CurlImport {
    pub draft: RequestDraft,
    pub found: Vec<FoundCredential>,
    pub notes: Vec<String>,
}

/// Short options that take a value (`-XPOST` and `-X POST` both work).
const SHORT_WITH_VALUE: &str = "XHduAebcoFTxmwrKEDUYyzt";
/// Long options that take a value, space-separated.
const LONG_WITH_VALUE: &str = "\
    --request --header --data --data-ascii --data-raw --data-binary --data-urlencode --json --url --user \
    --user-agent --referer --cookie --cookie-jar --output --form --form-string --upload-file --proxy --max-time \
    --connect-timeout --write-out --retry --retry-delay --retry-max-time --cacert --capath --cert --key --resolve \
    --connect-to --range --config --limit-rate --interface --max-redirs --oauth2-bearer --aws-sigv4 --proxy-user \
    --proxy-header --dump-header --trace --trace-ascii --stderr --unix-socket --request-target --cert-type \
    --key-type --ciphers --variable";
/// Options that change nothing Tokenbench sends (output, TLS, HTTP version…): skipped quietly.
const QUIET_FLAGS: &str = "\
    -s -S -v -i -L -k -f -N -g -# -4 -6 -O -J -n -j -Z --silent --show-error --verbose --include --location \
    --insecure --fail --fail-with-body --compressed --no-buffer --globoff --http1.0 --http1.1 --http2 \
    --http2-prior-knowledge --http3 --ipv4 --ipv6 --progress-bar --location-trusted --raw --path-as-is \
    --remote-name --netrc --parallel --no-keepalive --tr-encoding --junk-session-cookies";

/// Parses the first `curl` command in `text`. Fails with [`Error::Invalid`] when there is
/// no curl command, no URL, or an unclosed quote.
pub fn import_curl(text: &str) -> Result<CurlImport> {
    let tokens = split(text)?;
    let mut vars: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut notes: Vec<String> = Vec::new();
    let mut command: Option<Vec<Vec<Part>>> = None;
    for words in tokens.split(|t| *t == Token::End) {
        let mut words: Vec<Vec<Part>> = words.iter().filter_map(|t| if let Token::Word(p) = t { Some(p.clone()) } else { None }).collect();
        while words.first().is_some_and(|w| matches!(w.as_slice(), [Part::Literal(s)] if s == "$" || s == ">")) {
            words.remove(0);
        }
        let assignments = words.iter().take_while(|w| assignment(w).is_some()).count();
        if assignments == words.len() {
            for w in &words {
                if let Some((name, value)) = assignment(w) {
                    vars.insert(name, expand_plain(&value, &vars));
                }
            }
            continue;
        }
        let program = literal(&words[assignments]);
        if program == "curl" || program.ends_with("/curl") || program.eq_ignore_ascii_case("curl.exe") {
            if command.is_some() {
                notes.push("Only the first curl command was imported.".into());
                break;
            }
            command = Some(words[assignments + 1..].to_vec());
        }
    }
    let args = command.ok_or_else(|| Error::Invalid("no curl command found: paste a command that starts with curl".into()))?;
    let mut parser = Parser { vars, notes, ..Parser::default() };
    parser.parse(&args)?;
    parser.finish()
}

#[derive(Default)]
struct Expanded {
    text: String,
    /// `$NAME` when the whole word was one unknown variable.
    from_var: Option<String>,
    notes: Vec<String>,
}

#[derive(Default)]
struct Parser {
    vars: BTreeMap<String, Option<String>>,
    notes: Vec<String>,
    found: Vec<FoundCredential>,
    method: Option<String>,
    url: Option<String>,
    headers: Vec<FormRow>,
    data: Vec<String>,
    json: bool,
    form_data: bool,
    get: bool,
    head: bool,
}

impl Parser {
    /// A word as text: known variables filled, unknown ones kept as `$NAME` (in the URL,
    /// `for_url`, they become `{template}` variables). Notes on what could not be filled come
    /// back separately, for the caller to keep unless the value is dropped anyway.
    fn expand(&self, word: &[Part], for_url: bool) -> Expanded {
        let mut e = Expanded::default();
        for p in word {
            match p {
                Part::Literal(s) => e.text.push_str(s),
                Part::Var(v) => match self.vars.get(v).cloned().flatten() {
                    Some(value) => e.text.push_str(&value),
                    None if for_url => e.text.push_str(&format!("{{{}}}", template_name(v))),
                    None => {
                        e.text.push_str(&format!("${v}"));
                        e.notes.push(format!("${v} is not set in the pasted text: replace it with a value."));
                        if word.len() == 1 {
                            e.from_var = Some(format!("${v}"));
                        }
                    }
                },
                Part::Command(c) => {
                    e.text.push_str(c);
                    e.notes.push(format!("{c} runs a command; Tokenbench does not run it: replace it with a value."));
                }
            }
        }
        e
    }

    /// [`Parser::expand`], keeping its notes.
    fn text(&mut self, word: &[Part], for_url: bool) -> String {
        let e = self.expand(word, for_url);
        e.notes.into_iter().for_each(|n| self.note(n));
        e.text
    }

    fn note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    fn parse(&mut self, args: &[Vec<Part>]) -> Result<()> {
        let mut i = 0;
        let mut options_done = false;
        while i < args.len() {
            let word = literal(&args[i]);
            if options_done || !word.starts_with('-') || word == "-" {
                let url = self.text(&args[i], true);
                self.set_url(url);
            } else if word == "--" {
                options_done = true;
            } else if word.starts_with("--") {
                if LONG_WITH_VALUE.split_whitespace().any(|o| o == word) {
                    i += 1;
                    let value = args.get(i).ok_or_else(|| missing_value(&word))?;
                    self.option(&word, value);
                } else {
                    self.flag(&word);
                }
            } else {
                for (pos, c) in word.char_indices().skip(1) {
                    if SHORT_WITH_VALUE.contains(c) {
                        let opt = format!("-{c}");
                        let used = pos + c.len_utf8();
                        let value = if used < word.len() {
                            without_prefix(&args[i], used)
                        } else {
                            i += 1;
                            args.get(i).cloned().ok_or_else(|| missing_value(&opt))?
                        };
                        self.option(&opt, &value);
                        break;
                    }
                    self.flag(&format!("-{c}"));
                }
            }
            i += 1;
        }
        Ok(())
    }

    fn set_url(&mut self, url: String) {
        if self.url.is_some() {
            self.note("Only the first URL was imported.".into());
        } else {
            self.url = Some(url);
        }
    }

    fn flag(&mut self, flag: &str) {
        match flag {
            "-G" | "--get" => self.get = true,
            "-I" | "--head" => self.head = true,
            quiet if QUIET_FLAGS.split_whitespace().any(|q| q == quiet) => {}
            other => self.note(format!("Ignored the curl option {other}.")),
        }
    }

    fn option(&mut self, opt: &str, value: &[Part]) {
        match opt {
            "-X" | "--request" => self.method = Some(self.text(value, false).trim().to_ascii_uppercase()),
            "--url" => {
                let url = self.text(value, true);
                self.set_url(url);
            }
            "-H" | "--header" => {
                let e = self.expand(value, false);
                self.header(e);
            }
            "-A" | "--user-agent" => {
                let v = self.text(value, false);
                self.headers.push(FormRow::new("User-Agent", v));
            }
            "-e" | "--referer" => {
                let v = self.text(value, false);
                self.headers.push(FormRow::new("Referer", v));
            }
            "-d" | "--data" | "--data-ascii" | "--data-binary" | "--data-raw" | "--json" | "--data-urlencode" => self.data(opt, value),
            "-u" | "--user" => {
                self.found.push(credential("-u (basic auth)", "••••", None));
                self.note("The -u user:password was left out: pick a vault token instead.".into());
            }
            "--oauth2-bearer" => {
                let e = self.expand(value, false);
                self.found.push(credential("--oauth2-bearer", &display(&e.text, e.from_var), Some(AuthMode::Bearer)));
            }
            "-b" | "--cookie" => {
                let e = self.expand(value, false);
                if e.text.contains('=') {
                    self.found.push(credential("cookie", &display(&e.text, e.from_var), None));
                }
                self.note("Cookies (-b) were left out: session cookies are not API tokens.".into());
            }
            "-F" | "--form" | "--form-string" | "-T" | "--upload-file" => {
                self.note(format!("{opt} (file upload / multipart form) is not supported: the body was left empty."));
            }
            other => self.note(format!("Ignored the curl option {other}.")),
        }
    }

    fn header(&mut self, expanded: Expanded) {
        let Expanded { text, from_var, notes } = expanded;
        let header = text.as_str();
        let (name, value) = match header.split_once(':') {
            Some((n, v)) => (n.trim(), v.trim()),
            None => match header.strip_suffix(';') {
                Some(n) => (n.trim(), ""),
                None => {
                    // Not echoed: a header without a name is often a bare key (`-H "Bearer sk_…"`).
                    self.note("Ignored a -H value without a 'Name:' part (expected Name: value).".into());
                    return;
                }
            },
        };
        match header_credential(name, value, from_var) {
            Some(found) => self.found.push(found),
            None => {
                notes.into_iter().for_each(|n| self.note(n));
                if !(value.is_empty() && header.contains(':')) {
                    self.headers.push(FormRow::new(name, value));
                }
            }
        }
    }

    fn data(&mut self, opt: &str, value: &[Part]) {
        let text = self.text(value, false);
        let reads_file = opt != "--data-raw" && opt != "--data-urlencode" && text.starts_with('@');
        if reads_file {
            self.note(format!("{opt} {text} reads the body from a file: paste the file's contents into the body."));
            return;
        }
        match opt {
            "--json" => self.json = true,
            "--data-urlencode" => {
                self.form_data = true;
                let encoded = match text.split_once('=') {
                    Some((name, content)) => format!("{name}{}{}", if name.is_empty() { "" } else { "=" }, percent_encode(content)),
                    None => percent_encode(&text),
                };
                self.data.push(encoded);
                return;
            }
            _ => self.form_data = true,
        }
        self.data.push(text);
    }

    fn finish(mut self) -> Result<CurlImport> {
        let url = self.url.take().ok_or_else(|| Error::Invalid("the curl command has no URL: add the address to call".into()))?;
        let url = if url.contains("://") || url.starts_with('/') {
            url
        } else {
            self.note("The URL had no scheme; https:// was assumed (curl itself would use http://).".into());
            format!("https://{url}")
        };
        let (url, mut query) = split_query(&url);
        query.retain(|row| match query_credential(&row.name, &row.value) {
            Some(found) => {
                self.found.push(found);
                false
            }
            None => true,
        });
        let joiner = if self.json && !self.form_data { "" } else { "&" };
        let mut body = self.data.join(joiner);
        if self.get && !body.is_empty() {
            query.extend(split_query(&format!("?{body}")).1);
            body.clear();
        }
        let has = |headers: &[FormRow], name: &str| headers.iter().any(|h| h.name.eq_ignore_ascii_case(name));
        if self.json {
            for (name, value) in [("Content-Type", "application/json"), ("Accept", "application/json")] {
                if !has(&self.headers, name) {
                    self.headers.push(FormRow::new(name, value));
                }
            }
        } else if !body.is_empty() && !has(&self.headers, "Content-Type") {
            self.headers.push(FormRow::new("Content-Type", "application/x-www-form-urlencoded"));
        }
        let method = match self.method.take() {
            Some(m) => m,
            None if self.head => "HEAD".into(),
            None if self.get || body.is_empty() => "GET".into(),
            None => "POST".into(),
        };
        let draft = RequestDraft { method, url, headers: self.headers, query, body, endpoint_id: None, vars: BTreeMap::new() };
        Ok(CurlImport { draft, found: self.found, notes: self.notes })
    }
}

fn missing_value(opt: &str) -> Error {
    Error::Invalid(format!("the curl option {opt} needs a value after it"))
}

/// `STORE_ID`, `PANDABASE_STORE_ID` → `storeId`; `TOKEN_ID` → `tokenId`; others unchanged.
fn template_name(var: &str) -> String {
    let upper = var.to_ascii_uppercase();
    if upper.ends_with("STORE_ID") {
        "storeId".into()
    } else if upper.ends_with("TOKEN_ID") {
        "tokenId".into()
    } else {
        var.to_string()
    }
}

/// Splits `…?a=1&b=2` into the URL without its query and decoded rows.
fn split_query(url: &str) -> (String, Vec<FormRow>) {
    let Some((base, query)) = url.split_once('?') else { return (url.to_string(), Vec::new()) };
    let rows = url::form_urlencoded::parse(query.as_bytes()).map(|(n, v)| FormRow::new(n, v)).collect();
    (base.to_string(), rows)
}

/// curl's `--data-urlencode` encoding: everything but `A-Za-z0-9-._~` as `%XX`.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[cfg(test)]
#[path = "curl_import_tests.rs"]
mod tests;
