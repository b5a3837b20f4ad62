//! Why these exist: the tester used to allow plain HTTP to a local server only when the URL
//! came from the token's base URL or `--base-url`, refused the same server given as a full
//! `http://127.0.0.1:PORT/...` URL, and built snippets that ignored `--base-url`. One rule now
//! (guard::https_required: loopback may use http, however the URL was given), and the snippet
//! shows the URL `send` would use.

use std::sync::Arc;

use chrono::Utc;

use super::*;
use crate::clock::SystemClock;
use crate::paths::DataDir;
use crate::request::snippet::SnippetLang;
use crate::send::{HttpResponse, MockSender};
use crate::token::{AuthMode, Environment, TokenKind};
use crate::token_input::{NewToken, SecretField};
use crate::vault::MemoryVault;

/// A Pixlpay (HTTPS-only) test token; `base_url` as given.
fn setup(base_url: Option<&str>) -> (tempfile::TempDir, Arc<Tester>, Arc<MockSender>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let inv = Arc::new(Inventory::open(DataDir::at(dir.path()).expect("dir"), Arc::new(MemoryVault::new())).expect("open"));
    let token = NewToken {
        name: "local".into(),
        provider: "pixlpay".into(),
        environment: Environment::Test,
        kind: TokenKind::SecretKey,
        auth_mode: AuthMode::Bearer,
        auth_header: None,
        auth_prefix: None,
        token_id: None,
        store_id: None,
        base_url: base_url.map(str::to_owned),
        scopes: vec![],
        rate_limit: None,
        expires: None,
        rotation_days: None,
        tags: vec![],
        notes: String::new(),
        secret: SecretField(crate::Secret::new("sk_test_loopbackrule0123456789")),
    };
    let id = inv.create(token, Utc::now()).expect("create").record.id;
    let mock = Arc::new(MockSender::always(HttpResponse::json(200, &serde_json::json!({"ok": true}))));
    (dir, Arc::new(Tester::new(inv, mock.clone(), Arc::new(SystemClock))), mock, id)
}

fn get(url: &str) -> RequestDraft {
    RequestDraft { method: "GET".into(), url: url.into(), ..Default::default() }
}

fn with_base(url: &str) -> SendOptions {
    SendOptions { base_url: Some(url.into()), ..Default::default() }
}

#[tokio::test]
async fn plain_http_to_loopback_is_sent_whether_the_url_is_full_a_base_url_override_or_the_tokens_own() {
    let (_d, tester, mock, id) = setup(None);
    tester.send(id.clone(), get("http://127.0.0.1:9/v1/store/products"), SendOptions::default()).await.expect("full URL");
    tester.send(id.clone(), get("/v1/store/products"), with_base("http://localhost:9")).await.expect("--base-url");
    let (_d2, own, own_mock, own_id) = setup(Some("http://[::1]:9/pixlpay"));
    own.send(own_id, get("/v1/store/products"), SendOptions::default()).await.expect("the token's base URL");
    let urls: Vec<String> = mock.sent().iter().chain(own_mock.sent().iter()).map(|r| r.url.clone()).collect();
    assert_eq!(
        urls,
        ["http://127.0.0.1:9/v1/store/products", "http://localhost:9/v1/store/products", "http://[::1]:9/pixlpay/v1/store/products"],
        "every loopback form went out as given"
    );
}

#[tokio::test]
async fn plain_http_to_another_machine_is_refused_before_sending_with_the_local_alternative() {
    let (_d, tester, mock, id) = setup(None);
    for (url, options) in [
        ("http://api.pixlpay.net/v1/store/products", SendOptions::default()),
        ("/v1/store/products", with_base("http://192.168.1.20:8787")),
    ] {
        let err = tester.send(id.clone(), get(url), options).await.expect_err("remote http");
        assert_eq!(err.code(), "invalid");
        assert!(err.to_string().contains("http://127.0.0.1:PORT"), "the error says how to test locally: {err}");
    }
    assert!(mock.sent().is_empty(), "nothing may leave over plain http to another machine");
}

#[test]
fn the_snippet_uses_the_base_url_override_like_send_does() {
    let (_d, tester, _mock, id) = setup(None);
    let plain = tester.snippet(&id, &get("/v1/store/products"), &SendOptions::default(), SnippetLang::Curl, false).expect("snippet");
    assert!(plain.contains("https://api.pixlpay.net/v1/store/products"), "without an override, the profile's host: {plain}");
    for lang in [SnippetLang::Curl, SnippetLang::TypeScript, SnippetLang::Python] {
        let text = tester.snippet(&id, &get("/v1/store/products"), &with_base("http://127.0.0.1:9999/pixlpay"), lang, false).expect("snippet");
        assert!(text.contains("http://127.0.0.1:9999/pixlpay/v1/store/products"), "{lang:?} must use --base-url: {text}");
        assert!(!text.contains("api.pixlpay.net"), "{lang:?} still points at the profile's host: {text}");
    }
}
