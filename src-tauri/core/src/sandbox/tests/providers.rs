//! Pixlpay, PacSpace, Commerce and Shipped, each as its document describes it.

use super::*;

const PIXLPAY_SECRET: &str = "sk_live_pixlpay1234567890abcdef";

fn pixlpay() -> SandboxToken {
    let mut r = record("pixlpay", "px");
    r.environment = Environment::Live;
    r.scopes = vec!["products:read".into()];
    token(r, PIXLPAY_SECRET)
}

#[tokio::test]
async fn pixlpay_scope_format_and_lifecycle_answers() {
    let mut expired = record("pixlpay", "px-old");
    expired.scopes = vec!["products:read".into()];
    expired.expires = Some(t0() - chrono::Duration::seconds(1));
    let mut revoked = record("pixlpay", "px-revoked");
    revoked.scopes = vec!["products:read".into()];
    revoked.revoked_at = Some(t0() - chrono::Duration::days(1));
    let h = Harness::new(vec![pixlpay(), token(expired, "sk_test_expired0001"), token(revoked, "sk_test_revoked0001")]).await;
    let auth = |s: &str| format!("Bearer {s}");

    let ok = h.get("/pixlpay/v1/store/products", &[("Authorization", &auth(PIXLPAY_SECRET))]).await;
    assert_eq!(ok.status, 200, "{:?}", ok.body_text);
    assert!(json(&ok)["data"].as_array().is_some_and(|d| !d.is_empty()));

    let scope = h.get("/pixlpay/v1/store/orders", &[("Authorization", &auth(PIXLPAY_SECRET))]).await;
    assert_eq!((scope.status, message(&scope).as_str()), (403, "Missing scopes: orders:read"));

    let format = h.get("/pixlpay/v1/store/products", &[("Authorization", "Bearer tok_12345")]).await;
    assert_eq!(format.status, 401);
    assert!(message(&format).contains("sk_live_ or sk_test_"), "{}", message(&format));

    let missing = h.get("/pixlpay/v1/store/products", &[]).await;
    assert_eq!(missing.status, 401);
    assert!(message(&missing).contains("missing"), "{}", message(&missing));

    let old = h.get("/pixlpay/v1/store/products", &[("Authorization", &auth("sk_test_expired0001"))]).await;
    assert_eq!(old.status, 401);
    assert!(message(&old).contains("expired"), "{}", message(&old));
    let gone = h.get("/pixlpay/v1/store/products", &[("Authorization", &auth("sk_test_revoked0001"))]).await;
    assert_eq!(gone.status, 401);
    assert!(message(&gone).contains("revoked"), "{}", message(&gone));
}

#[tokio::test]
async fn pacspace_takes_the_full_dotted_key_in_x_api_key() {
    let h = Harness::new(vec![token(record("pacspace", "pac"), "pk_test_PUBLIC1.SECRET1")]).await;
    let r = h.get("/pacspace/api/v1/balance/derive/customer_001", &[("X-Api-Key", "pk_test_PUBLIC1.SECRET1")]).await;
    assert_eq!(r.status, 200, "{:?}", r.body_text);
    let body = json(&r);
    assert_eq!(body["data"]["customerId"], "customer_001");
    assert_eq!(body["data"]["environment"], "test");
    for (key, why) in [
        ("pk_test_PUBLIC1", "the public id alone is not the key"),
        ("pk_test_PUBLIC1.WRONG", "a wrong secret half"),
        ("", "no key"),
    ] {
        let headers: Vec<(&str, &str)> = if key.is_empty() { vec![] } else { vec![("X-Api-Key", key)] };
        assert_eq!(h.get("/pacspace/api/v1/balance/derive/customer_001", &headers).await.status, 401, "{why}");
    }
    let bearer = h.get("/pacspace/api/v1/balance/derive/c", &[("Authorization", "Bearer pk_test_PUBLIC1.SECRET1")]).await;
    assert_eq!(bearer.status, 401, "PacSpace reads X-Api-Key, not Authorization");
}

