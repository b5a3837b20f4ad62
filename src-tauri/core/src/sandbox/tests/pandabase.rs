//! Pandabase: Bearer and HMAC exactly as documented, permissions, stores, roll-secret, logs.

use super::*;
use crate::hmac_sign;
use crate::secret::Secret;

const PRODUCTS: &str = "/pandabase/v2/core/stores/shp_main/products";
const BEARER_SECRET: &str = "sk_test_bearerAAAA1111";
const HMAC_SECRET: &str = "sk_test_hmacBBBB2222";

fn bearer_token() -> SandboxToken {
    let mut r = record("pandabase", "pb-bearer");
    r.store_id = Some("shp_main".into());
    r.scopes = vec!["PRODUCTS_READ".into()];
    token(r, BEARER_SECRET)
}

fn hmac_token() -> SandboxToken {
    let mut r = record("pandabase", "pb-hmac");
    r.store_id = Some("shp_main".into());
    r.kind = TokenKind::HmacToken;
    r.auth_mode = AuthMode::Hmac;
    r.token_id = Some("stk_hmac01".into());
    r.scopes = vec!["PRODUCTS_READ".into(), "PRODUCTS_WRITE".into()];
    token(r, HMAC_SECRET)
}

fn signed(body: &[u8]) -> String {
    hmac_sign::signature(&Secret::new(HMAC_SECRET), body)
}

#[tokio::test]
async fn bearer_secret_lists_products_and_a_wrong_secret_is_401() {
    let h = Harness::new(vec![bearer_token()]).await;
    let r = h.get(PRODUCTS, &[("Authorization", &format!("Bearer {BEARER_SECRET}"))]).await;
    assert_eq!(r.status, 200, "{:?}", r.body_text);
    assert!(json(&r)["data"]["items"].as_array().is_some_and(|i| !i.is_empty()), "the documented data.items shape");
    let wrong = h.get(PRODUCTS, &[("Authorization", "Bearer sk_test_bearerAAAA1112")]).await;
    assert_eq!(wrong.status, 401);
    assert!(!message(&wrong).contains("bearerAAAA"), "a 401 never echoes the credential: {}", message(&wrong));
}

#[tokio::test]
async fn hmac_get_signs_the_empty_string() {
    let h = Harness::new(vec![hmac_token()]).await;
    let sig = signed(b"");
    let r = h.get(PRODUCTS, &[("Authorization", "Bearer stk_hmac01"), ("X-Signature", &sig)]).await;
    assert_eq!(r.status, 200, "{:?}", r.body_text);
    let no_sig = h.get(PRODUCTS, &[("Authorization", "Bearer stk_hmac01")]).await;
    assert_eq!(no_sig.status, 401);
    assert!(message(&no_sig).contains("X-Signature"), "{}", message(&no_sig));
}

#[tokio::test]
async fn hmac_post_with_a_tampered_body_is_401_and_the_exact_body_is_201() {
    let h = Harness::new(vec![hmac_token()]).await;
    let body = br#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#;
    let sig = signed(body);
    let headers = [("Authorization", "Bearer stk_hmac01"), ("X-Signature", sig.as_str()), ("Content-Type", "application/json")];
    let tampered = br#"{"name":"New Product","amount":1,"type":"ONE_TIME"}"#;
    let r = h.send(Method::POST, PRODUCTS, &headers, tampered).await;
    assert_eq!(r.status, 401, "the signature covers the exact body bytes");
    assert!(message(&r).contains("does not match"), "{}", message(&r));

    let r = h.send(Method::POST, PRODUCTS, &headers, body).await;
    assert_eq!(r.status, 201, "{:?}", r.body_text);
    let made = json(&r);
    assert_eq!((made["data"]["name"].as_str(), made["data"]["amount"].as_u64()), (Some("New Product"), Some(2999)));
    let listed = h.get(PRODUCTS, &[("Authorization", "Bearer stk_hmac01"), ("X-Signature", &signed(b""))]).await;
    assert!(listed.body_text.unwrap_or_default().contains(made["data"]["id"].as_str().unwrap_or("missing id")));
}

