//! Sending requests. Everything that goes over the network passes through [`HttpSender`], so
//! the app, the CLI and the tests share one path: [`ReqwestSender`] for real traffic over one
//! reused client, [`MockSender`] for unit tests. The sender's promises: credentials are marked
//! sensitive and never follow a redirect to another origin; bodies are capped at 10 MiB;
//! timings are measured, never guessed; errors say what to do and never contain the URL's path
//! or query (only `scheme://host:port`).

mod connect_timing;
mod mock;
mod net_error;
mod request;
mod reqwest_sender;
mod response;
#[cfg(test)]
mod tests;

use std::future::Future;
use std::pin::Pin;

pub use mock::MockSender;
pub use request::{OutgoingRequest, ALWAYS_SENSITIVE};
pub use reqwest::header::HeaderValue;
pub use reqwest::Method;
pub use reqwest_sender::{ReqwestSender, SenderConfig};
pub use response::{HttpResponse, Timing, MAX_BODY_BYTES};

use crate::error::Result;

/// The future a send returns (boxed so `dyn HttpSender` works).
pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<HttpResponse>> + Send + 'a>>;

/// Something that sends a request and returns the response.
pub trait HttpSender: Send + Sync {
    /// Sends `req`. Any HTTP status is `Ok` (a 401 is an answer, not a failure). Fails with
    /// [`crate::Error::Network`] when no answer came (refused, DNS, TLS, timeout, too many
    /// redirects) and [`crate::Error::Invalid`] for a malformed URL or header.
    fn send(&self, req: OutgoingRequest) -> SendFuture<'_>;
}

/// `scheme://host:port` of a URL, the only part of it that errors and logs may show.
/// An unparsable URL gives `"(invalid URL)"`.
pub fn origin_of(url: &str) -> String {
    url::Url::parse(url).map(|u| origin_of_url(&u)).unwrap_or_else(|_| "(invalid URL)".to_string())
}

pub(crate) fn origin_of_url(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or("");
    match url.port_or_known_default() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    }
}
