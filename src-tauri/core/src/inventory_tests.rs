//! Why these exist: the inventory keeps metadata and secrets in step across two stores. These
//! tests use the in-memory vault to pin down that a secret only ever goes to the vault, that a
//! locked keychain changes nothing, and that every refusal says what to do.

use super::*;
use crate::token::{AuthMode, Environment, TokenKind};
use crate::token_input::SecretField;
use crate::vault::MemoryVault;
use chrono::TimeZone;

const SECRET: &str = "sk_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).single().expect("valid date")
}

fn setup() -> (tempfile::TempDir, Arc<MemoryVault>, Inventory) {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = Arc::new(MemoryVault::new());
    let inv = Inventory::open(DataDir::at(dir.path()).expect("dir"), vault.clone()).expect("open");
    (dir, vault, inv)
}

fn new_token(name: &str, secret: &str) -> NewToken {
    NewToken {
        name: name.into(),
        provider: "pandabase".into(),
        environment: Environment::Live,
        kind: TokenKind::SecretKey,
        auth_mode: AuthMode::Bearer,
        auth_header: None,
        auth_prefix: None,
        token_id: None,
        store_id: Some("shp_demo".into()),
        base_url: None,
        scopes: vec!["PRODUCTS_READ".into()],
        rate_limit: None,
        expires: None,
        rotation_days: None,
        tags: vec!["ci".into()],
        notes: String::new(),
        secret: SecretField(Secret::new(secret)),
    }
}

fn files_contain(dir: &std::path::Path, needle: &str) -> bool {
    std::fs::read_dir(dir).expect("ls").any(|e| {
        let p = e.expect("entry").path();
        p.is_file() && String::from_utf8_lossy(&std::fs::read(&p).expect("read")).contains(needle)
    })
}

#[test]
fn create_puts_the_secret_in_the_vault_and_only_a_mask_in_the_file() {
    let (dir, vault, inv) = setup();
    let view = inv.create(new_token("Mobile App", SECRET), now()).expect("create");
    assert_eq!(vault.read(&view.record.id).expect("in vault").expose(), SECRET);
    assert!(view.record.masked.starts_with("sk_live_") && view.record.masked.ends_with("6b5c"), "{}", view.record.masked);
    assert!(!files_contain(dir.path(), &SECRET[8..]), "the secret must not reach the data folder");
    assert_eq!(view.record.rate_limit, 60, "default rate limit");
    assert_eq!(view.record.rotation_days, 90, "default rotation interval");
}

#[test]
fn pasted_whitespace_is_trimmed_but_line_breaks_inside_are_refused() {
    let (_dir, vault, inv) = setup();
    let view = inv.create(new_token("a", &format!("  {SECRET}\n")), now()).expect("trimmed");
    assert_eq!(vault.read(&view.record.id).expect("stored").expose(), SECRET);
    let err = inv.create(new_token("b", "sk_live_abcdef\nghijkl"), now()).expect_err("line break");
    assert!(err.to_string().contains("line break"), "{err}");
}

#[test]
fn control_characters_in_a_secret_are_refused_on_create_replace_and_import_without_echoing_it() {
    let (_dir, vault, inv) = setup();
    let err = inv.create(new_token("nul", "sk_live_\0abcdefghijkl"), now()).expect_err("a NUL cannot be sent as a header");
    assert_eq!(err.code(), "invalid");
    let message = err.to_string();
    assert!(message.contains("control character") && message.contains("U+0000"), "{message}");
    assert!(!message.contains("abcdefghijkl"), "the message must not contain the value: {message}");
    assert!(vault.is_empty() && inv.records(now()).expect("records").is_empty(), "nothing stored on refusal");

    let view = inv.create(new_token("good", SECRET), now()).expect("create");
    let err = inv.replace_secret("good", &Secret::new("sk_live_abc\u{1b}[0mdef"), now()).expect_err("escape");
    assert!(err.to_string().contains("U+001B"), "{err}");
    assert_eq!(vault.read(&view.record.id).expect("kept").expose(), SECRET, "a refused replacement keeps the old secret");

    // Import goes through create (so through the same check); the scanner does not even
    // propose a value with a control character inside, because no token shape allows one.
    let book = crate::proposals::ProposalBook::new();
    let proposals = book.propose(&inv, &format!("PANDABASE_KEY={SECRET}\nPIXLPAY_KEY=sk_live_4f9a8b7c6d5e\u{7}f3a2b1c0d9e8f7\n"));
    assert_eq!(proposals.iter().map(|p| p.source.as_str()).collect::<Vec<_>>(), ["line 1 (PANDABASE_KEY)"], "only the clean value is proposed");
}

