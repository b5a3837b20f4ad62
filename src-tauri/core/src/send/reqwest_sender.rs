//! The real sender: one shared `reqwest::Client` (rustls, HTTP/2 by ALPN, connection pool)
//! for the whole process. Redirects are followed here rather than by reqwest, because
//! reqwest's policy strips only `Authorization`/`Cookie` on a cross-host hop and cannot strip
//! `X-Api-Key`, `X-Signature` or a custom auth header; a policy callback cannot edit headers.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, CONTENT_LENGTH, CONTENT_TYPE, LOCATION};
use reqwest::{Method, StatusCode};
use url::Url;

use super::connect_timing::{ConnectLog, ConnectTimingLayer};
use super::net_error::{network_error, total_timeout_error};
use super::request::OutgoingRequest;
use super::response::{HttpResponse, Timing, MAX_BODY_BYTES};
use super::{origin_of_url, HttpSender, SendFuture};
use crate::error::{Error, NetworkKind, Result};

/// Limits for [`ReqwestSender`].
#[derive(Debug, Clone)]
pub struct SenderConfig {
    /// Time allowed to open a connection (DNS + TCP + TLS). Default 10 s.
    pub connect_timeout: Duration,
    /// Time allowed for the whole send: every redirect hop and the body. Default 30 s.
    pub total_timeout: Duration,
    /// Redirects followed before giving up. Default 10.
    pub max_redirects: usize,
    /// Body bytes kept; the rest is dropped and the response flagged `truncated`. Default 10 MiB.
    pub max_body_bytes: usize,
}

impl Default for SenderConfig {
    fn default() -> Self {
        SenderConfig {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_redirects: 10,
            max_body_bytes: MAX_BODY_BYTES,
        }
    }
}

/// Sends over one reused `reqwest::Client`. Cheap to clone (the client is shared).
#[derive(Clone)]
pub struct ReqwestSender {
    client: reqwest::Client,
    config: SenderConfig,
}

