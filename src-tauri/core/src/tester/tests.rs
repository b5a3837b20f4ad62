//! Why these exist: the tester is where a vault secret meets the network. These pin down that
//! the bytes signed are the bytes sent, that guardrails stop a live write until confirmed,
//! that history never stores a credential, and — over real loopback HTTP against the sandbox —
//! that every provider's scheme gets a 200 and a wrong secret or scope gets the diagnosis.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::Utc;

use crate::clock::{Clock, SystemClock};

use super::*;
use crate::paths::DataDir;
use crate::request::guard::ConfirmationKind;
use crate::request::spec::FormRow;
use crate::sandbox;
use crate::send::{HttpResponse, MockSender, ReqwestSender};
use crate::token::{AuthMode, Environment, TokenKind};
use crate::token_input::{NewToken, SecretField};
use crate::vault::MemoryVault;

fn inventory() -> (tempfile::TempDir, Arc<Inventory>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let inv = Inventory::open(DataDir::at(dir.path()).expect("dir"), Arc::new(MemoryVault::new())).expect("open");
    (dir, Arc::new(inv))
}

fn clock() -> Arc<dyn Clock> {
    Arc::new(SystemClock)
}

fn hmac_token(inv: &Inventory, env: Environment) -> String {
    let t = NewToken {
        name: "hmac".into(),
        provider: "pandabase".into(),
        environment: env,
        kind: TokenKind::HmacToken,
        auth_mode: AuthMode::Hmac,
        auth_header: None,
        auth_prefix: None,
        token_id: Some("stk_demo123".into()),
        store_id: Some("shp_demo".into()),
        base_url: Some("https://api.pandabase.io".into()),
        scopes: vec!["PRODUCTS_WRITE".into()],
        rate_limit: None,
        expires: None,
        rotation_days: None,
        tags: vec![],
        notes: String::new(),
        secret: SecretField(crate::Secret::new("sk_live_hmacsecretvalue0001")),
    };
    inv.create(t, Utc::now()).expect("create").record.id
}

fn draft(method: &str, url: &str, body: &str) -> RequestDraft {
    RequestDraft { method: method.into(), url: url.into(), body: body.into(), ..Default::default() }
}

#[tokio::test]
async fn the_bytes_signed_are_exactly_the_bytes_sent() {
    let (_d, inv) = inventory();
    let id = hmac_token(&inv, Environment::Test);
    let mock = Arc::new(MockSender::always(HttpResponse::json(201, &serde_json::json!({"ok": true}))));
    let tester = Arc::new(Tester::new(inv, mock.clone(), clock()));
    let body = "{\"name\":\"Café ☕\",  \"amount\":2999}"; // odd spacing and Unicode must survive
    let out = tester.send(id, draft("POST", "/v2/core/stores/{storeId}/products", body), SendOptions::default()).await.expect("send");
    let sent = mock.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].body, body.as_bytes(), "the body goes out byte for byte");
    let sig = sent[0].header_value("X-Signature").expect("signed").to_str().expect("ascii");
    assert_eq!(sig, crate::hmac_sign::signature(&crate::Secret::new("sk_live_hmacsecretvalue0001"), body.as_bytes()));
    assert_eq!(out.request.hmac.as_ref().expect("hmac debug").signature, sig);
    assert_eq!(sent[0].header_value("Authorization").expect("auth").to_str().expect("ascii"), "Bearer stk_demo123");
    assert_eq!(sent[0].url, "https://api.pandabase.io/v2/core/stores/shp_demo/products");
}

#[tokio::test]
async fn a_live_write_needs_confirmation_and_nothing_is_sent_before() {
    let (_d, inv) = inventory();
    let id = hmac_token(&inv, Environment::Live);
    let mock = Arc::new(MockSender::always(HttpResponse::json(200, &serde_json::json!({}))));
    let tester = Arc::new(Tester::new(inv, mock.clone(), clock()));
    let d = draft("POST", "/v2/core/stores/{storeId}/products", "{}");
    let err = tester.send(id.clone(), d.clone(), SendOptions::default()).await.expect_err("needs a yes");
    assert_eq!(err.code(), "needs_confirmation");
    assert!(mock.sent().is_empty(), "nothing may leave before the user says yes");
    let yes = SendOptions { confirmed: vec![ConfirmationKind::Write], base_url: None };
    tester.send(id, d, yes).await.expect("confirmed");
    assert_eq!(mock.sent().len(), 1);
}

