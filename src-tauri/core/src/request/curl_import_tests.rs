//! The cURL examples are copied from the provider documents in `shared/seeds`, character for
//! character, except where the scraped page lost its newlines inside a multi-line script
//! (Pandabase's HMAC block): there the newlines are put back where the original has them.

use super::*;

fn header<'a>(d: &'a RequestDraft, name: &str) -> Option<&'a str> {
    d.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
}

#[test]
fn pandabase_bearer_example_as_scraped_with_its_collapsed_continuation() {
    let text = r#"curl https://api.pandabase.io/v2/core/stores/shp_xxx/products \  -H "Authorization: Bearer sk_live_abc123...""#;
    let imp = import_curl(text).expect("imports");
    assert_eq!(imp.draft.method, "GET");
    assert_eq!(imp.draft.url, "https://api.pandabase.io/v2/core/stores/shp_xxx/products");
    assert!(header(&imp.draft, "Authorization").is_none(), "the key is stripped from the draft");
    assert_eq!(imp.found.len(), 1);
    assert_eq!(imp.found[0].location, "header Authorization");
    assert_eq!(imp.found[0].suggested_mode, Some(AuthMode::Bearer));
    assert!(!imp.found[0].masked.contains("abc123"), "reported masked: {}", imp.found[0].masked);
}

