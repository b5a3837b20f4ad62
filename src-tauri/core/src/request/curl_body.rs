//! The body curl builds from `-d`/`--data-*`/`--json` pieces, `-F`/`--form` parts and
//! `-T`/`--upload-file`, following `man curl`: data pieces are "merged with a separating
//! &-symbol" (`--json` pieces are "concatenated"), `-d @file` strips carriage returns and
//! newlines while `--data-binary @file` keeps them, `--data-urlencode` has five forms, and
//! `-F` makes a `multipart/form-data` body, written here with a fixed boundary so the draft
//! holds it as text. Files and standard input are read through the importer's reader, which
//! notes what it could not read.

use crate::request::curl_form::{multipart, FormPart};
use crate::request::curl_url::form_encode;

/// Reads a file (or `-`, standard input) named by the command; empty when it cannot, in which
/// case the reader has noted why.
pub(super) type Reader<'a> = dyn FnMut(&str) -> String + 'a;

/// Everything that makes the body, in command order.
#[derive(Debug, Default)]
pub(super) struct Body {
    /// The data pieces joined so far; `Some("")` after `-d ''` (which still means POST).
    data: Option<String>,
    last_was_json: bool,
    /// `--json` was used: JSON content type and accept headers.
    pub json: bool,
    pub form: Vec<FormPart>,
    /// `-T`: the file name and its content.
    pub upload: Option<(String, String)>,
}

/// The body and what it implies for the request.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Assembled {
    pub body: String,
    /// Data or a form was given (without `-G`): POST unless `-X` says otherwise.
    pub posts: bool,
    /// `-G` data, for the URL's query.
    pub get_data: Option<String>,
    /// Headers curl adds unless the command sets them itself: (name, value).
    pub defaults: Vec<(&'static str, String)>,
    /// The multipart boundary, which curl appends to a `Content-Type` the command sets itself.
    pub boundary: Option<String>,
}

impl Body {
    /// Adds one `-d`/`--data`/`--data-ascii`/`--data-binary`/`--data-raw`/`--data-urlencode`/
    /// `--json` argument (`opt` is the long name).
    pub(super) fn add_data(&mut self, opt: &str, arg: &str, read: &mut Reader<'_>) {
        let piece = match (opt, arg.strip_prefix('@')) {
            // "-d … carriage returns and newlines will be stripped out" of a file's contents.
            ("--data" | "--data-ascii", Some(name)) => read(name).replace(['\r', '\n'], ""),
            // "--data-binary … newlines and carriage returns are preserved".
            ("--data-binary" | "--json", Some(name)) => read(name),
            ("--data-urlencode", _) => urlencoded(arg, read),
            _ => arg.to_string(),
        };
        let json = opt == "--json";
        match &mut self.data {
            None => self.data = Some(piece),
            Some(data) => {
                if !(json && self.last_was_json) {
                    data.push('&');
                }
                data.push_str(&piece);
            }
        }
        self.last_was_json = json;
        self.json |= json;
    }

    /// True once a data option was given (even `-d ''`).
    pub(super) fn has_data(&self) -> bool {
        self.data.is_some()
    }

    /// The body for the request: multipart when there is a form, the upload's content for
    /// `-T`, else the data (or, with `-G`, no body and the data for the query).
    pub(super) fn assemble(self, get: bool, form_disposition: &str) -> Assembled {
        let mut out = Assembled::default();
        if self.json {
            out.defaults.push(("Content-Type", "application/json".into()));
            out.defaults.push(("Accept", "application/json".into()));
        }
        if !self.form.is_empty() {
            let (boundary, body) = multipart(&self.form, form_disposition);
            out.defaults.push(("Content-Type", format!("multipart/form-data; boundary={boundary}")));
            out.boundary = Some(boundary);
            out.body = body;
            out.posts = true;
        } else if let Some((_, content)) = self.upload {
            out.body = content;
        } else if let Some(data) = self.data {
            if get {
                out.get_data = Some(data);
            } else {
                if !self.json {
                    out.defaults.push(("Content-Type", "application/x-www-form-urlencoded".into()));
                }
                out.body = data;
                out.posts = true;
            }
        }
        out
    }
}

/// `--data-urlencode` (and `--url-query`) forms: `content`, `=content`, `name=content`,
/// `@file`, `name@file`; the content is URL-encoded, the name is "expected to be URL-encoded
/// already". The first `=` or `@` decides which form it is.
pub(super) fn urlencoded(arg: &str, read: &mut Reader<'_>) -> String {
    let (name, content) = match arg.find(['=', '@']) {
        Some(i) if arg.as_bytes()[i] == b'@' => (&arg[..i], read(&arg[i + 1..])),
        Some(i) => (&arg[..i], arg[i + 1..].to_string()),
        None => ("", arg.to_string()),
    };
    if name.is_empty() {
        form_encode(&content)
    } else {
        format!("{name}={}", form_encode(&content))
    }
}

/// `--url-query`: as `--data-urlencode`, and "if the argument starts with a '+' (plus), the
/// rest of the string is provided as-is unencoded".
pub(super) fn url_query(arg: &str, read: &mut Reader<'_>) -> String {
    match arg.strip_prefix('+') {
        Some(raw) => raw.to_string(),
        None => urlencoded(arg, read),
    }
}
