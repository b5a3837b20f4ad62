use super::*;
use crate::request::test_support::{pandabase_hmac, profile, record};
use crate::token::{AuthMode, Environment};

fn draft(method: &str, url: &str) -> RequestDraft {
    RequestDraft { method: method.into(), url: url.into(), ..RequestDraft::default() }
}

#[test]
fn a_path_joins_the_profile_base_url_and_fills_store_id_from_the_token() {
    let spec = draft("get", "/v2/core/stores/{storeId}/products")
        .resolve(&pandabase_hmac(), &profile("pandabase"), None)
        .expect("pandabase has a base URL and the token a store id");
    assert_eq!(spec.method, "GET", "methods are normalized to upper case");
    assert_eq!(spec.url, "https://api.pandabase.io/v2/core/stores/shp_abc123/products");
}

#[test]
fn the_tokens_base_url_wins_over_the_profile_and_the_override_wins_over_both() {
    let mut rec = pandabase_hmac();
    rec.base_url = Some("https://sandbox.example.com/prefix/".into());
    let d = draft("GET", "/v2/core/stores/{storeId}/products");
    let spec = d.resolve(&rec, &profile("pandabase"), None).expect("token base url");
    assert_eq!(
        spec.url, "https://sandbox.example.com/prefix/v2/core/stores/shp_abc123/products",
        "a base path prefix is kept, not replaced"
    );
    let spec = d.resolve(&rec, &profile("pandabase"), Some("http://127.0.0.1:8787")).expect("override");
    assert_eq!(spec.url, "http://127.0.0.1:8787/v2/core/stores/shp_abc123/products");
}

#[test]
fn a_path_without_any_base_url_says_to_set_the_tokens_base_url() {
    let mut rec = record("pacspace", AuthMode::ApiKey);
    rec.environment = Environment::Test;
    let err = draft("GET", "/api/v1/balance/derive/customer_001")
        .resolve(&rec, &profile("pacspace"), None)
        .expect_err("PacSpace test has no fixed sandbox URL");
    let msg = err.to_string();
    assert!(msg.contains("set the token's base URL"), "the message must say what to do: {msg}");
    assert!(msg.contains("PacSpace") && msg.contains("test"), "the message names provider and environment: {msg}");

    let err = draft("GET", "/api/v1/me")
        .resolve(&record("commerce", AuthMode::Bearer), &profile("commerce"), None)
        .expect_err("Commerce hosts vary");
    assert!(err.to_string().contains("set the token's base URL"), "{err}");
}

#[test]
fn unfilled_variables_are_an_error_naming_each_of_them_once() {
    let mut rec = record("pandabase", AuthMode::Bearer);
    rec.store_id = None;
    let err = draft("POST", "/v2/stores/{storeId}/tokens/{tokenId}/roll-secret?x={storeId}")
        .resolve(&rec, &profile("pandabase"), None)
        .expect_err("neither id is known");
    let msg = err.to_string();
    assert!(msg.contains("{storeId}") && msg.contains("{tokenId}"), "{msg}");
    assert_eq!(msg.matches("{storeId}").count(), 1, "each missing variable is named once: {msg}");
}

#[test]
fn user_variables_fill_the_template_and_are_path_encoded() {
    let mut d = draft("GET", "/api/v1/services/{id}");
    d.vars.insert("id".into(), "a b/c?d".into());
    let mut rec = record("commerce", AuthMode::Bearer);
    rec.base_url = Some("https://host.example".into());
    let spec = d.resolve(&rec, &profile("commerce"), None).expect("id filled");
    assert_eq!(spec.url, "https://host.example/api/v1/services/a%20b%2Fc%3Fd", "an id cannot add path segments or a query");
}

#[test]
fn the_path_variable_keeps_its_slashes_but_not_dot_segments() {
    let mut rec = record("shipped", AuthMode::Raw);
    rec.base_url = Some("https://api.shipped.example".into());
    let mut d = draft("GET", "/{path}");
    d.vars.insert("path".into(), "/v1/shipments/42".into());
    let spec = d.resolve(&rec, &profile("shipped"), None).expect("path filled");
    assert_eq!(spec.url, "https://api.shipped.example/v1/shipments/42");
    d.vars.insert("path".into(), "v1/../admin".into());
    let err = d.resolve(&rec, &profile("shipped"), None).expect_err("must not climb out");
    assert!(err.to_string().contains("{path}"), "{err}");
}