#[test]
fn saved_requests_never_store_a_typed_credential() {
    let (dir, inv) = inventory();
    let mut d = draft("GET", "/x", "");
    d.headers = vec![FormRow::new("Authorization", "Bearer sk_live_typedbyhand9999"), FormRow::new("X-Trace", "abc")];
    d.query = vec![FormRow::new("key", "sk_test_inqueryvalue7777")];
    d.body = r#"{"webhook_secret":"sk_live_inthebodyvalue5555","name":"x"}"#.into();
    let h = History::new(inv.data_dir());
    h.save("mine", None, &d, inv.profiles()).expect("save");
    let text = std::fs::read_to_string(dir.path().join("saved.json")).expect("written");
    assert!(!text.contains("typedbyhand") && !text.contains("inqueryvalue") && !text.contains("inthebodyvalue"), "saved.json stored a credential: {text}");
    assert!(text.contains("X-Trace") && text.contains("abc"), "harmless rows are kept: {text}");
}

#[test]
fn the_verifier_finds_the_token_that_signed_a_body() {
    let (_d, inv) = inventory();
    hmac_token(&inv, Environment::Test);
    let body = br#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#;
    let good = crate::hmac_sign::signature(&crate::Secret::new("sk_live_hmacsecretvalue0001"), body);
    let r = verify_signature(&inv, body, &good, Utc::now()).expect("verify");
    assert_eq!(r.matches.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["hmac"]);
    let r = verify_signature(&inv, b"tampered", &good, Utc::now()).expect("verify");
    assert!(r.matches.is_empty() && r.checked == 1 && r.signature_valid);
    assert!(!verify_signature(&inv, body, "ABC", Utc::now()).expect("verify").signature_valid);
}

