//! What comes back, shaped for people: the body as text when it is text, pretty JSON when it is
//! JSON, a binary flag otherwise, a size, timings that were actually measured, and notices
//! (body cut at the cap, credentials dropped on a redirect). The raw bytes stay in Rust; the UI
//! and `--json` output get the text forms.

use serde::Serialize;
use ts_rs::TS;

/// Largest response body kept in memory: 10 MiB. Longer bodies are cut and flagged.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// Timings measured for one send. Nothing here is estimated: a field is `None` when it was
/// not measured.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Timing {
    /// From the start of the send until the whole body was read (all redirect hops included).
    pub total_ms: f64,
    /// Time spent opening new connections (DNS + TCP + TLS) started by this send. `None` when
    /// a pooled connection was reused, so no connect happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub connect_ms: Option<f64>,
    /// From the start of the send until the final response's headers arrived.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub first_byte_ms: Option<f64>,
}

/// A received response.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HttpResponse {
    pub status: u16,
    /// The canonical reason phrase ("Not Found"), empty for unknown codes.
    pub status_text: String,
    /// Response headers in order; non-UTF-8 values are shown lossily.
    pub headers: Vec<(String, String)>,
    /// The raw body (capped). Not serialized: the text forms below are what faces show.
    #[serde(skip)]
    #[ts(skip)]
    pub body: Vec<u8>,
    /// The body as UTF-8 text, when it is text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub body_text: Option<String>,
    /// The body re-indented, when it is JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub body_json_pretty: Option<String>,
    /// The body is not text (image, archive, invalid UTF-8, NUL bytes).
    pub is_binary: bool,
    /// Bytes received for the body (the kept part when `truncated`). A JSON number, not a
    /// bigint: bodies are capped far below 2^53.
    #[ts(type = "number")]
    pub size: u64,
    pub timing: Timing,
    /// Peer address (`127.0.0.1:8787`) when the connection reported one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub remote_addr: Option<String>,
    /// The body was longer than [`MAX_BODY_BYTES`] and was cut.
    pub truncated: bool,
    /// Sentences the user should read (truncation, credentials dropped on a redirect).
    pub notices: Vec<String>,
}

impl HttpResponse {
    /// Builds a response from its parts, deciding text / JSON / binary from the bytes and the
    /// `Content-Type`. Used by the real sender and by test doubles; never fails.
    pub fn from_parts(status: u16, headers: Vec<(String, String)>, body: Vec<u8>, truncated: bool) -> Self {
        let content_type = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.to_ascii_lowercase())
            .unwrap_or_default();
        let body_text = text_of(&body, &content_type, truncated);
        let is_binary = body_text.is_none() && !body.is_empty();
        let body_json_pretty = body_text.as_deref().and_then(|t| pretty_json(t, &content_type));
        let mut notices = Vec::new();
        if truncated {
            notices.push(format!(
                "The response body is larger than {} MiB; only the first {} MiB were kept.",
                MAX_BODY_BYTES / (1024 * 1024),
                MAX_BODY_BYTES / (1024 * 1024)
            ));
        }
        HttpResponse {
            status,
            status_text: reqwest::StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("")
                .to_string(),
            headers,
            size: body.len() as u64,
            body,
            body_text,
            body_json_pretty,
            is_binary,
            timing: Timing::default(),
            remote_addr: None,
            truncated,
            notices,
        }
    }

    /// A JSON response, for test doubles.
    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        let body = serde_json::to_vec(value).unwrap_or_default();
        Self::from_parts(status, vec![("content-type".into(), "application/json".into())], body, false)
    }

    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Content types that are binary whatever their bytes look like.
fn binary_type(content_type: &str) -> bool {
    ["image/", "audio/", "video/", "font/", "application/octet-stream", "application/pdf", "application/zip", "application/gzip"]
        .iter()
        .any(|t| content_type.starts_with(t))
}

fn text_of(body: &[u8], content_type: &str, truncated: bool) -> Option<String> {
    if body.is_empty() {
        return Some(String::new());
    }
    if binary_type(content_type) {
        return None;
    }
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        // A cut body may end inside a multi-byte character: keep the valid prefix.
        Err(e) if truncated && e.error_len().is_none() => {
            std::str::from_utf8(&body[..e.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    let control = text.chars().any(|c| c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')));
    (!control).then(|| text.to_string())
}

fn pretty_json(text: &str, content_type: &str) -> Option<String> {
    let trimmed = text.trim_start();
    let looks_json = content_type.contains("json") || trimmed.starts_with('{') || trimmed.starts_with('[');
    if !looks_json {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    serde_json::to_string_pretty(&value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ct(v: &str) -> Vec<(String, String)> {
        vec![("Content-Type".into(), v.into())]
    }

    #[test]
    fn json_is_pretty_printed_and_kept_as_text() {
        let r = HttpResponse::from_parts(200, ct("application/json"), br#"{"a":[1,2]}"#.to_vec(), false);
        assert_eq!(r.body_text.as_deref(), Some(r#"{"a":[1,2]}"#));
        assert_eq!(r.body_json_pretty.as_deref(), Some("{\n  \"a\": [\n    1,\n    2\n  ]\n}"));
        assert!(!r.is_binary);
        assert_eq!(r.status_text, "OK");
    }

    #[test]
    fn invalid_json_with_a_json_type_stays_text_without_pretty_form() {
        let r = HttpResponse::from_parts(500, ct("application/json"), b"{oops".to_vec(), false);
        assert_eq!(r.body_text.as_deref(), Some("{oops"));
        assert!(r.body_json_pretty.is_none(), "a broken JSON body must not be 'prettified'");
    }

    #[test]
    fn bytes_that_are_not_text_are_binary() {
        let png = HttpResponse::from_parts(200, ct("image/png"), b"\x89PNG\r\n".to_vec(), false);
        assert!(png.is_binary && png.body_text.is_none(), "image/* is binary by type");
        let nul = HttpResponse::from_parts(200, ct("text/plain"), b"ab\0cd".to_vec(), false);
        assert!(nul.is_binary, "NUL bytes mean binary even when labelled text");
        let bad = HttpResponse::from_parts(200, vec![], vec![0xff, 0xfe, 0x41], false);
        assert!(bad.is_binary, "invalid UTF-8 is binary");
    }

    #[test]
    fn a_cut_body_ending_mid_character_is_still_text_and_says_it_was_cut() {
        let mut body = "héllo".as_bytes().to_vec();
        body.truncate(2); // 'h' + first byte of 'é'
        let r = HttpResponse::from_parts(200, ct("text/plain"), body, true);
        assert_eq!(r.body_text.as_deref(), Some("h"));
        assert!(r.truncated);
        assert!(r.notices.iter().any(|n| n.contains("10 MiB")), "{:?}", r.notices);
    }

    #[test]
    fn serialized_form_is_camel_case_without_raw_bytes() {
        let r = HttpResponse::json(201, &serde_json::json!({"ok": true}));
        let v = serde_json::to_value(&r).expect("serializable");
        assert!(v.get("body").is_none(), "raw bytes are not serialized");
        assert_eq!(v["statusText"], "Created");
        assert_eq!(v["bodyText"], r#"{"ok":true}"#);
        assert_eq!(v["isBinary"], false);
    }
}
