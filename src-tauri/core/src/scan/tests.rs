//! Scan tests: a realistic `.env` with all five providers, quoting and comments, pairing of
//! token ids and store ids, de-duplication, names, and tokens in pasted prose.

use super::*;
use crate::recognize::WarningCode;

/// The Shipped Suite example key from providers.md.
const HEX64_KEY: &str = "pk_production_a238d34b83d3e68628704c9b91d82bd18bd20a48cfe21bc8f2065f23af897a3f";

fn run(text: &str) -> Vec<Found> {
    scan(text, &Profiles::bundled())
}

fn find<'a>(found: &'a [Found], name: &str) -> &'a Found {
    found.iter().find(|f| f.suggested_name == name).unwrap_or_else(|| {
        let names: Vec<&str> = found.iter().map(|f| f.suggested_name.as_str()).collect();
        panic!("no proposal named {name}; got {names:?}")
    })
}

fn best(f: &Found) -> &crate::recognize::Candidate {
    f.recognition.best().expect("a found value is always recognized")
}

fn env_file() -> String {
    [
        "# Shop backend — local settings",
        "PANDABASE_STORE_ID=shp_4f8a2c91",
        "PANDABASE_TOKEN_ID=stk_9b1e77aa42",
        "PANDABASE_TOKEN_SECRET=\"sk_live_Pb7Hq2Lx9Vm4Tz1Rw8Ks\"",
        "export PIXLPAY_API_KEY='sk_live_Px3Nd8Qa5Wc2Ye7Uf0Gh'   # rotated in March",
        "PACSPACE_KEY=pk_test_pub7788.Sx9Kq2Lm4Nb6Vc8Zx1 # sandbox",
        "",
        "COMMERCE_TOKEN = opt_live_Cm4Kd9Lq2Ws7Xe1Rt6Yu",
        &format!("SHIPPED_PUBLISHABLE_KEY={HEX64_KEY}"),
        "SHIPPED_SECRET_KEY=sk_live_Sh5Jk8Lp3Mn6Bv9Cx2Za",
        "DATABASE_URL=postgres://user:pass@localhost:5432/shop",
        "EMPTY_VALUE=",
        "# OLD_PIXLPAY_KEY=sk_live_Old0Key1Commented2Out3",
        "PIXLPAY_API_KEY_BACKUP=sk_live_Px3Nd8Qa5Wc2Ye7Uf0Gh",
    ]
    .join("\r\n")
}

#[test]
fn a_realistic_env_file_yields_one_proposal_per_storable_token_of_all_five_providers() {
    let found = run(&env_file());
    let names: Vec<&str> = found.iter().map(|f| f.suggested_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "pandabase-token-secret",
            "pixlpay-api-key",
            "pacspace-key",
            "commerce-token",
            "shipped-publishable-key",
            "shipped-secret-key"
        ],
        "ids, non-tokens, empty values, comments and the duplicate must not become proposals"
    );
    let providers: Vec<&str> = found.iter().map(|f| best(f).provider.as_str()).collect();
    assert_eq!(providers, ["pandabase", "pixlpay", "pacspace", "commerce", "shipped", "shipped"], "variable names decide colliding sk_live_ prefixes");
    assert_eq!(found[0].source, "line 4 (PANDABASE_TOKEN_SECRET)");
    assert_eq!(found[3].source, "line 8 (COMMERCE_TOKEN)");
}

#[test]
fn quotes_comments_and_crlf_are_not_part_of_the_stored_value() {
    let found = run(&env_file());
    let value = |name: &str| find(&found, name).value.expose().to_owned();
    assert_eq!(value("pandabase-token-secret"), "sk_live_Pb7Hq2Lx9Vm4Tz1Rw8Ks", "double quotes stripped");
    assert_eq!(value("pixlpay-api-key"), "sk_live_Px3Nd8Qa5Wc2Ye7Uf0Gh", "export, single quotes and comment stripped");
    assert_eq!(value("pacspace-key"), "pk_test_pub7788.Sx9Kq2Lm4Nb6Vc8Zx1", "unquoted trailing comment stripped");
    assert_eq!(value("commerce-token"), "opt_live_Cm4Kd9Lq2Ws7Xe1Rt6Yu", "spaces around = tolerated");
    assert_eq!(value("shipped-publishable-key"), HEX64_KEY);
    assert!(found.iter().all(|f| !f.value.expose().contains('\r')), "CRLF must not leak into values");
}

#[test]
fn the_pandabase_token_id_and_store_id_go_with_the_pandabase_secret_only() {
    let found = run(&env_file());
    let pb = find(&found, "pandabase-token-secret");
    assert_eq!(pb.token_id.as_deref(), Some("stk_9b1e77aa42"));
    assert_eq!(pb.store_id.as_deref(), Some("shp_4f8a2c91"));
    let c = best(pb);
    assert_eq!((c.auth_mode, c.kind), (AuthMode::Hmac, TokenKind::HmacToken), "a paired token id means HMAC signing");
    for name in ["pixlpay-api-key", "shipped-secret-key", "commerce-token"] {
        let f = find(&found, name);
        assert_eq!((f.token_id.as_deref(), f.store_id.as_deref()), (None, None), "{name} must not get Pandabase's ids");
        assert_ne!(best(f).auth_mode, AuthMode::Hmac, "{name}");
    }
}

#[test]
fn the_pacspace_proposal_carries_its_public_id() {
    let found = run(&env_file());
    assert_eq!(find(&found, "pacspace-key").recognition.public_id.as_deref(), Some("pub7788"));
}

