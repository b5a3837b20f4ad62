use super::*;
use crate::profile::Profiles;
use crate::request::test_support::{now, pandabase_hmac, profile, record};

fn masker() -> Masker<'static> {
    static PROFILES: std::sync::OnceLock<Profiles> = std::sync::OnceLock::new();
    Masker::new(PROFILES.get_or_init(Profiles::bundled), crate::mask::MaskLevel::Normal)
}

fn d401(rec: &TokenRecord, provider: &str, secret: &str) -> Diagnosis {
    diagnose(401, &[], b"", rec, &profile(provider), Some(&Secret::new(secret)), &masker(), now()).expect("401 is diagnosed")
}

fn any_cause(d: &Diagnosis, needle: &str) -> bool {
    d.causes.iter().any(|c| c.contains(needle))
}

#[test]
fn statuses_other_than_401_403_429_are_not_diagnosed() {
    let rec = record("pixlpay", AuthMode::Bearer);
    for status in [200, 204, 400, 404, 500] {
        assert!(diagnose(status, &[], b"", &rec, &profile("pixlpay"), None, &masker(), now()).is_none(), "{status}");
    }
}

#[test]
fn a_401_names_revocation_and_expiry_from_the_record_and_uses_the_providers_words() {
    let mut rec = record("pixlpay", AuthMode::Bearer);
    rec.revoked_at = Some(now() - chrono::Duration::days(2));
    rec.expires = Some(now() - chrono::Duration::days(1));
    let d = d401(&rec, "pixlpay", "sk_live_1234567890abcdefghij");
    assert!(d.causes[0].contains("revoked on 2025-05-30"), "revocation is the first, surest cause: {:?}", d.causes);
    assert!(d.causes[1].contains("expired on 2025-05-31"), "{:?}", d.causes);
    assert!(d.explanation.contains("must start with sk_live_ or sk_test_"), "the profile's own words explain the code: {}", d.explanation);

    let mut fresh = record("pixlpay", AuthMode::Bearer);
    fresh.expires = Some(now() + chrono::Duration::days(1));
    let d = d401(&fresh, "pixlpay", "sk_live_1234567890abcdefghij");
    assert!(!any_cause(&d, "expired") && !any_cause(&d, "revoked"), "a future expiry is not a cause: {:?}", d.causes);
}

#[test]
fn a_401_spots_a_token_id_stored_as_the_secret() {
    let d = d401(&record("pixlpay", AuthMode::Bearer), "pixlpay", "stk_9f8e7d6c5b4a");
    assert!(any_cause(&d, "token ID"), "Pixlpay's 'token ID instead of the token value': {:?}", d.causes);
    let d = d401(&pandabase_hmac(), "pandabase", "stk_9f8e7d6c5b4a");
    assert!(any_cause(&d, "token ID (stk_"), "{:?}", d.causes);
}

#[test]
fn a_401_spots_a_badly_shaped_or_whitespace_secret_without_quoting_it() {
    let d = d401(&record("pixlpay", AuthMode::Bearer), "pixlpay", "Bearer abcdefghijklmnopqrstuvwxyz");
    let shape = d.causes.iter().find(|c| c.contains("does not look like")).expect("shape cause");
    assert!(shape.contains("sk_live_ or sk_test_"), "the expected prefixes come from the profile's pattern: {shape}");
    assert!(!shape.contains("ghijklmnop"), "the value is masked: {shape}");

    let d = d401(&record("pixlpay", AuthMode::Bearer), "pixlpay", " sk_live_1234567890abcdefghij\n");
    assert!(any_cause(&d, "spaces or line breaks"), "{:?}", d.causes);

    let d = d401(&record("pacspace", AuthMode::ApiKey), "pacspace", "pk_live_PUBLICONLY");
    assert!(any_cause(&d, "pk_live_ or pk_test_"), "a PacSpace key without its .SECRET part is malformed: {:?}", d.causes);

    let ok = d401(&record("pixlpay", AuthMode::Bearer), "pixlpay", "sk_live_1234567890abcdefghij");
    assert!(!any_cause(&ok, "does not look like"), "a well-formed key is not blamed: {:?}", ok.causes);
}

#[test]
fn a_401_spots_a_test_key_on_a_live_token_and_a_wrong_auth_mode() {
    let d = d401(&record("pacspace", AuthMode::ApiKey), "pacspace", "pk_test_PUBLIC.SECRETabc");
    assert!(any_cause(&d, "'test' key but the token is marked live"), "{:?}", d.causes);

    let d = d401(&record("shipped", AuthMode::Bearer), "shipped", "sk_live_1234567890abcdef");
    assert!(any_cause(&d, "expects raw Authorization auth"), "Shipped rejects the Bearer scheme: {:?}", d.causes);

    let d = d401(&pandabase_hmac(), "pandabase", "sk_live_1234567890abcdef");
    assert!(any_cause(&d, "signature did not match"), "{:?}", d.causes);
}

