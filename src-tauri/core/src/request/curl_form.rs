//! `-F`/`--form` and `--form-string` as curl reads them (`man curl`, -F): `name=content`, where
//! content starting with `@` "makes a file get attached in the post as a file upload", `<`
//! "makes a text field and just get the contents for that text field from a file", `-` as the
//! file name means standard input, and `;type=`, `;filename=` and `;headers=` follow; a value
//! with `;`, leading or trailing spaces or a leading `"` is double-quoted. The parts are then
//! written as the `multipart/form-data` body curl sends (RFC 7578), with a fixed boundary.

use crate::request::curl_body::Reader;

/// Start of every boundary curl makes (24 dashes); the rest is 16 hex digits.
const BOUNDARY_PREFIX: &str = "------------------------";

/// One part of a multipart form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct FormPart {
    /// Empty for `-F =value`, which curl sends without a name.
    pub name: String,
    pub content: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    /// `;headers="X-Name: value"`.
    pub headers: Vec<String>,
}

/// Parses one `-F` argument (`literal` for `--form-string`). `read` gets file names (`-` for
/// standard input). Returns the part, or a note saying why there is none.
pub(super) fn form_part(arg: &str, literal: bool, read: &mut Reader<'_>, notes: &mut Vec<String>) -> Option<FormPart> {
    let Some((name, rest)) = arg.split_once('=') else {
        notes.push("Left out a -F value without '=' (curl refuses it: use name=content).".into());
        return None;
    };
    let mut part = FormPart { name: name.to_string(), ..FormPart::default() };
    if literal {
        part.content = rest.to_string();
        return Some(part);
    }
    let chars: Vec<char> = rest.chars().collect();
    let (kind, start) = match chars.first() {
        Some('@') => (Kind::Upload, 1),
        Some('<') => (Kind::FromFile, 1),
        _ => (Kind::Text, 0),
    };
    let stops: &[char] = if kind == Kind::Upload { &[';', ','] } else { &[';'] };
    let (value, mut i) = word(&chars, start, stops);
    if chars.get(i) == Some(&',') {
        notes.push(format!("-F {name}=@… attaches several files as one multipart/mixed part; only the first, {value}, was imported."));
        while i < chars.len() && chars[i] != ';' {
            i += 1;
        }
    }
    while chars.get(i) == Some(&';') {
        let key_start = skip_spaces(&chars, i + 1);
        let key_end = (key_start..chars.len()).find(|&j| matches!(chars[j], '=' | ';')).unwrap_or(chars.len());
        let key: String = chars[key_start..key_end].iter().collect();
        if chars.get(key_end) != Some(&'=') {
            // Not echoed: an unquoted value with a `;` may be a secret cut in two.
            notes.push(format!("-F {name}=… has a ';' part that is not type=, filename= or headers=: curl skips it, and so did the import."));
            i = key_end;
            continue;
        }
        let (param, next) = word(&chars, key_end + 1, &[';']);
        match key.as_str() {
            "type" => part.content_type = Some(param),
            "filename" => part.filename = Some(param),
            "headers" if param.starts_with('@') => notes.push(format!("-F {name}=…;headers=@file reads part headers from a file; they were left out.")),
            "headers" => part.headers.push(param),
            other => notes.push(format!("-F {name}=…;{other}= is not imported (curl would apply it to the part).")),
        }
        i = next;
    }
    match kind {
        Kind::Text => part.content = value,
        Kind::FromFile => part.content = read(&value),
        Kind::Upload => {
            part.content = read(&value);
            let local = value.rsplit(['/', '\\']).next().unwrap_or(&value).to_string();
            let remote = part.filename.get_or_insert(local.clone()).clone();
            if part.content_type.is_none() {
                // curl guesses from the name sent, then the local name; a real file defaults
                // to application/octet-stream, standard input to no type at all.
                part.content_type = guess_type(&remote)
                    .or_else(|| guess_type(&local))
                    .or_else(|| (value != "-").then(|| "application/octet-stream".to_string()));
            }
        }
    }
    if kind != Kind::Upload && part.content_type.is_none() {
        part.content_type = part.filename.as_deref().and_then(guess_type);
    }
    Some(part)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    FromFile,
    Upload,
}

/// A value from `chars[start..]`: double-quoted (with `\"` and `\\`), or up to the first of
/// `stops` with the spaces around it trimmed. Returns the value and the index after it.
fn word(chars: &[char], start: usize, stops: &[char]) -> (String, usize) {
    let start = skip_spaces(chars, start);
    if chars.get(start) == Some(&'"') {
        let mut out = String::new();
        let mut i = start + 1;
        while i < chars.len() && chars[i] != '"' {
            if chars[i] == '\\' && matches!(chars.get(i + 1), Some('"' | '\\')) {
                i += 1;
            }
            out.push(chars[i]);
            i += 1;
        }
        let end = (i..chars.len()).find(|&j| stops.contains(&chars[j])).unwrap_or(chars.len());
        return (out, end);
    }
    let end = (start..chars.len()).find(|&j| stops.contains(&chars[j])).unwrap_or(chars.len());
    (chars[start..end].iter().collect::<String>().trim_end().to_string(), end)
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| *c == ' ' || *c == '\t') {
        i += 1;
    }
    i
}

/// curl's content types by file extension (lib/mime.c); `None` for any other name.
fn guess_type(name: &str) -> Option<String> {
    const TYPES: &[(&str, &str)] = &[
        (".gif", "image/gif"),
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".png", "image/png"),
        (".svg", "image/svg+xml"),
        (".txt", "text/plain"),
        (".htm", "text/html"),
        (".html", "text/html"),
        (".pdf", "application/pdf"),
        (".xml", "application/xml"),
    ];
    let lower = name.to_ascii_lowercase();
    TYPES.iter().find(|(ext, _)| lower.ends_with(ext)).map(|(_, t)| (*t).to_string())
}

/// The multipart body and its boundary: each part as `--boundary`, `Content-Disposition`
/// (`disposition` is `form-data`, or `attachment` under a non-form content type the command
/// set), `Content-Type`, the part's own headers, a blank line and the content.
pub(super) fn multipart(parts: &[FormPart], disposition: &str) -> (String, String) {
    let boundary = boundary_for(parts);
    let mut body = String::new();
    for p in parts {
        body.push_str(&format!("--{boundary}\r\nContent-Disposition: {disposition}"));
        if !p.name.is_empty() {
            body.push_str(&format!("; name=\"{}\"", escape(&p.name)));
        }
        if let Some(f) = &p.filename {
            body.push_str(&format!("; filename=\"{}\"", escape(f)));
        }
        body.push_str("\r\n");
        if let Some(t) = &p.content_type {
            body.push_str(&format!("Content-Type: {t}\r\n"));
        }
        for h in &p.headers {
            body.push_str(&format!("{h}\r\n"));
        }
        body.push_str(&format!("\r\n{}\r\n", p.content));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (boundary, body)
}

/// A boundary in curl's shape that occurs in no part's content.
fn boundary_for(parts: &[FormPart]) -> String {
    (0u64..)
        .map(|n| format!("{BOUNDARY_PREFIX}{:016x}", 0x7b3e_9f1a_2c4d_6e8f_u64.wrapping_add(n)))
        .find(|b| parts.iter().all(|p| !p.content.contains(b.as_str())))
        .unwrap_or_else(|| BOUNDARY_PREFIX.to_string())
}

/// curl's escaping of names in `Content-Disposition` (without `--form-escape`).
fn escape(name: &str) -> String {
    name.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A")
}