#[test]
fn pandabase_hmac_post_example_fills_body_from_the_assignment_and_strips_signature() {
    let text = r#"# derive signing key: SHA-256 of your secret
SIGNING_KEY=$(echo -n "$TOKEN_SECRET" | openssl dgst -sha256 | awk '{print $2}')
# POST — sign the JSON body
BODY='{"name":"New Product","amount":2999,"type":"ONE_TIME"}'
SIGNATURE=$(echo -n "$BODY" | openssl dgst -sha256 -hmac "$SIGNING_KEY" | awk '{print $2}')
curl -X POST https://api.pandabase.io/v2/core/stores/shp_xxx/products \
  -H "Content-Type: application/json" \
  -H "Authorization: Bearer stk_xxx" \
  -H "X-Signature: $SIGNATURE" \
  -d "$BODY""#;
    let imp = import_curl(text).expect("imports");
    let d = &imp.draft;
    assert_eq!(d.method, "POST");
    assert_eq!(d.body, r#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#, "the earlier BODY='…' assignment is used");
    assert_eq!(header(d, "Content-Type"), Some("application/json"));
    assert_eq!(d.headers.len(), 1, "Authorization and X-Signature are stripped: {:?}", d.headers);
    let auth = imp.found.iter().find(|f| f.location == "header Authorization").expect("reported");
    assert_eq!(auth.suggested_mode, Some(AuthMode::Hmac), "Bearer stk_… means an HMAC token");
    assert_eq!(auth.token_id.as_deref(), Some("stk_xxx"), "the public token id is kept to find the vault token");
    assert!(imp.found.iter().any(|f| f.location == "header X-Signature"));
    assert!(!imp.notes.iter().any(|n| n.contains("$SIGNATURE")), "no note about a variable in a stripped header: {:?}", imp.notes);
}

#[test]
fn pandabase_hmac_get_example_from_the_same_script() {
    let text = r#"SIGNING_KEY=$(echo -n "$TOKEN_SECRET" | openssl dgst -sha256 | awk '{print $2}')
# GET — sign empty string
SIGNATURE=$(echo -n "" | openssl dgst -sha256 -hmac "$SIGNING_KEY" | awk '{print $2}')
curl https://api.pandabase.io/v2/core/stores/shp_xxx/products \
  -H "Authorization: Bearer stk_xxx" \
  -H "X-Signature: $SIGNATURE""#;
    let imp = import_curl(text).expect("imports");
    assert_eq!((imp.draft.method.as_str(), imp.draft.body.as_str()), ("GET", ""));
    assert!(imp.draft.headers.is_empty());
}

#[test]
fn pixlpay_example() {
    let text = "curl https://api.pixlpay.net/v1/store/products \\\n  -H \"Authorization: Bearer sk_live_your_token_here\"";
    let imp = import_curl(text).expect("imports");
    assert_eq!(imp.draft.url, "https://api.pixlpay.net/v1/store/products");
    assert_eq!(imp.found[0].suggested_mode, Some(AuthMode::Bearer));
    assert!(!imp.found[0].masked.contains("your_token"), "{}", imp.found[0].masked);
}

#[test]
fn pacspace_api_key_example() {
    let text = "curl https://app.pacspace.io/api/v1/balance/derive/customer_001 \\\n  -H \"X-Api-Key: pk_live_PUBLIC.SECRET\"";
    let imp = import_curl(text).expect("imports");
    assert_eq!(imp.draft.url, "https://app.pacspace.io/api/v1/balance/derive/customer_001");
    assert_eq!(imp.found[0].location, "header X-Api-Key");
    assert_eq!(imp.found[0].suggested_mode, Some(AuthMode::ApiKey));
    assert!(!imp.found[0].masked.contains("SECRET"), "{}", imp.found[0].masked);
}

#[test]
fn pacspace_dashboard_login_example_keeps_the_multiline_body_and_ignores_the_cookie_jar() {
    let text = "curl -X POST https://app.pacspace.io/dashboard/auth/login \\\n  -c pacspace-dashboard-cookies.txt \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\n    \"email\": \"you@example.com\",\n    \"password\": \"your-secure-password\"\n  }'";
    let imp = import_curl(text).expect("imports");
    assert_eq!(imp.draft.method, "POST");
    let body: serde_json::Value = serde_json::from_str(&imp.draft.body).expect("the body is the JSON typed");
    assert_eq!(body["email"], "you@example.com");
    assert!(imp.draft.body.contains("\n    \"email\""), "whitespace inside quotes is kept byte for byte");
    assert_eq!(header(&imp.draft, "Content-Type"), Some("application/json"), "an explicit content type is not replaced");
    assert!(imp.notes.iter().any(|n| n.contains("-c")), "the ignored cookie jar is noted: {:?}", imp.notes);
}

#[test]
fn pacspace_dashboard_cookie_request_reports_nothing_to_strip() {
    let imp = import_curl("curl https://app.pacspace.io/dashboard/api-keys \\\n  -b pacspace-dashboard-cookies.txt").expect("imports");
    assert!(imp.found.is_empty(), "a cookie file name is not a credential");
    assert!(imp.notes.iter().any(|n| n.contains("-b pacspace-dashboard-cookies.txt") && n.contains("left out")), "{:?}", imp.notes);
}

#[test]
fn commerce_example() {
    let text = "curl https://your-domain.com/api/v1/me \\\n  -H \"Authorization: Bearer opt_live_abc123...\"";
    let imp = import_curl(text).expect("imports");
    assert_eq!(imp.draft.url, "https://your-domain.com/api/v1/me");
    assert_eq!(imp.found[0].suggested_mode, Some(AuthMode::Bearer));
}

#[test]
fn shipped_example_is_raw_authorization() {
    let text = "curl \"api_endpoint_here\" \\\n-H \"Authorization: pk_production_a238d34b83d3e68628704c9b91d82bd18bd20a48cfe21bc8f2065f23af897a3f\"";
    let imp = import_curl(text).expect("imports");
    assert_eq!(imp.found[0].suggested_mode, Some(AuthMode::Raw), "a key with no scheme is Shipped's raw mode");
    assert_eq!(imp.found[0].masked, "pk_production_••••7a3f");
    assert_eq!(imp.draft.url, "http://api_endpoint_here", "no scheme: http://, as curl uses");
    assert!(imp.notes.iter().any(|n| n.contains("curl uses http://")), "{:?}", imp.notes);
}

#[test]
fn chrome_copy_as_curl_with_ansi_c_quotes_and_flags() {
    let text = r#"curl 'https://api.example.com/v1/items?page=2&api_key=abcdef1234567890abcdef' \
  -H 'accept: application/json' \
  -H 'x-api-key: sk_live_aaaaaaaaaaaaaaaaaaaaaaaa' \
  --data-raw $'{"note":"it\'s ok"}' \
  --compressed"#;
    let imp = import_curl(text).expect("imports");
    let d = &imp.draft;
    assert_eq!(d.method, "POST", "a body without -X means POST");
    assert_eq!(d.body, r#"{"note":"it's ok"}"#);
    assert_eq!(d.url, "https://api.example.com/v1/items");
    assert_eq!(d.query, vec![FormRow::new("page", "2")], "the key in the query is stripped");
    assert_eq!(header(d, "accept"), Some("application/json"));
    assert_eq!(header(d, "Content-Type"), Some("application/x-www-form-urlencoded"), "curl's default for -d");
    let locations: Vec<&str> = imp.found.iter().map(|f| f.location.as_str()).collect();
    assert_eq!(locations, vec!["header x-api-key", "query api_key"]);
    assert!(imp.notes.is_empty(), "--compressed is silently fine: {:?}", imp.notes);
}

#[test]
fn get_with_data_json_user_and_attached_short_options() {
    let imp = import_curl("curl -sSG https://h.example/s -d q=caf%C3%A9 --data-urlencode 'name=a b&c' -u me:pw").expect("imports");
    assert_eq!(imp.draft.method, "GET");
    assert!(imp.draft.body.is_empty(), "-G moves data to the query");
    assert_eq!(imp.draft.query, vec![FormRow::new("q", "café"), FormRow::new("name", "a b&c")]);
    assert_eq!(imp.found[0].location, "-u (basic auth)");
    assert!(!imp.found[0].masked.contains("pw"));

    let imp = import_curl(r#"curl -XPUT --url https://h.example/x --json '{"a":1}'"#).expect("imports");
    assert_eq!(imp.draft.method, "PUT", "-XPUT is -X PUT");
    assert_eq!(imp.draft.body, r#"{"a":1}"#);
    assert_eq!(header(&imp.draft, "Content-Type"), Some("application/json"), "--json sets the JSON content type");
    assert_eq!(header(&imp.draft, "Accept"), Some("application/json"));
}

#[test]
fn store_id_variables_in_the_url_become_template_variables() {
    let imp = import_curl(
        r#"curl "https://api.pandabase.io/v2/core/stores/${PANDABASE_STORE_ID}/products" -H "Authorization: Bearer $PANDABASE_API_TOKEN""#,
    )
    .expect("imports");
    assert_eq!(imp.draft.url, "https://api.pandabase.io/v2/core/stores/{storeId}/products", "the token's store id fills it");
    assert_eq!(imp.found[0].masked, "$PANDABASE_API_TOKEN", "a variable reference is shown by name, there is no value");
}

#[test]
fn unknown_variables_and_files_are_noted_and_bad_input_is_an_error() {
    let imp = import_curl(r#"curl https://h.example -H "X-Trace: $TRACE" --data-binary @body.json"#).expect("imports");
    assert!(imp.notes.iter().any(|n| n.contains("$TRACE")), "{:?}", imp.notes);
    assert!(imp.notes.iter().any(|n| n.contains("@body.json")), "{:?}", imp.notes);
    let imp = import_curl(r#"curl https://h.example -H "Bearer sk_live_abcdefghijklmnopqrstuvwxyz""#).expect("imports");
    assert!(imp.draft.headers.is_empty(), "a nameless header is dropped");
    assert!(imp.notes.iter().all(|n| !n.contains("abcdefghij")), "the note must not echo a bare key: {:?}", imp.notes);
    assert!(import_curl("wget https://h.example").expect_err("not curl").to_string().contains("no curl command"));
    assert!(import_curl("curl -H 'A: b'").expect_err("no url").to_string().contains("no URL"));
    assert!(import_curl("curl 'https://h.example").expect_err("quote").to_string().contains("unclosed"));
    assert!(import_curl("curl https://h.example -X").expect_err("value").to_string().contains("-X"));
}
