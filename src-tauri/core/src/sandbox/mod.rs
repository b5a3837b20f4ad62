//! `tokenbench sandbox`: a loopback store API that speaks all five providers exactly as their
//! documents describe (auth headers, HMAC signing, permissions, 401/403/429 answers, rate
//! limits, pagination, secret rolling, request logs), so every feature of Tokenbench can be
//! tried without a real account and without risking a live token.
//!
//! Each provider is mounted under its profile id: a sandbox token's base URL is
//! `http://127.0.0.1:PORT/<provider>` ([`base_url_for`]). Tokens come from a [`TokenSource`]
//! (the app's inventory + keychain), time from a [`Clock`]. The sandbox binds loopback only,
//! keeps its state in memory, and never logs or prints a secret: its request log holds method,
//! path (no query), status, time and IP.

mod commerce;
mod credentials;
mod fixtures;
mod keys;
mod pacspace;
mod pandabase;
mod pixlpay;
mod reply;
mod api_logs;
mod shipped;
mod source;
mod state;
#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::get;
use axum::Router;
use serde_json::json;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use crate::clock::{Clock, FixedClock, SystemClock};
pub(crate) use keys::random_bytes;
pub use keys::{new_token_secret, PROVIDERS};
pub use api_logs::RETENTION_DAYS;
pub use shipped::PUBLISHABLE_ENDPOINTS;
pub use source::{MemoryTokenSource, SandboxToken, TokenSource};

use crate::error::{Error, NetworkKind, Result};
use reply::Reject;
use state::Sandbox;

/// The port `tokenbench sandbox` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8787;

/// The base URL a sandbox token of `provider` uses when the sandbox listens on `port`.
pub fn base_url_for(port: u16, provider: &str) -> String {
    format!("http://127.0.0.1:{port}/{provider}")
}

/// A running sandbox. Dropping it stops the server too; [`SandboxHandle::shutdown`] also
/// waits for it to finish.
pub struct SandboxHandle {
    addr: SocketAddr,
    sandbox: Arc<Sandbox>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl SandboxHandle {
    /// The bound address (the real port when started on port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL for tokens of `provider` on this sandbox.
    pub fn base_url(&self, provider: &str) -> String {
        format!("http://{}/{provider}", self.addr)
    }

    /// Re-reads the token source now (after a revoke or edit in the app), instead of waiting
    /// for the next unknown credential or for the short cache to expire.
    pub async fn refresh(&self) {
        self.sandbox.reload().await;
    }

    /// Stops accepting requests and waits (up to 5 s) for open requests to finish.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(Duration::from_secs(5), &mut task).await.is_err() {
                task.abort();
            }
        }
    }
}

/// Starts the sandbox on `addr` (port 0 picks a free port) and returns once it accepts
/// connections. Fails with [`Error::Invalid`] for a non-loopback address (the sandbox accepts
/// real secrets and must not be reachable from the network) and [`Error::Network`] when the
/// port is taken or cannot be bound.
pub async fn start(addr: SocketAddr, source: Arc<dyn TokenSource>, clock: Arc<dyn Clock>) -> Result<SandboxHandle> {
    if !addr.ip().is_loopback() {
        return Err(Error::Invalid(format!(
            "the sandbox only listens on loopback (127.0.0.1 or ::1), not {}: it accepts real secrets.",
            addr.ip()
        )));
    }
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| bind_error(addr, &e))?;
    let bound = listener.local_addr().map_err(|e| bind_error(addr, &e))?;
    let sandbox = Arc::new(Sandbox::new(source, clock));
    let app = router(sandbox.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await; // a send or a dropped handle both stop the server
            })
            .await
    });
    Ok(SandboxHandle { addr: bound, sandbox, stop: Some(stop), task: Some(task) })
}

fn bind_error(addr: SocketAddr, err: &std::io::Error) -> Error {
    if err.kind() == std::io::ErrorKind::AddrInUse {
        Error::network(
            NetworkKind::Other,
            format!(
                "port {} on {} is already in use: is another `tokenbench sandbox` running? Stop it or pick another port.",
                addr.port(),
                addr.ip()
            ),
        )
    } else {
        Error::network(NetworkKind::Other, format!("could not listen on {addr}: {err}"))
    }
}

fn router(sandbox: Arc<Sandbox>) -> Router {
    Router::new()
        .route("/", get(index))
        .nest("/pandabase", pandabase::router(sandbox.clone()))
        .nest("/pixlpay", pixlpay::router())
        .nest("/pacspace", pacspace::router())
        .nest("/commerce", commerce::router())
        .nest("/shipped", shipped::router())
        .fallback(|| async {
            Reject::not_found(format!(
                "No such sandbox endpoint. Base URLs are /<provider> for {}; see GET / for the list.",
                PROVIDERS.join(", ")
            ))
        })
        .with_state(sandbox)
}

/// `GET /`: what the sandbox serves (no tokens, no secrets).
async fn index() -> axum::Json<serde_json::Value> {
    axum::Json(json!({
        "name": "Tokenbench sandbox",
        "providers": PROVIDERS,
        "note": "Each provider is mounted at /<provider>; use it as the token's base URL.",
    }))
}