#[test]
fn a_token_id_pasted_as_the_secret_is_refused_with_the_fix() {
    let (_dir, vault, inv) = setup();
    let err = inv.create(new_token("a", "stk_9f8e7d6c5b4a"), now()).expect_err("token id");
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("Token ID"), "{err}");
    assert!(vault.is_empty());
}

#[test]
fn names_are_unique_case_insensitively_and_nothing_is_stored_on_refusal() {
    let (_dir, vault, inv) = setup();
    inv.create(new_token("Mobile App", SECRET), now()).expect("first");
    let err = inv.create(new_token("mobile app", "sk_live_otherothervalue"), now()).expect_err("dup");
    assert_eq!(err.code(), "duplicate_name");
    assert_eq!(vault.len(), 1, "the refused token's secret must not be stored");
}

#[test]
fn a_locked_keychain_refuses_create_and_keeps_existing_metadata() {
    let (_dir, vault, inv) = setup();
    inv.create(new_token("kept", SECRET), now()).expect("create");
    vault.set_locked(true);
    let err = inv.create(new_token("new", "sk_live_anotheronehere1"), now()).expect_err("locked");
    assert_eq!(err.code(), "keychain_locked");
    let err = inv.revoke("kept", true, now()).expect_err("revoke needs the keychain");
    assert_eq!(err.code(), "keychain_locked");
    let names: Vec<String> = inv.records(now()).expect("records").into_iter().map(|r| r.name).collect();
    assert_eq!(names, ["kept"], "metadata survives a locked keychain untouched");
    assert!(inv.find("kept", now()).expect("kept").revoked_at.is_none());
}

#[test]
fn revoke_needs_confirmation_then_removes_the_secret_but_keeps_the_record() {
    let (_dir, vault, inv) = setup();
    let id = inv.create(new_token("a", SECRET), now()).expect("create").record.id;
    assert_eq!(inv.revoke("a", false, now()).expect_err("unconfirmed").code(), "needs_confirmation");
    assert!(vault.read(&id).is_ok(), "an unconfirmed revoke changes nothing");
    let view = inv.revoke("a", true, now()).expect("revoke");
    assert_eq!(view.status, crate::token::Status::Revoked);
    assert_eq!(vault.read(&id).expect_err("gone").code(), "secret_missing");
    assert_eq!(inv.secret("a", now()).expect_err("revoked").code(), "revoked");
}

#[test]
fn delete_removes_both_halves() {
    let (_dir, vault, inv) = setup();
    inv.create(new_token("a", SECRET), now()).expect("create");
    assert_eq!(inv.delete("a", false, now()).expect_err("unconfirmed").code(), "needs_confirmation");
    inv.delete("a", true, now()).expect("delete");
    assert!(vault.is_empty());
    assert_eq!(inv.find("a", now()).expect_err("gone").code(), "not_found");
}

#[test]
fn replacing_the_secret_updates_the_mask_and_the_rotation_date() {
    let (_dir, vault, inv) = setup();
    let id = inv.create(new_token("a", SECRET), now()).expect("create").record.id;
    let later = now() + chrono::Duration::days(100);
    assert!(inv.view("a", later).expect("view").rotation_due, "90 days passed");
    let view = inv.replace_secret("a", &Secret::new("sk_live_brandnewsecretvalue9999"), later).expect("replace");
    assert_eq!(vault.read(&id).expect("stored").expose(), "sk_live_brandnewsecretvalue9999");
    assert!(view.record.masked.ends_with("9999"));
    assert_eq!(view.record.last_rotated, Some(later));
    assert!(!view.rotation_due);
}

#[test]
fn edits_are_validated_against_the_profile() {
    let (_dir, _vault, inv) = setup();
    inv.create(new_token("a", SECRET), now()).expect("create");
    let bad = TokenPatch { scopes: Some(vec!["products:read".into()]), ..Default::default() };
    let err = inv.update("a", bad, now()).expect_err("pixlpay scope on pandabase");
    assert!(err.to_string().contains("PRODUCTS_READ"), "lists the valid scopes: {err}");
    let bad = TokenPatch { rate_limit: Some(1001), ..Default::default() };
    assert_eq!(inv.update("a", bad, now()).expect_err("rate").code(), "invalid");
    let ok = TokenPatch { tags: Some(vec!["x".into(), "x".into(), " y ".into()]), ..Default::default() };
    assert_eq!(inv.update("a", ok, now()).expect("update").record.tags, ["x", "y"]);
}

#[test]
fn hmac_mode_requires_the_public_token_id() {
    let (_dir, _vault, inv) = setup();
    let mut t = new_token("h", SECRET);
    t.auth_mode = AuthMode::Hmac;
    t.kind = TokenKind::HmacToken;
    assert!(inv.create(t.clone(), now()).expect_err("no id").to_string().contains("stk_"));
    t.token_id = Some("stk_abc123".into());
    assert_eq!(inv.create(t, now()).expect("ok").record.token_id.as_deref(), Some("stk_abc123"));
}

