//! The signers against the outside world: RFC 4231's HMAC-SHA256 vectors, and the exact
//! openssl pipeline and Python snippet from Pandabase's documentation run for real, so a
//! server following those documents accepts what Tokenbench sends.

use super::auth::{auth_headers, auth_headers_for, AuthHeader};
use super::test_support::{pandabase_hmac, profile, record, run};
use crate::skip;
use crate::hmac_sign;
use crate::mask::{MaskLevel, Masker};
use crate::profile::Profiles;
use crate::secret::Secret;
use crate::token::AuthMode;

/// What a screen shows of a header, by the one masking rule.
fn shown(h: &AuthHeader) -> String {
    h.display(&Masker::new(&Profiles::bundled(), MaskLevel::Normal))
}

fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s).expect("test vector is hex")
}

#[test]
fn hmac_sha256_matches_rfc_4231_test_cases_1_to_4_6_and_7() {
    let big_key = vec![0xaa_u8; 131];
    let cases: [(&str, Vec<u8>, Vec<u8>, &str); 6] = [
        ("1", vec![0x0b; 20], b"Hi There".to_vec(), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        ("2", b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec(), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ("3", vec![0xaa; 20], vec![0xdd; 50], "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        ("4", unhex("0102030405060708090a0b0c0d0e0f10111213141516171819"), vec![0xcd; 50], "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ("6", big_key.clone(), b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        (
            "7",
            big_key,
            b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".to_vec(),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        ),
    ];
    for (case, key, data, expected) in cases {
        assert_eq!(hmac_sign::hmac_sha256_hex(&key, &data), expected, "RFC 4231 test case {case}");
    }
}

/// The bodies every cross-check signs: empty (GET/DELETE), the seed's JSON, Unicode, 1 MiB.
fn bodies() -> Vec<(&'static str, Vec<u8>)> {
    let mib: Vec<u8> = (0..1024 * 1024).map(|i| b'a' + (i % 26) as u8).collect();
    vec![
        ("empty", Vec::new()),
        ("seed JSON", br#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#.to_vec()),
        ("unicode", "{\"name\":\"Café ☕ 製品\",\"note\":\"naïve — ok\"}".as_bytes().to_vec()),
        ("1 MiB", mib),
    ]
}

const SECRETS: [&str; 2] = ["sk_live_abc123DEF456ghi789", "sk_test_ünïcode-secret ☕"];

/// The documented cURL recipe: `SIGNING_KEY=$(echo -n "$TOKEN_SECRET" | openssl dgst -sha256 |
/// awk '{print $2}')`, then `openssl dgst -sha256 -hmac "$SIGNING_KEY"` over the body. The
/// body comes through stdin (a 1 MiB body cannot be an environment variable); small bodies
/// also go through the seed's literal `echo -n "$BODY"`.
fn openssl_signature(secret: &str, body: &[u8]) -> String {
    let script = r#"SIGNING_KEY=$(echo -n "$TOKEN_SECRET" | openssl dgst -sha256 | awk '{print $2}')
SIGNATURE=$(openssl dgst -sha256 -hmac "$SIGNING_KEY" | awk '{print $2}')
printf '%s' "$SIGNATURE""#;
    let ran = run("bash", &["-c", script], &[("TOKEN_SECRET", secret)], body);
    assert!(ran.ok, "openssl pipeline failed: {}", ran.stderr);
    if body.len() < 64 * 1024 {
        let body_text = std::str::from_utf8(body).expect("small test bodies are UTF-8");
        let literal = r#"SIGNING_KEY=$(echo -n "$TOKEN_SECRET" | openssl dgst -sha256 | awk '{print $2}')
SIGNATURE=$(echo -n "$BODY" | openssl dgst -sha256 -hmac "$SIGNING_KEY" | awk '{print $2}')
printf '%s' "$SIGNATURE""#;
        let echoed = run("bash", &["-c", literal], &[("TOKEN_SECRET", secret), ("BODY", body_text)], b"");
        assert_eq!(echoed.stdout, ran.stdout, "the seed's echo -n \"$BODY\" form and stdin agree");
    }
    ran.stdout
}

/// The documented Python: `hashlib.sha256(TOKEN_SECRET.encode()).hexdigest()` as key and
/// `hmac.new(SIGNING_KEY.encode(), body.encode(), hashlib.sha256).hexdigest()`.
fn python_signature(secret: &str, body: &[u8]) -> String {
    let script = r#"
import hashlib, hmac, os, sys
TOKEN_SECRET = os.environ["TOKEN_SECRET"]
SIGNING_KEY = hashlib.sha256(TOKEN_SECRET.encode()).hexdigest()
def sign(body: str) -> str:
    return hmac.new(SIGNING_KEY.encode(), body.encode(), hashlib.sha256).hexdigest()
body = sys.stdin.buffer.read().decode("utf-8")
sys.stdout.write(sign(body))
"#;
    let ran = run("python3", &["-c", script], &[("TOKEN_SECRET", secret)], body);
    assert!(ran.ok, "python snippet failed: {}", ran.stderr);
    ran.stdout
}

#[test]
fn hmac_signature_equals_the_documented_openssl_pipeline_for_every_body() {
    if !skip::tools_available(&["openssl", "bash"]) {
        return;
    }
    for secret in SECRETS {
        for (label, body) in bodies() {
            let ours = hmac_sign::signature(&Secret::new(secret), &body);
            assert_eq!(ours.len(), 64, "signatures are 64 hex characters");
            assert_eq!(openssl_signature(secret, &body), ours, "openssl disagrees for the {label} body");
        }
    }
}

#[test]
fn hmac_signature_equals_the_documented_python_snippet_for_every_body() {
    if !skip::tools_available(&["python3"]) {
        return;
    }
    for secret in SECRETS {
        for (label, body) in bodies() {
            let ours = hmac_sign::signature(&Secret::new(secret), &body);
            assert_eq!(python_signature(secret, &body), ours, "Python disagrees for the {label} body");
        }
    }
}

#[test]
fn hmac_mode_sends_the_token_id_and_a_signature_of_the_exact_body_never_the_secret() {
    let secret = Secret::new("sk_live_abc123DEF456ghi789");
    let body = br#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#;
    let headers = auth_headers(&pandabase_hmac(), &secret, body).expect("token id present");
    let pairs: Vec<(&str, &str)> = headers.iter().map(|h| (h.name.as_str(), h.value.expose())).collect();
    let sig = hmac_sign::signature(&secret, body);
    assert_eq!(pairs, vec![("Authorization", "Bearer stk_9f8e7d6c5b4a"), ("X-Signature", sig.as_str())]);
    for h in &headers {
        assert!(!h.value.expose().contains("abc123DEF"), "the HMAC secret never travels");
        assert_eq!(shown(h), h.value.expose(), "token id and signature are public and shown in full");
    }
    let spaced = br#"{"name": "New Product", "amount": 2999, "type": "ONE_TIME"}"#;
    let other = auth_headers(&pandabase_hmac(), &secret, spaced).expect("signs");
    assert_ne!(other[1].value.expose(), sig, "the bytes signed are the bytes given: whitespace changes the signature");
    let empty = auth_headers(&pandabase_hmac(), &secret, b"").expect("GET");
    assert_eq!(empty[1].value.expose(), hmac_sign::signature(&secret, b""), "a GET signs the empty string");
}

#[test]
fn hmac_mode_without_token_id_or_with_the_secret_as_token_id_is_refused() {
    let mut rec = pandabase_hmac();
    rec.token_id = None;
    let err = auth_headers(&rec, &Secret::new("sk_live_abc123DEF456ghi789"), b"").expect_err("no token id");
    assert!(err.to_string().contains("HMAC mode needs the stk_ token ID"), "{err}");
    rec.token_id = Some("sk_live_abc123DEF456ghi789".into());
    let err = auth_headers(&rec, &Secret::new("sk_live_abc123DEF456ghi789"), b"").expect_err("would leak the secret");
    assert!(!err.to_string().contains("abc123DEF"), "the error must not contain the secret: {err}");
}

#[test]
fn bearer_sends_the_secret_with_the_scheme_and_displays_it_masked() {
    let secret = Secret::new("sk_live_1234567890abcdefghijklmnopqrstuvwxyz");
    let h = auth_headers(&record("pixlpay", AuthMode::Bearer), &secret, b"").expect("bearer");
    assert_eq!(h.len(), 1);
    assert_eq!((h[0].name.as_str(), h[0].value.expose()), ("Authorization", "Bearer sk_live_1234567890abcdefghijklmnopqrstuvwxyz"));
    assert_eq!(shown(&h[0]), "Bearer sk_live_••••wxyz");
    assert_eq!(h[0].shown(&Masker::new(&Profiles::bundled(), MaskLevel::Normal)).value, "Bearer sk_live_••••wxyz", "the UI form is the masked one");
}

#[test]
fn api_key_uses_the_record_header_then_the_profile_header_then_x_api_key() {
    let secret = Secret::new("pk_live_PUBLIC123.SECRETabcdefghijklmnop");
    let mut rec = record("pacspace", AuthMode::ApiKey);
    let h = auth_headers(&rec, &secret, b"").expect("apiKey");
    assert_eq!(
        (h[0].name.as_str(), h[0].value.expose()),
        ("X-Api-Key", "pk_live_PUBLIC123.SECRETabcdefghijklmnop"),
        "the full key, public id and secret"
    );
    assert!(!shown(&h[0]).contains("SECRETabc"), "display masks the key: {}", shown(&h[0]));

    let mut p = profile("pacspace");
    p.auth_header = Some("X-Pac-Key".into());
    let h = auth_headers_for(&rec, Some(&p), &secret, b"").expect("profile header");
    assert_eq!(h[0].name, "X-Pac-Key", "the profile's header name applies when the record has none");
    rec.auth_header = Some("X-Custom-Key".into());
    let h = auth_headers_for(&rec, Some(&p), &secret, b"").expect("record header");
    assert_eq!(h[0].name, "X-Custom-Key", "the record's header name wins");
}

#[test]
fn raw_sends_the_key_without_a_scheme_as_shipped_requires() {
    let key = "pk_production_a238d34b83d3e68628704c9b91d82bd18bd20a48cfe21bc8f2065f23af897a3f";
    let h = auth_headers(&record("shipped", AuthMode::Raw), &Secret::new(key), b"").expect("raw");
    assert_eq!((h[0].name.as_str(), h[0].value.expose()), ("Authorization", key));
    assert_eq!(shown(&h[0]), "pk_production_••••7a3f");
}

#[test]
fn custom_uses_the_chosen_header_and_prefix_and_none_sends_nothing() {
    let mut rec = record("custom", AuthMode::Custom);
    let secret = Secret::new("abcdefghijklmnopqrstuvwxyz0123");
    let h = auth_headers(&rec, &secret, b"").expect("custom default");
    assert_eq!((h[0].name.as_str(), h[0].value.expose()), ("Authorization", "abcdefghijklmnopqrstuvwxyz0123"));
    rec.auth_header = Some("X-Auth".into());
    rec.auth_prefix = Some("Token ".into());
    let h = auth_headers(&rec, &secret, b"").expect("custom");
    assert_eq!((h[0].name.as_str(), h[0].value.expose()), ("X-Auth", "Token abcdefghijklmnopqrstuvwxyz0123"));
    assert_eq!(shown(&h[0]), "Token ••••0123");
    rec.auth_header = Some("X Auth:".into());
    assert!(auth_headers(&rec, &secret, b"").is_err(), "an invalid header name is refused");

    let none = auth_headers(&record("custom", AuthMode::None), &Secret::new(""), b"body").expect("none");
    assert!(none.is_empty(), "mode none adds no header, even with an empty secret");
}

#[test]
fn empty_or_multiline_secrets_are_refused_without_echoing_them() {
    let rec = record("pixlpay", AuthMode::Bearer);
    assert!(auth_headers(&rec, &Secret::new("  "), b"").is_err(), "an empty secret would send 'Bearer '");
    let err = auth_headers(&rec, &Secret::new("sk_live_abc\r\nX-Evil: 1"), b"").expect_err("header injection");
    assert!(!err.to_string().contains("sk_live_abc"), "{err}");
}
