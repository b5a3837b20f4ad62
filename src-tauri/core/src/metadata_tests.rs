//! Why these exist: the metadata file is the one place a user's inventory lives. These tests
//! pin down that it is never half-written and that a broken file is kept, not overwritten.

use super::*;
use crate::token::TokenRecord;
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).single().expect("valid date")
}

pub(crate) fn record(name: &str) -> TokenRecord {
    let mut r = TokenRecord::new(format!("id-{name}"), name, "pandabase", now());
    r.store_id = Some("shp_demo".into());
    r.scopes = vec!["PRODUCTS_READ".into()];
    r.masked = "sk_live_••••abcd".into();
    r
}

#[test]
fn records_survive_a_save_and_load_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = MetadataFile::new(dir.path().join("tokens.json"));
    file.update(now(), |r| {
        r.push(record("a"));
        Ok(())
    })
    .expect("save");
    let loaded = file.load(now()).expect("load");
    assert_eq!(loaded.records, vec![record("a")]);
    assert!(loaded.quarantined.is_none());
}

#[test]
fn a_missing_file_is_an_empty_inventory_not_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let loaded = MetadataFile::new(dir.path().join("tokens.json")).load(now()).expect("load");
    assert!(loaded.records.is_empty());
}

#[test]
fn a_corrupt_file_is_moved_aside_byte_for_byte_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    let garbage = b"{\"version\":1,\"tokens\":[{\"name\": trunc";
    std::fs::write(&path, garbage).expect("write");
    let file = MetadataFile::new(&path);
    let loaded = file.load(now()).expect("load must not fail on a corrupt file");
    let Some(Error::Corrupt { quarantined, .. }) = loaded.quarantined else {
        panic!("a corrupt file must be reported")
    };
    assert_eq!(std::fs::read(&quarantined).expect("quarantined copy exists"), garbage, "the broken bytes must be kept");
    assert!(!path.exists(), "the broken file must not stay where the next save would overwrite it");
    // The next save writes a fresh file and leaves the quarantined copy alone.
    file.update(now(), |r| {
        r.push(record("b"));
        Ok(())
    })
    .expect("save");
    assert_eq!(std::fs::read(&quarantined).expect("still there"), garbage);
}

#[test]
fn a_failed_change_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    let file = MetadataFile::new(&path);
    file.update(now(), |r| {
        r.push(record("a"));
        Ok(())
    })
    .expect("save");
    let before = std::fs::read(&path).expect("read");
    let err = file.update(now(), |r| -> Result<()> {
        r.clear();
        Err(Error::Invalid("refused".into()))
    });
    assert!(err.is_err());
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn an_atomic_write_never_leaves_temporary_files_or_partial_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    for i in 0..20 {
        write_atomically(&path, format!("{{\"version\":1,\"tokens\":[],\"n\":{i}}}").as_bytes()).expect("write");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.ends_with(&format!("{i}}}")), "each write replaces the whole file: {text}");
    }
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names.len(), 1, "temporary files must not be left behind: {names:?}");
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    std::fs::write(&path, br#"{"version": 99, "tokens": []}"#).expect("write");
    let err = MetadataFile::new(&path).load(now()).expect_err("must refuse");
    assert_eq!(err.code(), "invalid");
    assert_eq!(std::fs::read(&path).expect("read"), br#"{"version": 99, "tokens": []}"#);
}

#[test]
fn the_file_is_valid_tauri_plugin_store_json_an_object_of_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    MetadataFile::new(&path).update(now(), |r| {
        r.push(record("a"));
        Ok(())
    })
    .expect("save");
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    let map = value.as_object().expect("the plugin stores a JSON object of keys");
    assert!(map.contains_key("tokens") && map.contains_key("version"));
}

/// Why: reads are served from memory while the file is the one last read or written, so a
/// change made by another process (the CLI while the app runs) must still be seen at once.
#[test]
fn a_change_made_through_another_handle_is_seen_by_the_next_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tokens.json");
    let app = MetadataFile::new(&path);
    let cli = MetadataFile::new(&path); // another process: its own memory
    app.update(now(), |r| {
        r.push(record("a"));
        Ok(())
    })
    .expect("save");
    assert_eq!(app.load(now()).expect("load").records.len(), 1);
    cli.update(now(), |r| {
        r.push(record("b"));
        Ok(())
    })
    .expect("save elsewhere");
    let names: Vec<String> = app.load(now()).expect("load").records.into_iter().map(|r| r.name).collect();
    assert_eq!(names, ["a", "b"], "the other writer's record is seen");
    // A plain overwrite in place (an editor, a restore) is seen too.
    std::fs::write(&path, br#"{"version":1,"tokens":[]}"#).expect("overwrite");
    assert!(app.load(now()).expect("load").records.is_empty(), "the overwrite is seen");
    std::fs::remove_file(&path).expect("remove");
    assert!(app.load(now()).expect("load").records.is_empty(), "a removed file is an empty inventory");
}
