//! Per-token rate limits: a fixed 60-second window on the sandbox's clock.

use super::*;

#[tokio::test]
async fn the_request_after_the_limit_is_429_with_retry_after_until_the_window_turns() {
    let mut r = record("commerce", "limited");
    r.rate_limit = 3;
    let h = Harness::new(vec![token(r, "opt_live_limited0001")]).await;
    let auth = [("Authorization", "Bearer opt_live_limited0001")];
    for n in 1..=3 {
        assert_eq!(h.get("/commerce/api/v1/me", &auth).await.status, 200, "request {n} of 3 is within the limit");
    }
    let over = h.get("/commerce/api/v1/me", &auth).await;
    assert_eq!(over.status, 429, "request 4 exceeds 3 per minute");
    assert_eq!(over.header("retry-after"), Some("30"), "t0 is 30 s into its minute");
    assert!(message(&over).contains("3 requests per minute"), "{}", message(&over));

    h.clock.advance(chrono::Duration::seconds(29));
    assert_eq!(h.get("/commerce/api/v1/me", &auth).await.status, 429, "still the same window");
    h.clock.advance(chrono::Duration::seconds(1));
    assert_eq!(h.get("/commerce/api/v1/me", &auth).await.status, 200, "a new window starts at the minute");
}

#[tokio::test]
async fn limits_are_per_token() {
    let mut a = record("pixlpay", "a");
    a.rate_limit = 1;
    a.scopes = vec!["customers:read".into()];
    let mut b = a.clone();
    b.id = "b".into();
    let h = Harness::new(vec![token(a, "sk_test_tokenA0001"), token(b, "sk_test_tokenB0001")]).await;
    let h = &h;
    let get = |s: &'static str| async move { h.get("/pixlpay/v1/store/customers", &[("Authorization", s)]).await.status };
    assert_eq!(get("Bearer sk_test_tokenA0001").await, 200);
    assert_eq!(get("Bearer sk_test_tokenA0001").await, 429);
    assert_eq!(get("Bearer sk_test_tokenB0001").await, 200, "token B has its own window");
}