/// Every provider against the real sandbox over loopback HTTP: 200 with the right secret,
/// the 401 diagnosis with a wrong one, the 403 listing the missing permission.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_provider_answers_200_over_loopback_and_failures_are_explained() {
    let (_d, inv) = inventory();
    let source = Arc::new(InventorySource::new(inv.clone(), clock()));
    let handle = sandbox::start("127.0.0.1:0".parse().expect("addr"), source, clock()).await.expect("sandbox");
    let port = handle.addr().port();
    let sender = Arc::new(ReqwestSender::with_defaults().expect("client"));
    let tester = Arc::new(Tester::new(inv.clone(), sender, clock()));
    let cases: &[(&str, Option<AuthMode>, &str)] = &[
        ("pandabase", None, "/v2/core/stores/{storeId}/products"),
        ("pandabase", Some(AuthMode::Hmac), "/v2/core/stores/{storeId}/products"),
        ("pixlpay", None, "/v1/store/products"),
        ("pacspace", None, "/api/v1/balance/derive/{customerId}"),
        ("commerce", None, "/api/v1/services"),
        ("shipped", None, "/v1/widgets/config"),
    ];
    for (provider, mode, path) in cases {
        let spec = NewSandboxToken { provider: provider.to_string(), auth_mode: *mode, ..Default::default() };
        let view = {
            let inv = inv.clone();
            tokio::task::spawn_blocking(move || create_sandbox_token(&inv, spec, port, Utc::now())).await.expect("join").expect("create")
        };
        let mut d = draft("GET", path, "");
        d.vars = BTreeMap::from([("customerId".to_string(), "customer_001".to_string())]);
        let out = tester.send(view.record.id.clone(), d, SendOptions::default()).await.expect("send");
        assert_eq!(out.response.status, 200, "{provider} {mode:?}: {:?}", out.response.body_text);
        assert!(out.diagnosis.is_none());
    }
    // A missing scope: 403 with the permission listed and parsed.
    let spec = NewSandboxToken { provider: "pandabase".into(), scopes: Some(vec!["ORDERS_READ".into()]), name: Some("narrow".into()), ..Default::default() };
    let narrow = { let inv = inv.clone(); tokio::task::spawn_blocking(move || create_sandbox_token(&inv, spec, port, Utc::now())).await.expect("join").expect("create") };
    let out = tester.send(narrow.record.id.clone(), draft("GET", "/v2/core/stores/{storeId}/products", ""), SendOptions::default()).await.expect("send");
    assert_eq!(out.response.status, 403);
    assert_eq!(out.diagnosis.expect("explained").missing_permissions, ["PRODUCTS_READ"]);
    // A wrong secret: a token pointing at the sandbox with a value the sandbox never issued
    // (what a mistyped or stale secret looks like to a server) gets 401 and a diagnosis.
    let wrong = NewToken {
        name: "typo".into(),
        provider: "pixlpay".into(),
        environment: Environment::Test,
        kind: TokenKind::SecretKey,
        auth_mode: AuthMode::Bearer,
        auth_header: None,
        auth_prefix: None,
        token_id: None,
        store_id: None,
        base_url: Some(sandbox::base_url_for(port, "pixlpay")),
        scopes: vec!["products:read".into()],
        rate_limit: None,
        expires: None,
        rotation_days: None,
        tags: vec![],
        notes: String::new(),
        secret: SecretField(crate::Secret::new("sk_test_neverissuedbythesandbox1")),
    };
    let wrong_id = { let inv = inv.clone(); tokio::task::spawn_blocking(move || inv.create(wrong, Utc::now())).await.expect("join").expect("create").record.id };
    let out = tester.send(wrong_id, draft("GET", "/v1/store/products", ""), SendOptions::default()).await.expect("send");
    assert_eq!(out.response.status, 401);
    let diagnosis = out.diagnosis.expect("a 401 is explained");
    assert!(!diagnosis.causes.is_empty(), "the diagnosis lists likely causes: {diagnosis:?}");
    handle.shutdown().await;
}

#[tokio::test]
async fn a_rolled_secret_is_stored_in_the_vault_and_masked_in_the_answer() {
    let (_d, inv) = inventory();
    let id = hmac_token(&inv, Environment::Test);
    let answer = serde_json::json!({"data": {"tokenId": "stk_demo123", "secret": "sk_live_freshlyrolledsecret777"}});
    let mock = Arc::new(MockSender::always(HttpResponse::json(200, &answer)));
    let tester = Arc::new(Tester::new(inv.clone(), mock, clock()));
    let d = draft("POST", "/v2/stores/{storeId}/tokens/{tokenId}/roll-secret", "");
    let out = tester.send(id.clone(), d, SendOptions::default()).await.expect("send");
    let shown = serde_json::to_string(&out).expect("json");
    assert!(!shown.contains("freshlyrolled"), "the new secret must not reach a face: {shown}");
    assert!(out.response.notices.iter().any(|n| n.contains("stored in the keychain")), "{:?}", out.response.notices);
    let stored = inv.vault().read(&id).expect("secret");
    assert_eq!(stored.expose(), "sk_live_freshlyrolledsecret777", "the rotation is kept, not lost");
    assert!(inv.find(&id, Utc::now()).expect("record").last_rotated.is_some());
}

/// An echo server, as httpbin's `/anything` and most mock servers: every request header comes
/// back as a response header and in the JSON body, the URL too, plus the auth header's value
/// URL-encoded and base64-encoded (as some servers log or sign what they got).
fn echo_sender() -> Arc<MockSender> {
    use base64::Engine as _;
    Arc::new(MockSender::new(|req| {
        let mut headers = vec![("content-type".to_string(), "application/json".to_string())];
        let mut seen = serde_json::Map::new();
        for (name, value) in &req.headers {
            let v = String::from_utf8_lossy(value.as_bytes()).into_owned();
            headers.push((format!("x-echo-{name}"), v.clone()));
            seen.insert(name.clone(), serde_json::Value::String(v));
        }
        let auth = seen.values().next().and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let urlencoded: String = auth.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
        let body = serde_json::json!({
            "headers": seen,
            "url": req.url,
            "logged": urlencoded,
            "digest": base64::engine::general_purpose::STANDARD.encode(format!("seen:{auth}")),
            "data": String::from_utf8_lossy(&req.body),
        });
        Ok(HttpResponse::from_parts(200, headers, serde_json::to_vec(&body).expect("json"), false))
    }))
}