#[tokio::test]
async fn an_hmac_tokens_secret_sent_as_bearer_is_refused() {
    let h = Harness::new(vec![hmac_token()]).await;
    let r = h.get(PRODUCTS, &[("Authorization", &format!("Bearer {HMAC_SECRET}"))]).await;
    assert_eq!(r.status, 401, "an HMAC secret never travels, so it must not authenticate");
    assert!(message(&r).contains("stk_"), "{}", message(&r));
}

#[tokio::test]
async fn a_missing_permission_is_403_listing_it() {
    let h = Harness::new(vec![bearer_token()]).await;
    let r = h.send(Method::POST, PRODUCTS, &[("Authorization", &format!("Bearer {BEARER_SECRET}"))], b"{}").await;
    assert_eq!(r.status, 403);
    let body = json(&r);
    assert_eq!(body["error"], "forbidden");
    assert_eq!(body["message"], "Missing permissions: PRODUCTS_WRITE");
    let pattern = regex::Regex::new(r"(?i)missing permissions?:?\s*(?P<perms>[A-Z_]+(?:\s*,\s*[A-Z_]+)*)").expect("profile's pattern");
    assert!(pattern.is_match(body["message"].as_str().unwrap_or_default()), "the profile's missingPermissionsPattern must find it");
}

#[tokio::test]
async fn another_stores_id_is_403() {
    let h = Harness::new(vec![bearer_token()]).await;
    let r = h.get("/pandabase/v2/core/stores/shp_other/products", &[("Authorization", &format!("Bearer {BEARER_SECRET}"))]).await;
    assert_eq!(r.status, 403, "a token reaches only its own store");
}

#[tokio::test]
async fn roll_secret_kills_the_old_secret_at_once_and_tells_the_source() {
    let h = Harness::new(vec![bearer_token()]).await;
    let old = format!("Bearer {BEARER_SECRET}");
    let r = h.send(Method::POST, "/pandabase/v2/stores/shp_main/tokens/pb-bearer/roll-secret", &[("Authorization", &old)], b"").await;
    assert_eq!(r.status, 200, "{:?}", r.body_text);
    let new_secret = json(&r)["data"]["secret"].as_str().expect("new secret in the body").to_string();
    assert!(new_secret.starts_with("sk_test_") && new_secret != BEARER_SECRET);

    assert_eq!(h.get(PRODUCTS, &[("Authorization", &old)]).await.status, 401, "old secret must die immediately");
    let fresh = format!("Bearer {new_secret}");
    assert_eq!(h.get(PRODUCTS, &[("Authorization", &fresh)]).await.status, 200, "the new secret works");
    assert_eq!(
        h.source.secret_of("pb-bearer").map(|s| s.expose().to_string()),
        Some(new_secret),
        "on_secret_rolled must hand the new secret to the source (the vault)"
    );
}

#[tokio::test]
async fn rolling_an_hmac_token_changes_what_signatures_verify_against() {
    let h = Harness::new(vec![hmac_token()]).await;
    let path = "/pandabase/v2/stores/shp_main/tokens/stk_hmac01/roll-secret";
    let r = h.send(Method::POST, path, &[("Authorization", "Bearer stk_hmac01"), ("X-Signature", &signed(b""))], b"").await;
    assert_eq!(r.status, 200, "{:?}", r.body_text);
    let new_secret = Secret::new(json(&r)["data"]["secret"].as_str().expect("secret"));
    let old_sig = h.get(PRODUCTS, &[("Authorization", "Bearer stk_hmac01"), ("X-Signature", &signed(b""))]).await;
    assert_eq!(old_sig.status, 401, "signatures made with the old secret must fail");
    let new_sig = hmac_sign::signature(&new_secret, b"");
    let ok = h.get(PRODUCTS, &[("Authorization", "Bearer stk_hmac01"), ("X-Signature", &new_sig)]).await;
    assert_eq!(ok.status, 200);
}