#[test]
fn export_contains_no_secret_and_imports_back_into_an_empty_inventory() {
    let (_dir, _vault, inv) = setup();
    inv.create(new_token("a", SECRET), now()).expect("create");
    for format in [crate::transfer::Format::Json, crate::transfer::Format::Csv] {
        let text = crate::transfer::export(&inv.records(now()).expect("records"), format, now()).expect("export");
        assert!(!text.contains(&SECRET[8..]), "{format:?} export leaked the secret");
        let (_d2, _v2, fresh) = setup();
        let book = crate::proposals::ProposalBook::new();
        let imported = |text: &str| match crate::intake::import_text(&fresh, &book, text, now()).expect("import") {
            crate::intake::ImportOutcome::Imported { report } => report,
            other => panic!("{format:?}: an export must be imported, not scanned: {other:?}"),
        };
        let report = imported(&text);
        assert_eq!(report.added, ["a"], "{format:?}: {report:?}");
        let back = fresh.find("a", now()).expect("imported");
        assert_eq!(back.scopes, ["PRODUCTS_READ"]);
        assert_eq!(back.store_id.as_deref(), Some("shp_demo"));
        let again = imported(&text);
        assert!(again.added.is_empty() && again.skipped.len() == 1, "a name that exists is skipped: {again:?}");
    }
}

#[test]
fn a_dotenv_import_proposes_tokens_and_creates_only_confirmed_ones() {
    let (dir, vault, inv) = setup();
    let book = crate::proposals::ProposalBook::new();
    let text = format!("PIXLPAY_API_KEY={SECRET}\n# comment\nPACSPACE_KEY=pk_test_pub123.secretpart456\n");
    let proposals = book.propose(&inv, &text);
    assert_eq!(proposals.len(), 2, "{proposals:?}");
    let json = serde_json::to_string(&proposals).expect("json");
    assert!(!json.contains(&SECRET[8..]) && !json.contains("secretpart456"), "proposals are masked: {json}");
    let mut token = new_token("pixlpay-api-key", "ignored");
    token.provider = "pixlpay".into();
    token.store_id = None;
    token.scopes = vec!["products:read".into()];
    let choice = crate::proposals::ProposalChoice { proposal_id: proposals[0].proposal_id.clone(), token };
    let report = book.confirm(&inv, vec![choice], now());
    assert_eq!(report.added, ["pixlpay-api-key"], "{report:?}");
    assert_eq!(vault.len(), 1, "only the confirmed proposal is stored");
    let id = inv.find("pixlpay-api-key", now()).expect("created").id;
    assert_eq!(vault.read(&id).expect("secret").expose(), SECRET, "the value came from the scan, not the face");
    assert!(!files_contain(dir.path(), "secretpart456"));
}

#[test]
fn a_corrupt_metadata_file_becomes_a_notice_not_a_loss() {
    let (dir, _vault, inv) = setup();
    std::fs::write(dir.path().join("tokens.json"), "{ not json").expect("write");
    assert!(inv.list(&ListQuery::default(), now()).expect("list still works").is_empty());
    let notices = inv.notices();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("corrupt-"), "the notice says where the file went: {notices:?}");
}

