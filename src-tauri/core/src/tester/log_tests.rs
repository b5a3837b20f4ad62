//! Why these exist: the tester's first after-send step is one row in the request log. These
//! pin down that answers, network failures and guardrail refusals are all logged, with the
//! path template the endpoint breakdown groups by; that a refusal is not a use; that the
//! Recent list is the log's; and that sending no longer rewrites the metadata file.

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::clock::FixedClock;
use crate::error::NetworkKind;
use crate::paths::DataDir;
use crate::request::guard::ConfirmationKind;
use crate::request_log::{FailureKind, LogFilter, UsageQuery, UsageRange};
use crate::send::{HttpResponse, MockSender};
use crate::token::{AuthMode, Environment, TokenKind};
use crate::token_input::{NewToken, SecretField};
use crate::vault::MemoryVault;

fn setup() -> (tempfile::TempDir, Arc<Inventory>, String, Arc<FixedClock>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let inv = Arc::new(Inventory::open(DataDir::at(dir.path()).expect("dir"), Arc::new(MemoryVault::new())).expect("open"));
    let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).single().expect("date")));
    let t = NewToken {
        name: "Shop".into(),
        provider: "pandabase".into(),
        environment: Environment::Live,
        kind: TokenKind::SecretKey,
        auth_mode: AuthMode::Bearer,
        auth_header: None,
        auth_prefix: None,
        token_id: None,
        store_id: Some("shp_demo".into()),
        base_url: Some("https://api.pandabase.io".into()),
        scopes: vec![],
        rate_limit: None,
        expires: None,
        rotation_days: None,
        tags: vec![],
        notes: String::new(),
        secret: SecretField(crate::Secret::new("sk_live_logtestsecret0000001")),
    };
    let id = inv.create(t, clock.now()).expect("create").record.id;
    (dir, inv, id, clock)
}

fn draft(method: &str, url: &str) -> RequestDraft {
    RequestDraft { method: method.into(), url: url.into(), ..Default::default() }
}

#[tokio::test]
async fn an_answer_is_logged_with_its_template_and_is_the_tokens_last_use() {
    let (_dir, inv, id, clock) = setup();
    let mock = Arc::new(MockSender::always(HttpResponse::json(404, &serde_json::json!({"error": "nope"}))));
    let tester = Arc::new(Tester::new(inv.clone(), mock, clock.clone()));
    let metadata_before = std::fs::read(inv.metadata_file().path()).expect("metadata");
    let mut d = draft("GET", "/v2/core/stores/{storeId}/products");
    d.query = vec![crate::request::spec::FormRow::new("api_key", "hunter2-typed-in"), crate::request::spec::FormRow::new("page", "2")];
    tester.send(id.clone(), d, SendOptions::default()).await.expect("send");
    let rows = inv.request_log(clock.now()).expect("log").page(&LogFilter::default(), None, 10).expect("page").rows;
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!((r.status, r.method.as_str(), r.token_id.as_str()), (Some(404), "GET", id.as_str()));
    assert_eq!(r.path_template, "/v2/core/stores/{storeId}/products");
    assert_eq!(r.path, "/v2/core/stores/shp_demo/products");
    assert_eq!(r.query, "api_key=•••&page=2", "a credential-named value is removed");
    assert_eq!(r.endpoint_id.as_deref(), Some("products.list"), "matched to the catalogue");
    assert_eq!(r.at, clock.now());
    assert_eq!(inv.view(&id, clock.now()).expect("view").record.last_used, Some(clock.now()));
    assert_eq!(std::fs::read(inv.metadata_file().path()).expect("metadata"), metadata_before, "sending does not rewrite tokens.json");
    let recent = tester.recent(50).expect("recent");
    assert_eq!(recent[0].draft.url, "/v2/core/stores/{storeId}/products", "the Recent list is the log's");
}

