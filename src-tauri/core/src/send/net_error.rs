//! Turning transport failures into sentences that say what to do. reqwest's errors carry the
//! full URL (query included, where some APIs put keys), so the URL is stripped with
//! `without_url()` and messages name only `scheme://host:port`.

use std::error::Error as StdError;
use std::time::Duration;

use crate::error::{Error, NetworkKind};

/// Maps a reqwest failure talking to `origin` (`scheme://host:port`) to [`Error::Network`]
/// with its [`NetworkKind`].
pub(crate) fn network_error(err: reqwest::Error, origin: &str, connect_timeout: Duration) -> Error {
    let err = err.without_url();
    let refused = io_kinds(&err).any(|k| k == std::io::ErrorKind::ConnectionRefused);
    let reason = innermost_reason(&err);
    let lower = chain_text(&err).to_lowercase();
    let (kind, message) = if refused || lower.contains("connection refused") {
        (NetworkKind::Connect, format!("nothing is listening at {origin}; is the server (or `tokenbench sandbox`) running?"))
    } else if err.is_timeout() && err.is_connect() {
        (NetworkKind::Timeout, format!(
            "could not connect to {origin} within {} s (connect timeout): the host may be down, or a firewall drops the packets. Check the base URL and your network.",
            secs(connect_timeout)
        ))
    } else if lower.contains("dns error") || lower.contains("failed to lookup address") || lower.contains("name or service not known") {
        (NetworkKind::Dns, format!("could not find the host of {origin} (DNS lookup failed): check the spelling of the base URL and your network connection."))
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") || lower.contains("alert") {
        (NetworkKind::Tls, format!(
            "the TLS handshake with {origin} failed ({reason}). The certificate may be self-signed, expired or issued for another host name; for a local server use http://."
        ))
    } else if err.is_timeout() {
        (NetworkKind::Timeout, format!("{origin} did not answer in time (timeout): the server may be slow or stuck. Try again, or raise the timeout."))
    } else if err.is_connect() {
        (NetworkKind::Connect, format!("could not connect to {origin} ({reason}). Check the base URL and that the server is up."))
    } else if err.is_body() || err.is_decode() {
        (NetworkKind::Other, format!("the response from {origin} broke off while its body was read ({reason}). Try again."))
    } else if lower.contains("connection reset") || lower.contains("connection closed") || lower.contains("incomplete message") {
        (NetworkKind::Other, format!("{origin} closed the connection before answering ({reason}). Try again; if it persists, check the server's logs."))
    } else {
        (NetworkKind::Other, format!("the request to {origin} failed ({reason})."))
    };
    Error::network(kind, message)
}

/// A timeout of the whole send (all hops and the body).
pub(crate) fn total_timeout_error(origin: &str, total: Duration) -> Error {
    Error::network(
        NetworkKind::Timeout,
        format!(
            "no complete answer from {origin} within {} s (timeout): the server may be slow or stuck. Try again, or raise the timeout.",
            secs(total)
        ),
    )
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{}", s as u64)
    } else {
        format!("{s:.1}")
    }
}

fn sources<'a>(err: &'a (dyn StdError + 'static)) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    fn next<'b>(e: &&'b (dyn StdError + 'static)) -> Option<&'b (dyn StdError + 'static)> {
        (*e).source()
    }
    std::iter::successors(Some(err), next)
}

fn io_kinds(err: &reqwest::Error) -> impl Iterator<Item = std::io::ErrorKind> + '_ {
    sources(err).filter_map(|e| e.downcast_ref::<std::io::Error>().map(|io| io.kind()))
}

fn chain_text(err: &reqwest::Error) -> String {
    sources(err).map(|e| e.to_string()).collect::<Vec<_>>().join(": ")
}

/// The deepest cause's words, with anything URL-like blanked (defence in depth: `without_url`
/// already removed reqwest's own copy).
fn innermost_reason(err: &reqwest::Error) -> String {
    let deepest = sources(err).last().map(|e| e.to_string()).unwrap_or_default();
    deepest
        .split_whitespace()
        .map(|w| if w.contains("://") { "<url>" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_print_without_noise() {
        assert_eq!(secs(Duration::from_secs(30)), "30");
        assert_eq!(secs(Duration::from_millis(200)), "0.2");
    }
}
