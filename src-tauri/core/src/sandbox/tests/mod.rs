//! The sandbox over real HTTP on loopback, driven by the crate's own [`ReqwestSender`]: what a
//! user of each provider's documents would send, and what they must get back.

mod limits;
mod pandabase;
mod providers;

use std::net::SocketAddr;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::*;
use crate::secret::Secret;
use crate::send::{HttpResponse, HttpSender, Method, OutgoingRequest, ReqwestSender};
use crate::token::{AuthMode, Environment, TokenKind, TokenRecord};

/// 30 s into a minute, so a rate-limit window has exactly 30 s left.
pub(super) fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T12:00:30Z").expect("fixed test date").with_timezone(&Utc)
}

/// A test-environment Bearer secret-key record with no scopes; tests set what they need.
pub(super) fn record(provider: &str, id: &str) -> TokenRecord {
    let mut r = TokenRecord::new(id, format!("{id} token"), provider, t0());
    r.environment = Environment::Test;
    r.masked = "••••".into();
    r
}

pub(super) fn token(record: TokenRecord, secret: &str) -> SandboxToken {
    SandboxToken { record, secret: Secret::new(secret) }
}

pub(super) struct Harness {
    pub handle: SandboxHandle,
    pub source: Arc<MemoryTokenSource>,
    pub clock: Arc<FixedClock>,
    sender: ReqwestSender,
}

impl Harness {
    pub async fn new(tokens: Vec<SandboxToken>) -> Self {
        let source = Arc::new(MemoryTokenSource::new(tokens));
        let clock = Arc::new(FixedClock::new(t0()));
        let addr: SocketAddr = "127.0.0.1:0".parse().expect("loopback address");
        let handle = start(addr, source.clone(), clock.clone()).await.expect("sandbox starts on a free port");
        Harness { handle, source, clock, sender: ReqwestSender::with_defaults().expect("client") }
    }

    /// Sends `method path` (path includes the provider prefix) with headers and body.
    pub async fn send(&self, method: Method, path: &str, headers: &[(&str, &str)], body: &[u8]) -> HttpResponse {
        let mut req = OutgoingRequest::new(method, format!("http://{}{path}", self.handle.addr())).body(body.to_vec());
        for (n, v) in headers {
            req = req.header(n, v).expect("valid test header");
        }
        self.sender.send(req).await.expect("the sandbox answers")
    }

    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> HttpResponse {
        self.send(Method::GET, path, headers, b"").await
    }
}

pub(super) fn json(r: &HttpResponse) -> Value {
    serde_json::from_slice(&r.body).unwrap_or_else(|e| panic!("sandbox answers JSON ({e}): {:?}", r.body_text))
}

/// The `message` of an error answer.
pub(super) fn message(r: &HttpResponse) -> String {
    json(r)["message"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn port_zero_binds_a_real_port_and_unknown_paths_say_where_to_go() {
    let h = Harness::new(vec![]).await;
    assert_ne!(h.handle.addr().port(), 0);
    assert_eq!(h.handle.base_url("pixlpay"), format!("http://127.0.0.1:{}/pixlpay", h.handle.addr().port()));
    let r = h.get("/nope", &[]).await;
    assert_eq!(r.status, 404);
    assert!(message(&r).contains("pandabase, pixlpay, pacspace, commerce, shipped"), "{}", message(&r));
    let index = json(&h.get("/", &[]).await);
    assert_eq!(index["providers"].as_array().map(Vec::len), Some(5));
}

#[tokio::test]
async fn a_non_loopback_address_is_refused() {
    let source = Arc::new(MemoryTokenSource::default());
    let addr: SocketAddr = "0.0.0.0:0".parse().expect("address");
    let err = start(addr, source, Arc::new(SystemClock)).await.err().expect("0.0.0.0 would expose secrets to the network");
    assert_eq!(err.code(), "invalid");
}

#[tokio::test]
async fn a_taken_port_is_a_clear_error() {
    let h = Harness::new(vec![]).await;
    let err = start(h.handle.addr(), Arc::new(MemoryTokenSource::default()), Arc::new(SystemClock))
        .await
        .err()
        .expect("the port is taken by the first sandbox");
    assert!(err.to_string().contains("already in use"), "{err}");
}

#[tokio::test]
async fn a_token_registered_after_start_works_on_its_first_request() {
    let h = Harness::new(vec![]).await;
    let auth = [("Authorization", "Bearer opt_live_latecomer123")];
    assert_eq!(h.get("/commerce/api/v1/me", &auth).await.status, 401, "not registered yet");
    h.source.add(token(record("commerce", "late"), "opt_live_latecomer123"));
    assert_eq!(h.get("/commerce/api/v1/me", &auth).await.status, 200, "unknown credential → the source is asked again");
}

#[tokio::test]
async fn a_token_of_another_provider_is_unknown_here() {
    let h = Harness::new(vec![token(record("pixlpay", "px"), "sk_test_pixlpaysecret1")]).await;
    let mut r = record("pandabase", "pb");
    r.store_id = Some("shp_one".into());
    r.scopes = vec!["PRODUCTS_READ".into()];
    h.source.add(token(r, "sk_test_pandasecret1"));
    let r = h.get("/pandabase/v2/core/stores/shp_one/products", &[("Authorization", "Bearer sk_test_pixlpaysecret1")]).await;
    assert_eq!(r.status, 401, "a Pixlpay secret must not open Pandabase");
}

#[tokio::test]
async fn shutdown_stops_the_listener() {
    let h = Harness::new(vec![]).await;
    let addr = h.handle.addr();
    h.handle.shutdown().await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "nothing may listen after shutdown");
}