#[tokio::test]
async fn a_network_failure_is_logged_with_its_kind_and_counts_as_an_error() {
    let (_dir, inv, id, clock) = setup();
    let mock = Arc::new(MockSender::new(|_| Err(Error::network(NetworkKind::Timeout, "no answer in time"))));
    let tester = Arc::new(Tester::new(inv.clone(), mock, clock.clone()));
    let err = tester.send(id.clone(), draft("GET", "/v2/core/stores/{storeId}/products"), SendOptions::default()).await.expect_err("timeout");
    assert_eq!(err.code(), "network", "the face still gets the error");
    let log = inv.request_log(clock.now()).expect("log");
    let rows = log.page(&LogFilter::default(), None, 10).expect("page").rows;
    assert_eq!((rows[0].status, rows[0].failure), (None, Some(FailureKind::Timeout)));
    let f = log.usage(&UsageQuery { range: UsageRange::Today, ..UsageQuery::default() }, clock.now()).expect("usage");
    assert_eq!((f.total, f.errors, f.status_classes.failed), (1, 1, 1));
    assert!(inv.view(&id, clock.now()).expect("view").record.last_used.is_some(), "a failed send still used the token");
}

#[tokio::test]
async fn a_refused_send_is_logged_as_guardrail_but_is_not_a_use() {
    let (_dir, inv, id, clock) = setup();
    let mock = Arc::new(MockSender::always(HttpResponse::json(201, &serde_json::json!({}))));
    let tester = Arc::new(Tester::new(inv.clone(), mock.clone(), clock.clone()));
    let d = draft("POST", "/v2/core/stores/{storeId}/products");
    let err = tester.send(id.clone(), d.clone(), SendOptions::default()).await.expect_err("a live write asks first");
    assert_eq!(err.code(), "needs_confirmation");
    assert!(mock.sent().is_empty());
    let log = inv.request_log(clock.now()).expect("log");
    let rows = log.page(&LogFilter::default(), None, 10).expect("page").rows;
    assert_eq!((rows.len(), rows[0].failure), (1, Some(FailureKind::Guardrail)));
    assert_eq!(inv.view(&id, clock.now()).expect("view").record.last_used, None, "nothing left the machine");
    let today = UsageQuery { range: UsageRange::Today, ..UsageQuery::default() };
    assert_eq!(log.usage(&today, clock.now()).expect("usage").total, 0, "a refusal is not counted in usage");
    clock.advance(Duration::seconds(5));
    let yes = SendOptions { confirmed: vec![ConfirmationKind::Write], base_url: None };
    tester.send(id.clone(), d, yes).await.expect("confirmed");
    assert_eq!(log.usage(&today, clock.now()).expect("usage").total, 1);
    assert_eq!(tester.recent(10).expect("recent").len(), 2, "the Recent list shows the refusal too");
}

#[tokio::test]
async fn plain_http_refused_by_the_https_rule_is_logged_as_guardrail() {
    let (_dir, inv, id, clock) = setup();
    let mock = Arc::new(MockSender::always(HttpResponse::json(200, &serde_json::json!({}))));
    let tester = Arc::new(Tester::new(inv.clone(), mock.clone(), clock.clone()));
    let d = draft("GET", "http://api.pandabase.io/v2/core/stores/shp_demo/products");
    let err = tester.send(id, d, SendOptions::default()).await.expect_err("https only");
    assert!(err.to_string().contains("HTTPS"), "{err}");
    let rows = inv.request_log(clock.now()).expect("log").page(&LogFilter::default(), None, 10).expect("page").rows;
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].failure, rows[0].scheme.as_str(), rows[0].relative), (Some(FailureKind::Guardrail), "http", false));
    let nothing = tester.send("no-such-token".into(), draft("GET", "/x"), SendOptions::default()).await.expect_err("unknown token");
    assert_eq!(nothing.code(), "not_found");
    assert_eq!(inv.request_log(clock.now()).expect("log").page(&LogFilter::default(), None, 10).expect("page").rows.len(), 1, "only guardrail refusals are logged, not every mistake");
}
