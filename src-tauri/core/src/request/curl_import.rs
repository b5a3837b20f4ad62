//! Turns a pasted cURL command — from a provider's documentation, a browser's "Copy as cURL"
//! or a script — into the [`RequestDraft`] curl would send, read the way `man curl` describes
//! each option (the options are data in `curl_options.rs`; the URL, body and form rules live in
//! `curl_url.rs`, `curl_body.rs` and `curl_form.rs`). Credentials (`Authorization`,
//! `X-Api-Key`, `X-Signature`, cookies, `-u`, `user:pass@`, keys in the query) are taken out of
//! the draft and reported masked, so the user picks a vault token instead of pasting a key into
//! a request that might be saved. Whatever else the draft cannot hold as curl would send it is
//! noted, naming what was left out. Shell variables assigned earlier in the paste are filled
//! in; `$STORE_ID`-style variables in the URL become `{storeId}` template variables.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::request::curl_body::{url_query, Body};
pub use crate::request::curl_credentials::FoundCredential;
use crate::request::curl_credentials::{credential, display, header_credential};
use crate::request::curl_form::form_part;
use crate::request::curl_inputs::{Expanded, Inputs};
use crate::request::curl_options::{self, CurlOption, Effect};
use crate::request::curl_script::find_curl;
use crate::request::curl_url::{self, glob_note, UrlInput};
use crate::request::shell_words::{literal, split, without_prefix, Part};
use crate::request::spec::{FormRow, RequestDraft};
use crate::token::AuthMode;

/// The result of an import: the draft, the credentials taken out, and notes on what was
/// left out, ignored or guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CurlImport {
    pub draft: RequestDraft,
    pub found: Vec<FoundCredential>,
    pub notes: Vec<String>,
}

/// Parses the first `curl` command in `text`, reading no files (what a command would read
/// from a file is noted as left out). Fails with [`Error::Invalid`] when there is no curl
/// command, no URL, an option without its value, or an unclosed quote.
pub fn import_curl(text: &str) -> Result<CurlImport> {
    import(text, None)
}

/// [`import_curl`], reading the files the command names (`-d @body.json`, `-T file`,
/// `-F f=@file`, `< file`) relative to `folder`, as curl run there would: UTF-8 text up to
/// [`crate::request::curl_inputs::MAX_FILE_BYTES`] each; any other file is noted as left out.
pub fn import_curl_reading_files(text: &str, folder: &Path) -> Result<CurlImport> {
    import(text, Some(folder))
}

fn import(text: &str, folder: Option<&Path>) -> Result<CurlImport> {
    let script = find_curl(&split(text)?)?;
    let mut parser = Parser { inputs: Inputs::new(script.vars, script.stdin, folder, script.notes), ..Parser::default() };
    parser.parse(&script.args)?;
    parser.finish()
}

#[derive(Default)]
struct Parser<'a> {
    inputs: Inputs<'a>,
    found: Vec<FoundCredential>,
    method: Option<String>,
    url: Option<String>,
    /// The URL's own characters (no variables), for the glob note.
    url_literal: String,
    headers: Vec<FormRow>,
    /// Lower-case names removed with `-H "Name:"`.
    removed: Vec<String>,
    user_agent: Option<String>,
    referer: Option<String>,
    range: Option<String>,
    proto_default: Option<String>,
    url_query: Vec<String>,
    body: Body,
    get: bool,
    head: bool,
    globoff: bool,
}