#[test]
fn a_401_body_echoing_the_secret_is_masked() {
    let secret = "sk_live_1234567890abcdefghij";
    let body = format!(r#"{{"message":"invalid token {secret}"}}"#);
    let d =
        diagnose(401, &[], body.as_bytes(), &record("pixlpay", AuthMode::Bearer), &profile("pixlpay"), Some(&Secret::new(secret)), &masker(), now())
            .expect("401");
    let said = d.causes.iter().find(|c| c.starts_with("The server says")).expect("the server's words are kept");
    assert!(!said.contains("1234567890"), "{said}");
}

#[test]
fn a_403_lists_the_missing_permissions_from_the_json_message() {
    let body = br#"{"error":"Forbidden","message":"Missing permissions: PRODUCTS_WRITE, ORDERS_READ"}"#;
    let mut rec = pandabase_hmac();
    rec.scopes = vec!["PRODUCTS_WRITE".into()];
    let d = diagnose(403, &[], body, &rec, &profile("pandabase"), None, &masker(), now()).expect("403");
    assert_eq!(d.missing_permissions, vec!["PRODUCTS_WRITE", "ORDERS_READ"]);
    assert!(any_cause(&d, "lists PRODUCTS_WRITE"), "the inventory claims a scope the API denies: {:?}", d.causes);
}

#[test]
fn a_403_reads_nested_errors_and_plain_text_bodies() {
    let nested = br#"{"error":{"code":"forbidden","message":"required scope: products:write"}}"#;
    let d = diagnose(403, &[], nested, &record("pixlpay", AuthMode::Bearer), &profile("pixlpay"), None, &masker(), now()).expect("403");
    assert_eq!(d.missing_permissions, vec!["products:write"]);
    let plain = b"Forbidden. Missing permission: STORE_READ";
    let d = diagnose(403, &[], plain, &pandabase_hmac(), &profile("pandabase"), None, &masker(), now()).expect("403");
    assert_eq!(d.missing_permissions, vec!["STORE_READ"]);
    let d = diagnose(403, &[], b"nope", &record("commerce", AuthMode::Bearer), &profile("commerce"), None, &masker(), now()).expect("403");
    assert!(d.missing_permissions.is_empty(), "no pattern, no guess");
    assert!(d.explanation.contains("own data"), "{}", d.explanation);
}

#[test]
fn a_429_reads_retry_after_as_seconds_or_an_http_date() {
    let rec = record("pixlpay", AuthMode::Bearer);
    let p = profile("pixlpay");
    let secs = vec![("Retry-After".to_string(), "17".to_string())];
    assert_eq!(diagnose(429, &secs, b"", &rec, &p, None, &masker(), now()).expect("429").retry_after_secs, Some(17));
    // now() is Sun, 01 Jun 2025 12:00:00 GMT.
    let date = vec![("retry-after".to_string(), "Sun, 01 Jun 2025 12:01:30 GMT".to_string())];
    let d = diagnose(429, &date, b"", &rec, &p, None, &masker(), now()).expect("429");
    assert_eq!(d.retry_after_secs, Some(90), "an HTTP date counts from now");
    assert!(any_cause(&d, "wait 90 s") && any_cause(&d, "60 requests per minute"), "{:?}", d.causes);
    let past = vec![("Retry-After".to_string(), "Sun, 01 Jun 2025 11:00:00 GMT".to_string())];
    assert_eq!(diagnose(429, &past, b"", &rec, &p, None, &masker(), now()).expect("429").retry_after_secs, Some(0), "a past date means retry now");
    let junk = vec![("Retry-After".to_string(), "soon".to_string())];
    assert_eq!(diagnose(429, &junk, b"", &rec, &p, None, &masker(), now()).expect("429").retry_after_secs, None);
}

#[test]
fn shape_hints_expand_the_environment_group() {
    assert_eq!(shape_hint("^sk_(?P<env>live|test)_[A-Za-z0-9]{6,}$", ""), vec!["sk_live_", "sk_test_"]);
    assert_eq!(shape_hint("^opt_(?P<env>live|test)_[A-Za-z0-9]{6,}$", ""), vec!["opt_live_", "opt_test_"]);
    assert_eq!(shape_hint("^stk_[A-Za-z0-9_]{4,}$", "stk_"), vec!["stk_"]);
}
