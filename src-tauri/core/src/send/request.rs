//! What goes out: one request, with its auth headers known by name. The sender needs the names
//! so it can mark the values sensitive (hidden from `Debug` and from HTTP/2 header compression
//! tables) and drop them when a redirect leaves the host they were meant for.

use reqwest::header::HeaderValue;
use reqwest::Method;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// Header names that always carry credentials, whatever the caller says. Compared
/// case-insensitively. Dropped on a cross-host redirect and never shown by `Debug`.
pub const ALWAYS_SENSITIVE: &[&str] =
    &["authorization", "proxy-authorization", "cookie", "x-api-key", "x-signature"];

/// One HTTP request as the app or the CLI built it.
#[derive(Clone)]
pub struct OutgoingRequest {
    pub method: Method,
    /// The full URL, query included. Never put into errors or logs: see [`crate::send::origin_of`].
    pub url: String,
    /// Headers in order. Names are as given; values of sensitive headers are marked sensitive
    /// by the sender before they leave.
    pub headers: Vec<(String, HeaderValue)>,
    /// Extra header names that carry credentials (a custom auth header such as `X-Shop-Token`).
    /// [`ALWAYS_SENSITIVE`] names are sensitive without being listed.
    pub sensitive_headers: Vec<String>,
    /// The exact body bytes (an HMAC signature covers exactly these). Empty = no body.
    pub body: Vec<u8>,
}

impl OutgoingRequest {
    /// A request with no headers and no body.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        OutgoingRequest {
            method,
            url: url.into(),
            headers: Vec::new(),
            sensitive_headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// Adds a plain header. Fails with [`Error::Invalid`] naming the header (never the value)
    /// when the name or value is not valid HTTP.
    pub fn header(mut self, name: &str, value: &str) -> Result<Self> {
        check_name(name)?;
        let value = HeaderValue::from_str(value).map_err(|_| {
            Error::Invalid(format!(
                "the value of header '{name}' is not valid HTTP (line breaks or control characters?); remove them"
            ))
        })?;
        self.headers.push((name.to_string(), value));
        Ok(self)
    }

    /// Adds a credential header: `name: <prefix><secret>`. The value is marked sensitive and the
    /// name recorded in `sensitive_headers`, so `Debug` hides it and a cross-host redirect drops
    /// it. Fails like [`OutgoingRequest::header`], without echoing the secret.
    pub fn auth_header(mut self, name: &str, prefix: &str, secret: &Secret) -> Result<Self> {
        check_name(name)?;
        let mut value = HeaderValue::from_str(&format!("{prefix}{}", secret.expose())).map_err(|_| {
            Error::Invalid(format!(
                "the secret for header '{name}' contains characters HTTP headers cannot carry (a line break or a control character from copy-paste?); replace the secret"
            ))
        })?;
        value.set_sensitive(true);
        self.headers.push((name.to_string(), value));
        if !self.is_sensitive(name) {
            self.sensitive_headers.push(name.to_string());
        }
        Ok(self)
    }

    /// Sets the body bytes.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Whether `name` carries credentials: an [`ALWAYS_SENSITIVE`] name or one the caller listed.
    pub fn is_sensitive(&self, name: &str) -> bool {
        ALWAYS_SENSITIVE.iter().any(|s| s.eq_ignore_ascii_case(name))
            || self.sensitive_headers.iter().any(|s| s.eq_ignore_ascii_case(name))
    }

    /// The first value of header `name` (case-insensitive), for tests and guardrails.
    pub fn header_value(&self, name: &str) -> Option<&HeaderValue> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }
}

fn check_name(name: &str) -> Result<()> {
    reqwest::header::HeaderName::from_bytes(name.as_bytes()).map(|_| ()).map_err(|_| {
        Error::Invalid(format!(
            "'{name}' is not a valid HTTP header name; use letters, digits and '-' only"
        ))
    })
}

impl std::fmt::Debug for OutgoingRequest {
    /// Shows the method, the URL's origin only (a query may hold a key), header names, and
    /// values of non-sensitive headers. Sensitive values print as `<redacted>`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(String, String)> = self
            .headers
            .iter()
            .map(|(n, v)| {
                let shown = if self.is_sensitive(n) || v.is_sensitive() {
                    "<redacted>".to_string()
                } else {
                    String::from_utf8_lossy(v.as_bytes()).into_owned()
                };
                (n.clone(), shown)
            })
            .collect();
        f.debug_struct("OutgoingRequest")
            .field("method", &self.method)
            .field("origin", &super::origin_of(&self.url))
            .field("headers", &headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_auth_values_and_the_query() {
        let secret = Secret::new("sk_live_abcdef123456");
        let req = OutgoingRequest::new(Method::GET, "https://api.example.com/v1/x?api_key=querysecret")
            .auth_header("X-Shop-Token", "Token ", &secret)
            .expect("valid header")
            .header("X-Api-Key", "pk_live_pub.sec")
            .expect("valid header")
            .header("Accept", "application/json")
            .expect("valid header");
        let shown = format!("{req:?}");
        assert!(!shown.contains("abcdef123456"), "custom auth header value leaked: {shown}");
        assert!(!shown.contains("pub.sec"), "X-Api-Key is always sensitive: {shown}");
        assert!(!shown.contains("querysecret"), "the query may hold a key: {shown}");
        assert!(shown.contains("application/json"), "plain headers stay visible: {shown}");
        assert!(req.is_sensitive("x-shop-token"), "auth_header registers its name case-insensitively");
        assert!(req.header_value("X-Shop-Token").expect("present").is_sensitive());
    }

    #[test]
    fn a_secret_with_a_line_break_is_refused_without_echoing_it() {
        let secret = Secret::new("sk_live_abc\ndef");
        let err = OutgoingRequest::new(Method::GET, "https://h/")
            .auth_header("Authorization", "Bearer ", &secret)
            .expect_err("a line break cannot travel in a header");
        let msg = err.to_string();
        assert!(!msg.contains("sk_live_abc"), "error echoed the secret: {msg}");
        assert!(msg.contains("Authorization"), "error names the header: {msg}");
    }
}