impl Parser<'_> {
    fn note(&mut self, note: String) {
        self.inputs.note(note);
    }

    fn text(&mut self, word: &[Part]) -> String {
        self.inputs.text(word, false)
    }

    fn parse(&mut self, args: &[Vec<Part>]) -> Result<()> {
        let mut i = 0;
        let mut options_done = false;
        while i < args.len() {
            let word = literal(&args[i]);
            if options_done || !word.starts_with('-') || word == "-" {
                self.set_url(&args[i]);
            } else if word == "--" {
                options_done = true;
            } else if word.starts_with("--") {
                match curl_options::long(&word) {
                    Some(opt) if opt.takes_value => {
                        i += 1;
                        let value = args.get(i).ok_or_else(|| missing_value(&word))?;
                        self.option(opt, value);
                    }
                    Some(opt) => {
                        if !self.flag(opt, word != opt.long) {
                            break;
                        }
                    }
                    None => self.note(format!("Ignored {word}, which is not a curl option.")),
                }
            } else {
                for (pos, c) in word.char_indices().skip(1) {
                    let Some(opt) = curl_options::short(c) else {
                        self.note(format!("Ignored -{c}, which is not a curl option."));
                        continue;
                    };
                    if !opt.takes_value {
                        if !self.flag(opt, false) {
                            return Ok(());
                        }
                        continue;
                    }
                    let used = pos + c.len_utf8();
                    let value = if used < word.len() {
                        without_prefix(&args[i], used)
                    } else {
                        i += 1;
                        args.get(i).cloned().ok_or_else(|| missing_value(&format!("-{c}")))?
                    };
                    self.option(opt, &value);
                    break;
                }
            }
            i += 1;
        }
        Ok(())
    }

    fn set_url(&mut self, word: &[Part]) {
        if self.url.is_some() {
            self.note("Only the first URL was imported: curl would also request the others.".into());
            return;
        }
        self.url_literal = literal(word);
        self.url = Some(self.inputs.text(word, true));
    }

    /// A flag (an option without a value); `negated` for its `--no-` form. Returns false
    /// when parsing stops (`--next`).
    fn flag(&mut self, opt: CurlOption, negated: bool) -> bool {
        match (opt.long, opt.effect) {
            ("--get", _) => self.get = !negated,
            ("--head", _) => self.head = !negated,
            ("--globoff", _) => self.globoff = !negated,
            ("--next", _) => {
                self.note("Only the request before --next was imported.".into());
                return false;
            }
            ("--version" | "--help" | "--manual", _) => self.note(format!("{} only prints information; curl sends no request with it.", opt.long)),
            (_, Effect::Unsupported(why)) if !negated => self.note(format!("Left out {}: {why}.", opt.long)),
            _ => {}
        }
        true
    }

    /// An option with its value.
    fn option(&mut self, opt: CurlOption, value: &[Part]) {
        let name = opt.long;
        match name {
            "--request" => self.method = Some(self.text(value).trim().to_ascii_uppercase()),
            "--url" => self.set_url(value),
            "--header" => {
                let e = self.inputs.expand(value, false);
                self.header_arg(e);
            }
            "--user-agent" => self.user_agent = Some(self.text(value)),
            "--referer" => {
                let text = self.text(value);
                self.referer = Some(text.strip_suffix(";auto").unwrap_or(&text).to_string());
            }
            "--range" => self.range = Some(self.text(value)),
            "--proto-default" => self.proto_default = Some(self.text(value)),
            "--data" | "--data-ascii" | "--data-binary" | "--data-raw" | "--data-urlencode" | "--json" => {
                let arg = self.text(value);
                let what = format!("{name} {arg}");
                let inputs = &mut self.inputs;
                self.body.add_data(name, &arg, &mut |file| inputs.read(&what, file));
            }
            "--url-query" => {
                let arg = self.text(value);
                let what = format!("--url-query {arg}");
                let inputs = &mut self.inputs;
                let piece = url_query(&arg, &mut |file| inputs.read(&what, file));
                self.url_query.push(piece);
            }
            "--form" | "--form-string" => {
                let arg = self.text(value);
                let what = format!("{name} {arg}");
                let mut notes = Vec::new();
                let inputs = &mut self.inputs;
                let part = form_part(&arg, name == "--form-string", &mut |file| inputs.read(&what, file), &mut notes);
                notes.into_iter().for_each(|n| self.note(n));
                self.body.form.extend(part);
            }
            "--upload-file" => {
                let file = self.text(value);
                let content = self.inputs.read(&format!("-T {file}"), &file);
                self.body.upload = Some((file, content));
            }
            "--user" => {
                let e = self.inputs.expand(value, false);
                let (user, password) = e.text.split_once(':').unwrap_or((&e.text, ""));
                let shown_user = display(user, user.starts_with('$').then(|| user.to_string()));
                let masked = match &e.from_var {
                    Some(var) => var.clone(),
                    None => format!("{shown_user}:{}", if password.is_empty() { "" } else { "••••" }),
                };
                self.found.push(credential("-u (basic auth)", &masked, Some(AuthMode::Custom)));
                if !e.text.contains(':') {
                    self.note("-u without ':password' makes curl prompt for the password.".into());
                }
                self.note("-u sends Basic auth (Authorization: Basic base64 of user:password); it was left out: pick a vault token (custom mode, prefix \"Basic \") instead.".into());
            }
            "--oauth2-bearer" => {
                let e = self.inputs.expand(value, false);
                self.found.push(credential("--oauth2-bearer", &display(&e.text, e.from_var), Some(AuthMode::Bearer)));
            }
            "--cookie" => {
                let e = self.inputs.expand(value, false);
                if e.text.contains('=') {
                    self.found.push(credential("cookie", &display(&e.text, e.from_var), None));
                    self.note("Cookies (-b) were left out: session cookies are not API tokens.".into());
                } else {
                    self.note(format!("-b {} sends the cookies stored in that file; they were left out.", e.text));
                }
            }
            "--cookie-jar" => self.note("-c saves the answer's cookies to a file; Tokenbench does not keep cookies.".into()),
            "--config" => {
                let file = self.text(value);
                self.note(format!("-K {file} reads more options from that file; they were not imported."));
            }
            _ => match opt.effect {
                Effect::Unsupported(why) => self.note(format!("Left out {name}: {why}.")),
                Effect::Quiet | Effect::Handled => {}
            },
        }
    }

    /// One `-H` value: `Name: value`, `Name:` (removes a header curl would add), `Name;`
    /// (an empty header), or `@file` (one header per line).
    fn header_arg(&mut self, expanded: Expanded) {
        if let Some(file) = expanded.text.strip_prefix('@') {
            let content = self.inputs.read(&format!("-H @{file}"), file);
            for line in content.lines().map(str::trim).filter(|l| !l.is_empty()) {
                self.header_arg(Expanded { text: line.to_string(), ..Expanded::default() });
            }
            return;
        }
        let Expanded { text, from_var, notes } = expanded;
        let (name, value) = match text.split_once(':') {
            Some((n, v)) => (n.trim(), v.trim()),
            None => match text.strip_suffix(';') {
                Some(n) => (n.trim(), ""),
                None => {
                    // Not echoed: a header without a name is often a bare key (`-H "Bearer sk_…"`).
                    self.note("Ignored a -H value without a 'Name:' part (expected Name: value).".into());
                    return;
                }
            },
        };
        if value.is_empty() && text.contains(':') {
            // "Remove an internal header by giving a replacement without content".
            self.removed.push(name.to_ascii_lowercase());
            return;
        }
        match header_credential(name, value, from_var) {
            Some(found) => self.found.push(found),
            None => {
                notes.into_iter().for_each(|n| self.note(n));
                self.headers.push(FormRow::new(name, value));
            }
        }
    }

    fn finish(mut self) -> Result<CurlImport> {
        let raw = self.url.take().ok_or_else(|| Error::Invalid("the curl command has no URL: add the address to call".into()))?;
        if let Some(note) = glob_note(&self.url_literal, self.globoff) {
            self.note(note);
        }
        let own_type = self.headers.iter().position(|h| h.name.eq_ignore_ascii_case("content-type"));
        let form_data = own_type.is_none_or(|i| self.headers[i].value.to_ascii_lowercase().starts_with("multipart/form-data"));
        let upload_name = self.body.upload.as_ref().map(|(name, _)| name.clone());
        let (has_form, has_data) = (!self.body.form.is_empty(), self.body.has_data());
        let assembled = std::mem::take(&mut self.body).assemble(self.get, if form_data { "form-data" } else { "attachment" });
        let url = curl_url::build(&UrlInput {
            raw: &raw,
            proto_default: self.proto_default.as_deref(),
            upload_name: upload_name.as_deref().filter(|n| *n != "-" && *n != "."),
            url_query: &self.url_query,
            get_data: assembled.get_data.as_deref(),
        });
        url.notes.into_iter().for_each(|n| self.inputs.note(n));
        self.found.extend(url.found);
        if let (Some(i), Some(boundary)) = (own_type, &assembled.boundary) {
            // curl appends its boundary to a Content-Type the command sets for a form.
            self.headers[i].value = format!("{}; boundary={boundary}", self.headers[i].value);
        }
        let mut extra: Vec<(&str, String)> = assembled.defaults.clone();
        extra.extend(self.user_agent.take().filter(|ua| !ua.is_empty()).map(|ua| ("User-Agent", ua)));
        extra.extend(self.referer.take().filter(|r| !r.is_empty()).map(|r| ("Referer", r)));
        extra.extend(self.range.take().map(|r| ("Range", format!("bytes={r}"))));
        for (name, value) in extra {
            let lower = name.to_ascii_lowercase();
            let set = self.headers.iter().any(|h| h.name.eq_ignore_ascii_case(name));
            if !set && !self.removed.contains(&lower) {
                self.headers.push(FormRow::new(name, value));
            }
        }
        if upload_name.is_some() && (has_form || has_data) || has_form && has_data {
            self.note("curl refuses to combine -T, -d and -F in one request (\"You can only select one HTTP request method!\"); the import kept the -F form if there is one, else the -T upload.".into());
        }
        if self.head && assembled.posts {
            self.note("curl refuses -I together with -d or -F (use -G to send the data in the query).".into());
        }
        let method = match self.method.take().filter(|m| !m.is_empty()) {
            Some(m) => m,
            None if self.head => "HEAD".into(),
            None if upload_name.is_some() => "PUT".into(),
            None if assembled.posts => "POST".into(),
            None => "GET".into(),
        };
        let draft = RequestDraft {
            method,
            url: url.url,
            headers: self.headers,
            query: url.query,
            body: assembled.body,
            endpoint_id: None,
            vars: Default::default(),
        };
        Ok(CurlImport { draft, found: self.found, notes: self.inputs.notes })
    }
}

fn missing_value(opt: &str) -> Error {
    Error::Invalid(format!("the curl option {opt} needs a value after it"))
}

#[cfg(test)]
#[path = "curl_import_tests.rs"]
mod tests;
#[cfg(test)]
#[path = "curl_man_tests.rs"]
mod man_tests;
#[cfg(test)]
#[path = "curl_man_url_tests.rs"]
mod man_url_tests;