/// Why: the same secret stored under two names was accepted silently. It is noticed by a keyed
/// fingerprint in the records, and the value never leaves the vault to be compared.
#[test]
fn the_same_secret_under_two_names_is_named_on_create_replace_import_and_in_every_view() {
    let (dir, vault, inv) = setup();
    let first = inv.create(new_token("first", SECRET), now()).expect("create");
    assert!(first.same_secret_as.is_empty());
    let second = inv.create(new_token("second", &format!(" {SECRET}\n")), now()).expect("a duplicate is created, with a warning");
    assert_eq!(second.same_secret_as, ["first"], "the view names the other token");
    let warning = second.same_secret_warning().expect("a warning");
    assert!(warning.contains("'first'") && !warning.contains(&SECRET[8..]), "{warning}");
    assert_eq!(inv.view("first", now()).expect("view").same_secret_as, ["second"], "both sides know");
    let listed = inv.list(&ListQuery::default(), now()).expect("list");
    assert_eq!(listed.iter().map(|v| v.same_secret_as.clone()).collect::<Vec<_>>(), [vec!["second".to_string()], vec!["first".to_string()]]);

    // Replacing one secret ends the match; replacing it back brings it back.
    let other = inv.replace_secret("second", &Secret::new("sk_live_aaaabbbbccccddddeeeeffff0000"), now()).expect("replace");
    assert!(other.same_secret_as.is_empty(), "{:?}", other.same_secret_as);
    assert_eq!(inv.replace_secret("second", &Secret::new(SECRET), now()).expect("replace").same_secret_as, ["first"]);

    // Import through proposals reports it too.
    let book = crate::proposals::ProposalBook::new();
    let proposals = book.propose(&inv, &format!("PANDABASE_KEY={SECRET}\n"));
    let choice = crate::proposals::ProposalChoice { proposal_id: proposals[0].proposal_id.clone(), token: new_token("third", "") };
    let report = book.confirm(&inv, vec![choice], now());
    assert_eq!(report.added, ["third"]);
    assert!(report.warnings.iter().any(|w| w.contains("'first'") && w.contains("'second'")), "{report:?}");

    // A revoked token's secret is gone: it matches nothing any more.
    inv.revoke("first", true, now()).expect("revoke");
    assert_eq!(inv.view("third", now()).expect("view").same_secret_as, ["second"]);

    // Nothing that reveals the secret is written anywhere but the vault, and faces never get
    // the fingerprint itself.
    assert!(!files_contain(dir.path(), &SECRET[8..]));
    let stored = std::fs::read_to_string(inv.metadata_file().path()).expect("tokens.json");
    assert!(!stored.contains(&crate::hmac_sign::signing_key(&Secret::new(SECRET)).expose()[..16]), "no plain hash of the secret on disk");
    let shown = serde_json::to_string(&listed).expect("json");
    assert!(!shown.contains("fingerprint"), "views carry no fingerprint: {shown}");
    let export = crate::transfer::export(&inv.records(now()).expect("records"), crate::transfer::Format::Json, now()).expect("export");
    assert!(!export.contains("fingerprint"), "exports carry no fingerprint");
    assert_eq!(vault.len(), 2, "second and third; first was revoked; the install key is not a token secret");
}

#[test]
fn records_without_a_fingerprint_get_one_when_their_secret_is_next_read() {
    let (_dir, vault, inv) = setup();
    let old = inv.create(new_token("old", SECRET), now()).expect("create");
    // As a record written before fingerprints existed, or imported from an export.
    inv.metadata_file()
        .update(now(), |records| {
            records[0].fingerprint = None;
            Ok(())
        })
        .expect("strip");
    let new = inv.create(new_token("new", SECRET), now()).expect("create");
    assert!(new.same_secret_as.is_empty(), "not compared until the old record has a fingerprint");
    inv.secret("old", now()).expect("read (a send, a reveal, a copy)");
    assert_eq!(inv.view("new", now()).expect("view").same_secret_as, ["old"], "compared from then on");
    assert!(vault.read(&old.record.id).is_ok());
}

#[test]
fn last_use_comes_from_the_request_log_and_an_older_stored_one_still_counts() {
    use crate::request_log::{NewEntry, Outcome, Target};
    use crate::send::HttpResponse;
    let (_dir, _vault, inv) = setup();
    let used = inv.create(new_token("used", SECRET), now()).expect("create");
    let old = inv.create(new_token("old", "sk_live_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d"), now()).expect("create");
    // An older Tokenbench wrote lastUsed into the metadata file.
    let before = now() - chrono::Duration::days(40);
    inv.metadata_file()
        .update(now(), |records| {
            records.iter_mut().for_each(|r| r.last_used = Some(before));
            Ok(())
        })
        .expect("write the old field");
    let metadata_before = std::fs::read(inv.metadata_file().path()).expect("metadata");
    let sent = now() + chrono::Duration::minutes(5);
    let answer = HttpResponse::json(200, &serde_json::json!({}));
    let target = Target { template: "/v2/core/stores/{storeId}/products".into(), relative: true, endpoint_id: None };
    let entry = NewEntry::for_send(sent, &used.record, "GET", "https://api.pandabase.io/v2/core/stores/shp_demo/products", target, 0, Outcome::Answered(&answer), inv.profiles());
    inv.request_log(now()).expect("log").record(&entry).expect("record");
    assert_eq!(inv.view("used", now()).expect("view").record.last_used, Some(sent), "the log's time wins when it is later");
    assert_eq!(inv.view(&old.record.id, now()).expect("view").record.last_used, Some(before), "the stored time is the fallback");
    assert_eq!(std::fs::read(inv.metadata_file().path()).expect("metadata"), metadata_before, "recording a use never rewrites tokens.json");
    let by_use = inv.list(&ListQuery { sort: Some(crate::query::SortKey::LastUsed), descending: true, ..ListQuery::default() }, now()).expect("list");
    assert_eq!(by_use[0].record.name, "used", "sorting by last use reads the log");
}