#[test]
fn two_hmac_tokens_pair_by_variable_name_prefix_not_by_order() {
    let text = "\
PANDABASE_PROD_TOKEN_SECRET=sk_live_ProdSecret1234567
PANDABASE_DEV_TOKEN_SECRET=sk_test_DevSecret12345678
PANDABASE_DEV_TOKEN_ID=stk_dev00001
PANDABASE_PROD_TOKEN_ID=stk_prod0001
";
    let found = run(text);
    assert_eq!(find(&found, "pandabase-prod-token-secret").token_id.as_deref(), Some("stk_prod0001"));
    assert_eq!(find(&found, "pandabase-dev-token-secret").token_id.as_deref(), Some("stk_dev00001"));
}

#[test]
fn a_token_id_without_any_secret_proposes_nothing() {
    let found = run("PANDABASE_TOKEN_ID=stk_lonely123\nPANDABASE_STORE_ID=shp_abc123\n");
    assert!(found.is_empty(), "ids alone are not storable tokens; got {}", found.len());
}

#[test]
fn identical_values_are_proposed_once_at_their_first_place() {
    let text = "A_KEY=sk_test_SameValue123456\nB_KEY=\"sk_test_SameValue123456\"\nsk_test_SameValue123456\n";
    let found = run(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source, "line 1 (A_KEY)");
}

#[test]
fn the_same_variable_twice_with_different_values_gets_distinct_names() {
    let found = run("API_KEY=opt_live_FirstValue123\nAPI_KEY=opt_live_SecondValue456\n");
    let names: Vec<&str> = found.iter().map(|f| f.suggested_name.as_str()).collect();
    assert_eq!(names, ["api-key", "api-key-2"]);
}

#[test]
fn tokens_in_pasted_prose_are_found_and_named_by_provider_and_environment() {
    let text = "Hi! The commerce token is opt_live_Zz9Yy8Xx7Ww6Vv5, the old one was `opt_live_Aa1Bb2Cc3Dd4`.\n\
                Test key for the sandbox: sk_test_Q1w2E3r4T5y6U7i8, and shipped's publishable \
                (\"pk_staging_0123456789abcdefABCD\").";
    let found = run(text);
    let names: Vec<&str> = found.iter().map(|f| f.suggested_name.as_str()).collect();
    assert_eq!(names, ["commerce-live-1", "commerce-live-2", "pandabase-test-1", "shipped-test-1"]);
    assert_eq!(found[1].value.expose(), "opt_live_Aa1Bb2Cc3Dd4", "backticks and the full stop are not part of the token");
    assert_eq!(found[2].source, "line 2");
    let pk = &found[3].recognition;
    assert!(pk.warnings.iter().any(|w| w.code == WarningCode::PublishableKey), "publishable keys keep their warning");
}

#[test]
fn tokens_inside_commands_and_json_are_found() {
    let text = r#"curl https://api.pandabase.io/v2/core/stores/shp_xyz789/products -H "Authorization: Bearer sk_live_CurlToken12345"
{"apiKey": "pk_live_pubZ.secZ12345", "url": "https://app.pacspace.io/api/v1/balance?key=nope"}"#;
    let found = run(text);
    let values: Vec<&str> = found.iter().map(|f| f.value.expose()).collect();
    assert_eq!(values, ["sk_live_CurlToken12345", "pk_live_pubZ.secZ12345"]);
    assert_eq!(found[0].store_id.as_deref(), Some("shp_xyz789"), "a store id in the same paste pairs with the Pandabase candidate");
}

#[test]
fn text_without_tokens_yields_nothing() {
    assert!(run("").is_empty());
    assert!(run("# only a comment\nHOME=/root\nhello world, nothing here: sk_live_short\n").is_empty(), "sk_live_short is too short for any shape");
}

#[test]
fn a_byte_order_mark_does_not_hide_the_first_variable() {
    let found = run("\u{feff}PIXLPAY_KEY=sk_live_BomFirst123456\n");
    assert_eq!(found.first().map(|f| f.source.as_str()), Some("line 1 (PIXLPAY_KEY)"));
}

#[test]
fn debug_output_of_a_found_token_hides_the_secret() {
    let found = run("PIXLPAY_KEY=sk_live_DebugLeak987654\n");
    let shown = format!("{found:?}");
    assert!(!shown.contains("DebugLeak"), "Found's Debug leaked the secret: {shown}");
    assert!(shown.contains("sk_live_••••"), "the masked form is still there to help debugging");
}

#[test]
fn assignment_parsing_handles_export_quotes_and_comments() {
    assert_eq!(parse_assignment("export A=b"), Some(("A", "b")));
    assert_eq!(parse_assignment("A='x # not a comment'"), Some(("A", "x # not a comment")));
    assert_eq!(parse_assignment("A=x#y # comment"), Some(("A", "x#y")), "# inside a bare value is kept");
    assert_eq!(parse_assignment("A=\"unterminated"), Some(("A", "unterminated")));
    assert_eq!(parse_assignment("Authorization: Bearer x=y"), None, "not a variable name: scanned as free text");
    assert_eq!(parse_assignment("1BAD=x"), None);
}

#[test]
fn shared_segments_counts_whole_name_parts() {
    assert_eq!(shared_segments(Some("PANDABASE_TOKEN_ID"), Some("PANDABASE_TOKEN_SECRET")), 2);
    assert_eq!(shared_segments(Some("PANDA_X"), Some("PANDABASE_X")), 0, "a partial word is no shared prefix");
    assert_eq!(shared_segments(None, Some("A")), 0);
}