#[test]
fn query_pairs_are_appended_encoded_and_disabled_rows_are_dropped() {
    let mut d = draft("GET", "https://host.example/api/v1/invoices?status=open");
    d.query = vec![
        FormRow::new("page", "2"),
        FormRow::new("q", "café & co=1"),
        FormRow { name: "per_page".into(), value: "99".into(), enabled: false },
        FormRow::new("  ", "blank row"),
    ];
    let spec = d.resolve(&record("commerce", AuthMode::Bearer), &profile("commerce"), None).expect("absolute url");
    assert_eq!(spec.query, vec![("page".to_string(), "2".to_string()), ("q".to_string(), "café & co=1".to_string())]);
    let full = spec.full_url().expect("parses");
    assert_eq!(full.as_str(), "https://host.example/api/v1/invoices?status=open&page=2&q=caf%C3%A9+%26+co%3D1");
    let back: Vec<(String, String)> = full.query_pairs().into_owned().collect();
    assert_eq!(back[2].1, "café & co=1", "the encoded value decodes back to what the user typed");
}

#[test]
fn headers_are_checked_and_the_body_bytes_are_kept_exactly() {
    let mut d = draft("POST", "/v2/core/stores/{storeId}/products");
    d.body = "{\"name\":\"Café ☕\",\n \"amount\": 2999}\n".into();
    d.headers = vec![FormRow::new("Content-Type", "application/json"), FormRow { name: "X-Off".into(), value: "1".into(), enabled: false }];
    let spec = d.resolve(&pandabase_hmac(), &profile("pandabase"), None).expect("valid");
    assert_eq!(spec.body, d.body.as_bytes(), "the body is never re-serialized");
    assert_eq!(spec.headers, vec![("Content-Type".to_string(), "application/json".to_string())]);

    d.headers = vec![FormRow::new("X-Test", "a\r\nAuthorization: Bearer sk_live_x")];
    let err = d.resolve(&pandabase_hmac(), &profile("pandabase"), None).expect_err("header smuggling");
    assert!(!err.to_string().contains("sk_live_x"), "the value is not echoed: {err}");
    d.headers = vec![FormRow::new("Bad Name:", "1")];
    assert!(d.resolve(&pandabase_hmac(), &profile("pandabase"), None).is_err(), "a header name with a space or colon is refused");
}

#[test]
fn bad_urls_and_methods_are_refused_with_a_fix() {
    let p = profile("pandabase");
    let r = pandabase_hmac();
    let err = draft("GET", "api.pandabase.io/v2").resolve(&r, &p, None).expect_err("no scheme, no slash");
    assert!(err.to_string().contains("https://"), "{err}");
    assert!(draft("GET", "ftp://x.example/a").resolve(&r, &p, None).is_err(), "only http(s) is sent");
    assert!(draft("GE T", "/v2").resolve(&r, &p, None).is_err(), "a method with a space is refused");
    assert!(draft("GET", "/v2").resolve(&r, &p, Some("https://x.example/?k=1")).is_err(), "a base URL with a query is refused");
    assert_eq!(draft("", "/v2").resolve(&r, &p, None).expect("empty method").method, "GET", "an empty method means GET");
}

#[test]
fn a_catalogue_endpoint_becomes_a_draft_with_its_example_body_and_query() {
    let p = profile("pandabase");
    let ep = p.endpoints.iter().find(|e| e.id == "products.create").expect("catalogue has products.create");
    let d = RequestDraft::from_endpoint(ep);
    assert_eq!(d.method, "POST");
    let body: serde_json::Value = serde_json::from_str(&d.body).expect("example body is JSON");
    assert_eq!(body["amount"], 2999);
    assert!(d.headers.iter().any(|h| h.name == "Content-Type" && h.value == "application/json"));
    assert_eq!(d.endpoint_id.as_deref(), Some("products.create"));

    let c = profile("commerce");
    let ep = c.endpoints.iter().find(|e| e.id == "invoices.list").expect("catalogue has invoices.list");
    let d = RequestDraft::from_endpoint(ep);
    assert_eq!(d.query.iter().map(|q| q.name.as_str()).collect::<Vec<_>>(), vec!["page", "per_page"]);
    assert!(d.body.is_empty() && d.headers.is_empty(), "a GET has no body and no content type");
}

#[test]
fn template_variables_lists_names_in_order_once() {
    assert_eq!(template_variables("/v2/stores/{storeId}/tokens/{tokenId}/x/{storeId}"), vec!["storeId", "tokenId"]);
    assert!(template_variables("/api/v1/me").is_empty());
}
