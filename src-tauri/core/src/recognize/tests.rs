//! Recognition tests: every shape in providers.md, host disambiguation, each warning, and that
//! nothing recognition returns can carry the secret.

use super::*;

const BODY: &str = "Q7x9Lm2Pz4Rt8Kw1Vb6N";
const HEX64: &str = "a238d34b83d3e68628704c9b91d82bd18bd20a48cfe21bc8f2065f23af897a3f";

fn rec(value: &str) -> Recognition {
    recognize(value, None, &Profiles::bundled())
}

fn rec_at(value: &str, host: &str) -> Recognition {
    recognize(value, Some(host), &Profiles::bundled())
}

fn providers(r: &Recognition) -> Vec<&str> {
    r.candidates.iter().map(|c| c.provider.as_str()).collect()
}

fn codes(r: &Recognition) -> Vec<WarningCode> {
    r.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn sk_live_is_ambiguous_between_pandabase_pixlpay_and_shipped_and_says_so() {
    let r = rec(&format!("sk_live_{BODY}"));
    assert_eq!(providers(&r), ["pandabase", "pixlpay", "shipped"], "all three document sk_live_; ties sort by id");
    for c in &r.candidates {
        assert_eq!(c.environment, Some(Environment::Live));
        assert_eq!(c.role, ValueRole::Secret);
        assert_eq!(c.kind, TokenKind::SecretKey);
        assert!(c.confidence < BASE_CONFIDENCE, "a shared prefix must lower confidence, got {}", c.confidence);
        assert!(c.reason.contains("also used by") && c.reason.contains("Stripe"), "reason must name the collision: {}", c.reason);
    }
    let auth: Vec<AuthMode> = r.candidates.iter().map(|c| c.auth_mode).collect();
    assert_eq!(auth, [AuthMode::Bearer, AuthMode::Bearer, AuthMode::Raw], "each profile's default auth mode (Shipped sends the raw key)");
    assert!(r.warnings.is_empty(), "a well-formed secret needs no warning: {:?}", r.warnings);
    assert_eq!(r.masked, "sk_live_••••Vb6N");
}

#[test]
fn sk_test_is_a_test_environment_secret() {
    let r = rec(&format!("sk_test_{BODY}"));
    assert_eq!(providers(&r), ["pandabase", "pixlpay", "shipped"]);
    assert!(r.candidates.iter().all(|c| c.environment == Some(Environment::Test)));
}

#[test]
fn the_api_host_decides_between_colliding_providers() {
    let value = format!("sk_live_{BODY}");
    let r = rec_at(&value, "api.pandabase.io");
    assert_eq!(r.best().map(|c| c.provider.as_str()), Some("pandabase"), "api.pandabase.io must put Pandabase first");
    assert!(r.candidates[0].confidence > r.candidates[1].confidence, "the host must separate, not tie");
    assert!(r.candidates[0].reason.contains("api.pandabase.io"), "{}", r.candidates[0].reason);
    let r = rec_at(&value, "https://API.pixlpay.net/v1/store");
    assert_eq!(r.best().map(|c| c.provider.as_str()), Some("pixlpay"), "a URL and upper case still name Pixlpay's host");
    assert!(!codes(&r).contains(&WarningCode::HostMismatch));
}

#[test]
fn a_lookalike_host_does_not_count_as_the_providers() {
    let r = rec_at(&format!("sk_live_{BODY}"), "evilapi.pandabase.io.attacker.net");
    assert!(r.candidates.iter().all(|c| c.confidence < BASE_CONFIDENCE), "{:?}", r.candidates);
}

#[test]
fn stk_is_a_pandabase_token_id_for_hmac_and_is_warned_about() {
    let r = rec(&format!("stk_{BODY}"));
    assert_eq!(providers(&r), ["pandabase"]);
    let c = &r.candidates[0];
    assert_eq!((c.role, c.kind, c.auth_mode), (ValueRole::TokenId, TokenKind::HmacToken, AuthMode::Hmac));
    assert_eq!(c.environment, None, "a token id says nothing about the environment");
    assert_eq!(c.confidence, BASE_CONFIDENCE, "only one provider has stk_");
    assert_eq!(codes(&r), [WarningCode::TokenIdAsSecret]);
    assert!(r.warnings[0].message.contains("Token ID"), "{}", r.warnings[0].message);
}

#[test]
fn pacspace_key_gives_its_public_id_but_never_its_secret_half() {
    let r = rec("pk_live_pubABC123.s3cr3tHalfXYZ987");
    assert_eq!(providers(&r), ["pacspace"], "the dot form is PacSpace's, not a Shipped publishable key");
    let c = &r.candidates[0];
    assert_eq!((c.environment, c.role, c.auth_mode), (Some(Environment::Live), ValueRole::Secret, AuthMode::ApiKey));
    assert_eq!(r.public_id.as_deref(), Some("pubABC123"));
    let json = serde_json::to_string(&r).expect("serialize");
    assert!(!json.contains("s3cr3tHalf"), "the secret half leaked: {json}");
    let r = rec("pk_test_pub-1.sec_2");
    assert_eq!(r.candidates[0].environment, Some(Environment::Test));
    assert_eq!(r.public_id.as_deref(), Some("pub-1"));
}

#[test]
fn shipped_publishable_keys_are_recognized_and_warned_about() {
    let r = rec(&format!("pk_production_{HEX64}"));
    assert_eq!(providers(&r), ["shipped"]);
    let c = &r.candidates[0];
    assert_eq!((c.environment, c.role, c.kind, c.auth_mode), (Some(Environment::Live), ValueRole::Publishable, TokenKind::PublishableKey, AuthMode::Raw));
    assert_eq!(codes(&r), [WarningCode::PublishableKey]);
    assert_eq!(r.masked, "pk_production_••••7a3f");
    let r = rec(&format!("pk_test_{BODY}"));
    assert_eq!(providers(&r), ["shipped"], "pk_test_ without a dot is not a PacSpace key");
    assert_eq!(r.candidates[0].environment, Some(Environment::Test));
    assert!(r.candidates[0].reason.contains("Stripe"), "pk_test_ is Stripe's too: {}", r.candidates[0].reason);
    let r = rec(&format!("sk_sandbox_{BODY}"));
    assert_eq!((providers(&r), r.candidates[0].environment), (vec!["shipped"], Some(Environment::Test)), "sandbox means test");
}

#[test]
fn opt_live_is_a_commerce_bearer_token() {
    let r = rec(&format!("opt_live_{BODY}"));
    assert_eq!(providers(&r), ["commerce"]);
    let c = &r.candidates[0];
    assert_eq!((c.environment, c.auth_mode, c.confidence), (Some(Environment::Live), AuthMode::Bearer, BASE_CONFIDENCE));
    assert!(!c.reason.contains("also used"), "opt_live_ collides with nobody: {}", c.reason);
}

#[test]
fn shp_is_a_store_id_not_a_secret() {
    let r = rec("shp_abc123");
    assert_eq!(providers(&r), ["pandabase"]);
    assert_eq!(r.candidates[0].role, ValueRole::StoreId);
    assert_eq!(codes(&r), [WarningCode::StoreId]);
}

#[test]
fn empty_and_blank_values_warn_empty_and_nothing_else() {
    for v in ["", "  \n\t "] {
        let r = rec(v);
        assert_eq!(codes(&r), [WarningCode::Empty], "for {v:?}");
        assert!(r.candidates.is_empty() && r.masked.is_empty());
    }
}

#[test]
fn surrounding_whitespace_is_trimmed_and_warned_about() {
    let r = rec(&format!("  sk_live_{BODY}\n"));
    assert_eq!(codes(&r), [WarningCode::Whitespace]);
    assert!(r.warnings[0].message.contains("trimmed"));
    assert_eq!(r.candidates.len(), 3, "recognition works on the trimmed value");
}

#[test]
fn a_space_inside_is_a_whitespace_warning_and_no_match() {
    let r = rec("sk_live_abc def123456");
    assert_eq!(codes(&r), [WarningCode::Whitespace, WarningCode::Unrecognized]);
    assert!(r.warnings[0].message.contains("inside"));
}

#[test]
fn a_line_break_inside_is_a_copy_paste_error() {
    let r = rec("sk_live_abc123\r\ndef456");
    assert_eq!(codes(&r), [WarningCode::LineBreak, WarningCode::Unrecognized]);
}

#[test]
fn a_control_character_inside_is_flagged_by_position_without_the_value() {
    for (value, described) in [("sk_live_\0abcdef123456", "U+0000 (NUL) at character 9"), ("sk_live_abc\tdef123456", "U+0009 (tab) at character 12")] {
        let r = rec(value);
        assert!(codes(&r).contains(&WarningCode::ControlCharacter), "{value:?}: {:?}", codes(&r));
        assert!(!codes(&r).contains(&WarningCode::Whitespace), "a tab is a control character, not a space: {:?}", codes(&r));
        let message = &r.warnings.iter().find(|w| w.code == WarningCode::ControlCharacter).expect("warned").message;
        assert!(message.contains(described), "{message}");
        assert!(!message.contains("abc"), "the message must not repeat the value: {message}");
    }
}

#[test]
fn an_over_long_value_warns_about_the_windows_limit() {
    let r = rec(&format!("sk_live_{}", "a".repeat(MAX_SECRET_CHARS)));
    assert_eq!(codes(&r), [WarningCode::TooLong]);
    assert!(r.warnings[0].message.contains("1280"), "{}", r.warnings[0].message);
    let at_limit = format!("sk_live_{}", "a".repeat(MAX_SECRET_CHARS - 8));
    assert!(rec(&at_limit).warnings.is_empty(), "exactly the limit is storable");
}

#[test]
fn an_unknown_value_is_unrecognized_but_storable_as_custom() {
    let r = rec("ghp_0123456789abcdefXYZW");
    assert!(r.candidates.is_empty());
    assert_eq!(codes(&r), [WarningCode::Unrecognized]);
    assert!(r.warnings[0].message.contains("Custom"));
    assert_eq!(r.masked, "••••XYZW");
}

#[test]
fn a_host_whose_provider_has_no_matching_shape_is_a_mismatch() {
    let r = rec_at(&format!("opt_live_{BODY}"), "api.pixlpay.net");
    assert_eq!(providers(&r), ["commerce"]);
    assert_eq!(codes(&r), [WarningCode::HostMismatch]);
    assert!(r.warnings[0].message.contains("Pixlpay"), "{}", r.warnings[0].message);
    let r = rec_at(&format!("sk_live_{BODY}"), "api.example.com");
    assert!(!codes(&r).contains(&WarningCode::HostMismatch), "an unknown host is no provider's: nothing to mismatch");
}

#[test]
fn serialized_recognition_never_contains_the_secret() {
    let values = [
        format!("sk_live_{BODY}"),
        format!("  sk_test_{BODY} "),
        format!("stk_{BODY}"),
        format!("pk_production_{HEX64}"),
        format!("opt_live_{BODY}"),
        "pk_live_pubABC123.s3cr3tHalfXYZ987".to_owned(),
        "ghp_0123456789abcdefXYZW".to_owned(),
        format!("sk_live_{}", "Zq".repeat(700)),
    ];
    for v in &values {
        for host in [None, Some("api.pandabase.io"), Some("api.pixlpay.net")] {
            let r = recognize(v, host, &Profiles::bundled());
            let json = serde_json::to_string(&r).expect("serialize");
            let body = v.trim().rsplit(['_', '.']).next().unwrap_or_default();
            assert!(body.len() >= 8, "test precondition: a real body");
            for w in body.as_bytes().windows(5) {
                let w = std::str::from_utf8(w).expect("ascii");
                assert!(!json.contains(w), "recognition JSON leaks {w:?} of the secret: {json}");
            }
        }
    }
}

#[test]
fn json_uses_the_contracts_camel_case_names() {
    let json = serde_json::to_value(rec_at("pk_live_pub1.secretpart1", "app.pacspace.io")).expect("serialize");
    let c = &json["candidates"][0];
    for key in ["provider", "providerName", "environment", "kind", "role", "authMode", "confidence", "reason"] {
        assert!(c.get(key).is_some(), "candidate lacks {key}: {c}");
    }
    assert_eq!(c["authMode"], "apiKey");
    assert_eq!(c["confidence"], 95, "unique shape plus its own host");
    assert_eq!(json["publicId"], "pub1");
    let warned = serde_json::to_value(rec("stk_abcdef")).expect("serialize");
    assert_eq!(warned["warnings"][0]["code"], "tokenIdAsSecret");
    assert!(warned.get("publicId").is_none(), "absent optional fields are omitted, not null");
    let env_less = &warned["candidates"][0];
    assert!(env_less.get("environment").is_none(), "environment is optional in the contract");
}

#[test]
fn boost_reorders_and_explains() {
    let mut r = rec(&format!("sk_live_{BODY}"));
    r.boost("shipped", HOST_BONUS, "The variable name says SHIPPED.");
    let best = r.best().expect("candidates");
    assert_eq!(best.provider, "shipped");
    assert!(best.reason.ends_with("The variable name says SHIPPED."));
    r.boost("shipped", 200, "again");
    assert_eq!(r.best().map(|c| c.confidence), Some(100), "confidence is capped at 100");
}

#[test]
fn a_user_profile_with_a_broken_pattern_does_not_stop_recognition() {
    let mut profiles = Profiles::bundled();
    let mut bad = profiles.require("commerce").expect("bundled").clone();
    bad.id = "broken".into();
    bad.shapes[0].pattern = "^(unclosed".into();
    profiles.insert(bad);
    assert_eq!(providers(&recognize(&format!("opt_live_{BODY}"), None, &profiles)), ["commerce"]);
}

#[test]
fn environment_words_map_to_live_or_test() {
    for w in ["live", "production", "prod", "LIVE"] {
        assert_eq!(environment_named(w), Some(Environment::Live), "{w}");
    }
    for w in ["test", "sandbox", "staging", "development", "dev"] {
        assert_eq!(environment_named(w), Some(Environment::Test), "{w}");
    }
    assert_eq!(environment_named("qa"), None, "unknown words must not guess");
}
