//! Why these exist: `token import` used to take any text starting with `{` or `[` for an
//! inventory export and fail on a pasted JSON config ("missing field `tokenbench`"), and it
//! refused every file over 1 MiB, so a large inventory could not be imported back. These pin
//! down the decision by content (an export's marker, else scan) and the two size limits.

use std::sync::Arc;

use chrono::TimeZone;

use super::*;
use crate::paths::DataDir;
use crate::token::TokenRecord;
use crate::transfer::{export, Format};
use crate::vault::MemoryVault;

const SECRET: &str = "sk_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).single().expect("valid date")
}

fn setup() -> (tempfile::TempDir, Inventory, ProposalBook) {
    let dir = tempfile::tempdir().expect("tempdir");
    let inv = Inventory::open(DataDir::at(dir.path()).expect("dir"), Arc::new(MemoryVault::new())).expect("open");
    (dir, inv, ProposalBook::new())
}

fn records(n: usize) -> Vec<TokenRecord> {
    (0..n)
        .map(|i| {
            let mut r = TokenRecord::new(format!("id-{i:05}"), format!("integration-{i:05}"), "pixlpay", now());
            r.scopes = vec!["products:read".into()];
            r.masked = format!("sk_live_••••{:04}", i % 10_000);
            r
        })
        .collect()
}

fn scanned(outcome: ImportOutcome) -> Vec<Proposal> {
    match outcome {
        ImportOutcome::Proposals { proposals } => proposals,
        other => panic!("expected the text to be scanned, got {other:?}"),
    }
}

fn imported(outcome: ImportOutcome) -> ImportReport {
    match outcome {
        ImportOutcome::Imported { report } => report,
        other => panic!("expected an export to be imported, got {other:?}"),
    }
}

#[test]
fn a_json_config_holding_a_token_is_scanned_not_taken_for_an_export() {
    let (_d, inv, book) = setup();
    let config = format!("{{\n  \"pixlpay\": {{ \"apiKey\": \"{SECRET}\", \"timeout\": 30 }},\n  \"version\": 2\n}}\n");
    let proposals = scanned(import_text(&inv, &book, &config, now()).expect("a config is not an error"));
    assert_eq!(proposals.len(), 1, "the token in the config is proposed: {proposals:?}");
    assert!(proposals[0].masked.ends_with("6b5c") && !format!("{proposals:?}").contains(&SECRET[8..]));
}

#[test]
fn a_json_array_is_scanned_whatever_it_holds() {
    let (_d, inv, book) = setup();
    let array = format!("[\"{SECRET}\", {{\"name\": \"x\"}}]");
    assert_eq!(scanned(import_text(&inv, &book, &array, now()).expect("scan")).len(), 1);
    assert!(scanned(import_text(&inv, &book, "[1, 2, 3]", now()).expect("scan")).is_empty(), "no token, no proposal, no error");
}

#[test]
fn a_config_with_version_and_tokens_keys_is_scanned_unless_its_tokens_are_records() {
    let (_d, inv, book) = setup();
    let config = format!("{{\"version\": 1, \"tokens\": [{{\"name\": \"shop\", \"token\": \"{SECRET}\"}}]}}");
    assert_eq!(scanned(import_text(&inv, &book, &config, now()).expect("scan")).len(), 1);
}

#[test]
fn json_and_csv_exports_are_recognized_by_their_marker_and_imported() {
    for format in [Format::Json, Format::Csv] {
        let (_d, inv, book) = setup();
        let text = export(&records(3), format, now()).expect("export");
        let report = imported(import_text(&inv, &book, &text, now()).expect("import"));
        assert_eq!(report.added.len(), 3, "{format:?}: {report:?}");
        // Spreadsheets add a BOM and CRLF line ends; the marker still holds.
        let (_d, inv, book) = setup();
        let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        assert_eq!(imported(import_text(&inv, &book, &windows, now()).expect("import")).added.len(), 3, "{format:?} with BOM and CRLF");
    }
}

#[test]
fn a_csv_that_is_not_our_export_is_scanned() {
    let (_d, inv, book) = setup();
    let csv = format!("name,provider,key\nshop,pixlpay,{SECRET}\n");
    assert_eq!(scanned(import_text(&inv, &book, &csv, now()).expect("scan")).len(), 1, "only the export's exact header marks an export");
}

#[test]
fn a_damaged_export_is_an_error_that_says_so_not_a_scan() {
    let (_d, inv, book) = setup();
    let text = export(&records(2), Format::Json, now()).expect("export").replace("\"rateLimit\": 60", "\"rateLimit\": \"sixty\"");
    let err = import_text(&inv, &book, &text, now()).expect_err("damaged");
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("export is damaged"), "{err}");
    assert!(inv.records(now()).expect("records").is_empty(), "nothing added from a damaged export");
}

#[test]
fn the_metadata_file_imports_back_with_its_ids_as_the_corrupt_file_message_promises() {
    let (dir, inv, book) = setup();
    let (_d2, source, _) = setup();
    source.insert_records(records(2), now()).expect("seed");
    let file = std::fs::read_to_string(source.metadata_file().path()).expect("tokens.json");
    let report = imported(import_text(&inv, &book, &file, now()).expect("import"));
    assert_eq!(report.added, ["integration-00000", "integration-00001"]);
    assert_eq!(inv.find("integration-00001", now()).expect("found").id, "id-00001", "ids kept: the keychain entries are found again");
    drop(dir);
}

#[test]
fn an_export_over_the_scan_limit_imports_in_one_go_but_such_text_is_not_scanned() {
    let (_d, inv, book) = setup();
    let text = export(&records(3_000), Format::Json, now()).expect("export");
    assert!(text.len() > MAX_SCAN_BYTES, "the export must be over 1 MiB for this test: {}", text.len());
    let report = imported(import_text(&inv, &book, &text, now()).expect("a large export imports"));
    assert_eq!((report.added.len(), report.skipped.len()), (3_000, 0));
    let big_text = format!("{SECRET}\n{}", "lorem ipsum ".repeat(MAX_SCAN_BYTES / 10));
    let err = import_text(&inv, &book, &big_text, now()).expect_err("too much text to scan");
    assert!(err.to_string().contains("1 MiB") && err.to_string().contains("not a Tokenbench export"), "{err}");
}

#[test]
fn an_import_skips_names_taken_before_or_earlier_in_the_same_file_and_renews_taken_ids() {
    let (_d, inv, book) = setup();
    inv.insert_records(records(1), now()).expect("seed");
    let mut incoming = records(3);
    incoming[2].name = "INTEGRATION-00001".into(); // same name as incoming[1], other case
    incoming[1].id = "id-00000".into(); // an id the inventory already has
    let text = export(&incoming, Format::Json, now()).expect("export");
    let report = imported(import_text(&inv, &book, &text, now()).expect("import"));
    assert_eq!(report.added, ["integration-00001"]);
    let reasons: Vec<(&str, &str)> = report.skipped.iter().map(|s| (s.name.as_str(), s.reason.as_str())).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons.iter().all(|(_, why)| why.contains("already exists")), "{reasons:?}");
    let all = inv.records(now()).expect("records");
    assert_eq!(all.len(), 2);
    assert_ne!(all[1].id, "id-00000", "a taken id is replaced, never shared by two records");
}

#[test]
fn a_file_over_64_mib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.json");
    std::fs::File::create(&path).expect("create").set_len(MAX_EXPORT_BYTES + 1).expect("sparse file");
    let err = read_import_file(&path).expect_err("too big");
    assert!(err.to_string().contains("64 MiB") && err.to_string().contains("huge.json"), "{err}");
}