#[tokio::test]
async fn commerce_paginates_with_meta_and_is_read_only() {
    let h = Harness::new(vec![token(record("commerce", "opt"), "opt_live_commerce0001")]).await;
    let auth = [("Authorization", "Bearer opt_live_commerce0001")];
    let r = h.get("/commerce/api/v1/invoices?page=2&per_page=15", &auth).await;
    assert_eq!(r.status, 200, "{:?}", r.body_text);
    let body = json(&r);
    assert_eq!(body["meta"], serde_json::json!({"current_page": 2, "per_page": 15, "total": 40, "last_page": 3}));
    let ids: Vec<u64> = body["data"].as_array().expect("data array").iter().filter_map(|i| i["id"].as_u64()).collect();
    assert_eq!(ids, (16..=30).collect::<Vec<u64>>(), "page 2 of 15 holds items 16–30");

    let last = json(&h.get("/commerce/api/v1/domains?page=3&per_page=15", &auth).await);
    assert_eq!(last["data"].as_array().map(Vec::len), Some(10), "the last page holds the remainder");
    let default = json(&h.get("/commerce/api/v1/services", &auth).await);
    assert_eq!(default["meta"]["per_page"], 25);

    let detail = json(&h.get("/commerce/api/v1/orders/7", &auth).await);
    assert_eq!(detail["data"]["id"], 7);
    assert_eq!(h.get("/commerce/api/v1/orders/41", &auth).await.status, 404);
    assert_eq!(h.get("/commerce/api/v1/services?page=0", &auth).await.status, 400, "page must be ≥ 1");
    assert_eq!(json(&h.get("/commerce/api/v1/me", &auth).await)["data"]["token_name"], "opt token");

    let post = h.send(Method::POST, "/commerce/api/v1/orders", &auth, b"{}").await;
    assert_eq!(post.status, 405, "Commerce tokens cannot create orders");
    assert_eq!(post.header("allow"), Some("GET"));
}

#[tokio::test]
async fn commerce_revoked_token_gets_401_on_its_next_request() {
    let h = Harness::new(vec![token(record("commerce", "opt"), "opt_live_commerce0002")]).await;
    let auth = [("Authorization", "Bearer opt_live_commerce0002")];
    assert_eq!(h.get("/commerce/api/v1/me", &auth).await.status, 200);
    h.source.update("opt", |r| r.revoked_at = Some(t0()));
    h.handle.refresh().await; // what the app does after revoking
    let r = h.get("/commerce/api/v1/me", &auth).await;
    assert_eq!(r.status, 401, "revocation must take effect on the next request");
}

#[tokio::test]
async fn shipped_takes_the_raw_key_and_limits_publishable_keys() {
    let mut pk = record("shipped", "pk");
    pk.kind = TokenKind::PublishableKey;
    let pk_value = format!("pk_production_{}", "a1".repeat(32));
    let sk_value = format!("sk_production_{}", "b2".repeat(32));
    let h = Harness::new(vec![token(pk, &pk_value), token(record("shipped", "sk"), &sk_value)]).await;

    let r = h.get("/shipped/v1/orders/123", &[("Authorization", &sk_value)]).await;
    assert_eq!(r.status, 200, "{:?}", r.body_text);
    assert_eq!(json(&r)["path"], "/v1/orders/123");

    let bearer = h.get("/shipped/v1/orders/123", &[("Authorization", &format!("Bearer {sk_value}"))]).await;
    assert_eq!(bearer.status, 401);
    assert!(message(&bearer).contains("raw key"), "{}", message(&bearer));

    let public = h.get("/shipped/v1/widgets/config", &[("Authorization", &pk_value)]).await;
    assert_eq!(public.status, 200, "a publishable key may read the widget config");
    let private = h.get("/shipped/v1/orders/123", &[("Authorization", &pk_value)]).await;
    assert_eq!(private.status, 403, "a publishable key may not read orders");
    assert!(message(&private).contains("secret (sk_)"), "{}", message(&private));
    let sk_public = h.get("/shipped/v1/widgets/config", &[("Authorization", &sk_value)]).await;
    assert_eq!(sk_public.status, 200, "secret keys work on public endpoints too");
}