/// A test token pointing at a loopback address (the echo mock answers whatever the URL).
fn loopback_token(inv: &Inventory, name: &str, provider: &str, auth_mode: AuthMode, auth_header: Option<&str>, secret: &str) -> String {
    let t = NewToken {
        name: name.into(),
        provider: provider.into(),
        environment: Environment::Test,
        kind: TokenKind::SecretKey,
        auth_mode,
        auth_header: auth_header.map(str::to_owned),
        auth_prefix: None,
        token_id: None,
        store_id: None,
        base_url: Some("http://127.0.0.1:9".into()),
        scopes: vec![],
        rate_limit: None,
        expires: None,
        rotation_days: None,
        tags: vec![],
        notes: String::new(),
        secret: SecretField(crate::Secret::new(secret)),
    };
    inv.create(t, Utc::now()).expect("create").record.id
}

#[tokio::test]
async fn a_secret_echoed_back_in_any_form_never_reaches_a_face() {
    // A secret with no provider shape: shape-based masking alone would show it in full.
    let secret = "intl-9f8e7d6c5b4a3f2e1d0c";
    let (dir, inv) = inventory();
    let id = loopback_token(&inv, "internal", "custom", AuthMode::Custom, Some("X-Internal-Key"), secret);
    let tester = Arc::new(Tester::new(inv, echo_sender(), clock()));
    let mut d = draft("POST", "/anything", &format!("{{\"note\":\"pasted {secret} by mistake\"}}"));
    d.query = vec![FormRow::new("key", secret)];
    let out = tester.send(id, d, SendOptions::default()).await.expect("send");
    let faces = [serde_json::to_string(&out).expect("json"), format!("{:?}", out.response.headers), out.response.body_text.clone().unwrap_or_default()];
    for face in &faces {
        assert!(!face.contains("9f8e7d6c5b4a"), "the secret reached a face: {face}");
    }
    let headers: Vec<&str> = out.response.headers.iter().map(|(_, v)| v.as_str()).collect();
    assert!(headers.contains(&"••••1d0c"), "the echoed header shows the mask: {headers:?}");
    assert!(out.response.notices.iter().any(|n| n.contains("secret this request was sent with")), "{:?}", out.response.notices);
    assert!(!out.request.url.contains("9f8e7d6c5b4a") && !out.request.body.contains("9f8e7d6c5b4a"), "the preview is redacted too");
    assert_eq!(tester.recent(10).expect("recent").len(), 1, "the send was logged");
    let leaks = crate::request_log::tests::secrets::files_holding(dir.path(), secret);
    assert!(leaks.is_empty(), "the request log (or another file) holds the secret: {leaks:?}");
}

#[tokio::test]
async fn an_echoed_bearer_secret_is_masked_in_headers_and_body() {
    let (_d, inv) = inventory();
    let id = loopback_token(&inv, "pix", "pixlpay", AuthMode::Bearer, None, "sk_test_Qw3rTy8uIoP1aSdFgH4jKl");
    let tester = Arc::new(Tester::new(inv, echo_sender(), clock()));
    let out = tester.send(id, draft("GET", "/headers", ""), SendOptions::default()).await.expect("send");
    let all = serde_json::to_string(&out).expect("json");
    assert!(!all.contains("Qw3rTy8u") && !all.contains("Qw3r"), "{all}");
    let echoed = out.response.headers.iter().find(|(n, _)| n == "x-echo-Authorization").expect("echoed").1.clone();
    assert_eq!(echoed, "Bearer sk_test_••••4jKl");
}