impl ReqwestSender {
    /// Builds the client. Fails with [`Error::Network`] only if the TLS backend cannot start.
    pub fn new(config: SenderConfig) -> Result<Self> {
        let client = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("tokenbench/", env!("CARGO_PKG_VERSION")))
            .connector_layer(ConnectTimingLayer)
            .build()
            .map_err(|e| Error::network(NetworkKind::Other, format!("could not set up the HTTP client: {}", e.without_url())))?;
        Ok(ReqwestSender { client, config })
    }

    /// [`ReqwestSender::new`] with [`SenderConfig::default`].
    pub fn with_defaults() -> Result<Self> {
        Self::new(SenderConfig::default())
    }

    /// The limits in force.
    pub fn config(&self) -> &SenderConfig {
        &self.config
    }

    async fn send_checked(&self, req: OutgoingRequest) -> Result<HttpResponse> {
        let url = parse_url(&req.url)?;
        let origin = origin_of_url(&url);
        let log = ConnectLog::default();
        let hops = log.clone().scope(self.follow(req, url, Instant::now(), log));
        match tokio::time::timeout(self.config.total_timeout, hops).await {
            Ok(result) => result,
            Err(_) => Err(total_timeout_error(&origin, self.config.total_timeout)),
        }
    }

    /// Sends, following redirects by hand so credentials never reach another origin.
    async fn follow(&self, req: OutgoingRequest, mut url: Url, started: Instant, log: ConnectLog) -> Result<HttpResponse> {
        let mut headers = header_map(&req)?;
        let mut method = req.method.clone();
        let mut body = req.body;
        let mut notices = Vec::new();
        let mut hops = 0;
        loop {
            let origin = origin_of_url(&url);
            let mut builder = self.client.request(method.clone(), url.clone()).headers(headers.clone());
            if !body.is_empty() {
                builder = builder.body(body.clone());
            }
            let resp = builder
                .send()
                .await
                .map_err(|e| network_error(e, &origin, self.config.connect_timeout))?;
            let status = resp.status();
            let location = resp.headers().get(LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
            if let (true, Some(location)) = (status.is_redirection(), location) {
                if hops >= self.config.max_redirects {
                    return Err(Error::network(
                        NetworkKind::Other,
                        format!(
                            "{origin} redirected more than {} times; stopped. Check the base URL (http vs https, a trailing slash).",
                            self.config.max_redirects
                        ),
                    ));
                }
                let next = url.join(&location).map_err(|_| {
                    Error::network(NetworkKind::Other, format!("{origin} redirected to a Location that is not a valid URL."))
                })?;
                if !matches!(next.scheme(), "http" | "https") {
                    return Err(Error::network(
                        NetworkKind::Other,
                        format!("{origin} redirected to a '{}:' URL; only http and https are followed.", next.scheme()),
                    ));
                }
                if !same_origin(&url, &next) {
                    let dropped = drop_sensitive(&mut headers, &req.sensitive_headers);
                    if !dropped.is_empty() {
                        notices.push(format!(
                            "Redirected from {origin} to {}: {} not sent there, so credentials never leave the host they belong to.",
                            origin_of_url(&next),
                            dropped.join(", ")
                        ));
                    }
                }
                if rewrites_to_get(status, &method) {
                    method = Method::GET;
                    body.clear();
                    headers.remove(CONTENT_TYPE);
                    headers.remove(CONTENT_LENGTH);
                }
                url = next;
                hops += 1;
                continue;
            }
            let first_byte_ms = ms(started.elapsed());
            let remote_addr = resp.remote_addr().map(|a| a.to_string());
            let response_headers: Vec<(String, String)> = resp
                .headers()
                .iter()
                .map(|(n, v)| (n.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                .collect();
            let (bytes, truncated) = self.read_capped(resp, &origin).await?;
            let mut out = HttpResponse::from_parts(status.as_u16(), response_headers, bytes, truncated);
            out.timing = Timing { total_ms: ms(started.elapsed()), connect_ms: log.total_ms(), first_byte_ms: Some(first_byte_ms) };
            out.remote_addr = remote_addr;
            notices.append(&mut out.notices);
            out.notices = notices;
            return Ok(out);
        }
    }

    async fn read_capped(&self, mut resp: reqwest::Response, origin: &str) -> Result<(Vec<u8>, bool)> {
        let cap = self.config.max_body_bytes;
        let hint = resp.content_length().unwrap_or(0).min(cap as u64) as usize;
        let mut buf = Vec::with_capacity(hint);
        while let Some(chunk) =
            resp.chunk().await.map_err(|e| network_error(e, origin, self.config.connect_timeout))?
        {
            let room = cap - buf.len();
            if chunk.len() > room {
                buf.extend_from_slice(&chunk[..room]);
                return Ok((buf, true));
            }
            buf.extend_from_slice(&chunk);
        }
        Ok((buf, false))
    }
}

impl HttpSender for ReqwestSender {
    fn send(&self, req: OutgoingRequest) -> SendFuture<'_> {
        Box::pin(self.send_checked(req))
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Parses and checks the URL without ever echoing it (it may hold a key in its query).
fn parse_url(raw: &str) -> Result<Url> {
    let url = Url::parse(raw.trim()).map_err(|e| {
        Error::Invalid(format!("the URL is not valid ({e}); it must look like https://host/path."))
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::Invalid(format!(
            "the URL scheme '{}' is not supported; use http:// or https://.",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::Invalid("the URL has no host; it must look like https://host/path.".into()));
    }
    Ok(url)
}

fn header_map(req: &OutgoingRequest) -> Result<HeaderMap> {
    let mut map = HeaderMap::new();
    for (name, value) in &req.headers {
        let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            Error::Invalid(format!("'{name}' is not a valid HTTP header name; use letters, digits and '-' only"))
        })?;
        let mut value = value.clone();
        if req.is_sensitive(name) {
            value.set_sensitive(true);
        }
        map.append(header, value);
    }
    Ok(map)
}

/// Same scheme, host and port: the only case where credentials follow a redirect.
fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme() && a.host_str() == b.host_str() && a.port_or_known_default() == b.port_or_known_default()
}

/// Removes every credential header; returns the names removed (for the notice).
fn drop_sensitive(headers: &mut HeaderMap, extra: &[String]) -> Vec<String> {
    let names: Vec<HeaderName> = headers
        .keys()
        .filter(|n| {
            super::request::ALWAYS_SENSITIVE.iter().any(|s| s.eq_ignore_ascii_case(n.as_str()))
                || extra.iter().any(|s| s.eq_ignore_ascii_case(n.as_str()))
                || headers.get_all(*n).iter().any(|v| v.is_sensitive())
        })
        .cloned()
        .collect();
    for name in &names {
        headers.remove(name);
    }
    names.iter().map(|n| n.as_str().to_string()).collect()
}

/// 303 always, and 301/302 for POST (what browsers and curl do), continue as GET without body.
fn rewrites_to_get(status: StatusCode, method: &Method) -> bool {
    match status {
        StatusCode::SEE_OTHER => method != Method::HEAD,
        StatusCode::MOVED_PERMANENTLY | StatusCode::FOUND => method == Method::POST,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_differ_by_host_port_or_scheme() {
        let u = |s: &str| Url::parse(s).expect("valid test URL");
        assert!(same_origin(&u("http://127.0.0.1:80/a"), &u("http://127.0.0.1/b?x")));
        assert!(!same_origin(&u("http://127.0.0.1:8787/"), &u("http://localhost:8787/")));
        assert!(!same_origin(&u("http://h:1/"), &u("http://h:2/")));
        assert!(!same_origin(&u("https://h/"), &u("http://h/")), "a downgrade to http is another origin");
    }

    #[test]
    fn a_bad_url_error_never_echoes_the_url() {
        let err = parse_url("ht!tp://api.example.com/?key=sk_live_abcdef").expect_err("invalid scheme");
        assert!(!err.to_string().contains("sk_live_abcdef"), "{err}");
        let err = parse_url("ftp://example.com/?key=sk_live_abcdef").expect_err("ftp refused");
        assert!(err.to_string().contains("ftp") && !err.to_string().contains("sk_live"), "{err}");
    }

    #[test]
    fn post_becomes_get_only_where_clients_agree_it_does() {
        assert!(rewrites_to_get(StatusCode::SEE_OTHER, &Method::PUT));
        assert!(rewrites_to_get(StatusCode::FOUND, &Method::POST));
        assert!(!rewrites_to_get(StatusCode::TEMPORARY_REDIRECT, &Method::POST), "307 keeps method and body");
        assert!(!rewrites_to_get(StatusCode::PERMANENT_REDIRECT, &Method::POST), "308 keeps method and body");
    }
}