#[tokio::test]
async fn rolling_another_token_needs_store_write() {
    let mut admin = record("pandabase", "pb-admin");
    admin.store_id = Some("shp_main".into());
    admin.scopes = vec!["STORE_WRITE".into()];
    let h = Harness::new(vec![bearer_token(), token(admin, "sk_test_adminCCCC3333")]).await;
    let path = "/pandabase/v2/stores/shp_main/tokens/pb-admin/roll-secret";
    let r = h.send(Method::POST, path, &[("Authorization", &format!("Bearer {BEARER_SECRET}"))], b"").await;
    assert_eq!((r.status, message(&r).as_str()), (403, "Missing permissions: STORE_WRITE"));
    let r = h.send(Method::POST, "/pandabase/v2/stores/shp_main/tokens/pb-bearer/roll-secret", &[("Authorization", "Bearer sk_test_adminCCCC3333")], b"").await;
    assert_eq!(r.status, 200, "STORE_WRITE may roll another token of the store");
}

#[tokio::test]
async fn api_logs_record_requests_newest_first_and_forget_after_30_days() {
    let h = Harness::new(vec![bearer_token()]).await;
    let auth = format!("Bearer {BEARER_SECRET}");
    h.get(&format!("{PRODUCTS}?secretish=querysecret"), &[("Authorization", &auth)]).await;
    h.send(Method::POST, PRODUCTS, &[("Authorization", &auth)], b"{}").await; // 403
    let logs = "/pandabase/v2/stores/shp_main/api-logs";
    let r = h.get(logs, &[("Authorization", &auth)]).await;
    assert_eq!(r.status, 200, "{:?}", r.body_text);
    let items = json(&r)["data"]["items"].as_array().cloned().expect("items");
    assert_eq!(items.len(), 2, "both requests logged: {items:?}");
    assert_eq!((items[0]["method"].as_str(), items[0]["status"].as_u64()), (Some("POST"), Some(403)), "newest first");
    assert_eq!(items[1]["path"], "/v2/core/stores/shp_main/products", "path as Pandabase sees it, without the query");
    assert_eq!(items[1]["ip"], "127.0.0.1");
    assert!(items[1]["responseTimeMs"].as_f64().is_some() && items[1]["timestamp"].is_string());
    assert!(!r.body_text.unwrap_or_default().contains("bearerAAAA"), "logs never hold credentials");

    h.clock.advance(chrono::Duration::days(29));
    let kept = json(&h.get(logs, &[("Authorization", &auth)]).await);
    assert_eq!(kept["data"]["items"].as_array().map(Vec::len), Some(3), "29 days old is within retention");
    h.clock.advance(chrono::Duration::days(2));
    let later = json(&h.get(logs, &[("Authorization", &auth)]).await);
    let remaining = later["data"]["items"].as_array().cloned().expect("items");
    assert_eq!(remaining.len(), 1, "the three day-0 entries are past 30 days; the day-29 call remains: {remaining:?}");
}

/// A source that never stores rolled secrets (a vault that failed to update).
struct ForgetfulSource(Vec<SandboxToken>);

impl TokenSource for ForgetfulSource {
    fn tokens(&self) -> Vec<SandboxToken> {
        self.0.clone()
    }
}

#[tokio::test]
async fn the_old_secret_stays_dead_even_if_the_source_still_returns_it() {
    let source = Arc::new(ForgetfulSource(vec![bearer_token()]));
    let addr: SocketAddr = "127.0.0.1:0".parse().expect("address");
    let handle = start(addr, source, Arc::new(FixedClock::new(t0()))).await.expect("starts");
    let sender = ReqwestSender::with_defaults().expect("client");
    let send = |method: Method, path: &str, secret: &str| {
        let req = OutgoingRequest::new(method, format!("http://{}{path}", handle.addr()))
            .header("Authorization", &format!("Bearer {secret}"))
            .expect("header");
        sender.send(req)
    };
    let rolled = send(Method::POST, "/pandabase/v2/stores/shp_main/tokens/pb-bearer/roll-secret", BEARER_SECRET).await.expect("answer");
    let new_secret = json(&rolled)["data"]["secret"].as_str().expect("new secret").to_string();
    handle.refresh().await; // the source still reports the old secret
    assert_eq!(send(Method::GET, PRODUCTS, BEARER_SECRET).await.expect("answer").status, 401, "the roll must win over a stale vault");
    assert_eq!(send(Method::GET, PRODUCTS, &new_secret).await.expect("answer").status, 200);
}
