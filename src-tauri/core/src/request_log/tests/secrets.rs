//! No secret reaches the log files (`.sqlite3`, `-wal`, `-shm`) in any encoding: a key in the
//! query, in a credential-named parameter, in the path, or in a parameter with an innocent name.

use chrono::Duration;

use super::super::entry::{NewEntry, Outcome};
use super::super::target::Target;
use super::super::query::LogFilter;
use super::super::redact::REMOVED;
use super::at;
use crate::profile::Profiles;
use crate::send::HttpResponse;
use crate::token::TokenRecord;

/// The ways a secret could sit in a file: as is, UTF-16 (both orders), hex (both cases),
/// percent-encoded, and base64 (standard and URL-safe) at each of the three alignments.
pub(crate) fn encodings(secret: &str) -> Vec<Vec<u8>> {
    let raw = secret.as_bytes();
    let mut out = vec![
        raw.to_vec(),
        secret.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        secret.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        hex::encode(raw).into_bytes(),
        hex::encode_upper(raw).into_bytes(),
        url::form_urlencoded::byte_serialize(raw).collect::<String>().into_bytes(),
    ];
    for pad in 0..3 {
        let mut shifted = vec![0u8; pad];
        shifted.extend_from_slice(raw);
        for alphabet in [STANDARD, URL_SAFE] {
            let text = base64(&shifted, alphabet);
            // Drop the characters that depend on the bytes around the secret.
            let start = (pad * 4).div_ceil(3);
            let end = text.trim_end_matches('=').len().saturating_sub(2);
            if end > start + 8 {
                out.push(text.as_bytes()[start..end].to_vec());
            }
        }
    }
    out
}

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64(bytes: &[u8], alphabet: &[u8; 64]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Every file in `dir` (the log's database, WAL and shared memory among them; not
/// recursive) that holds `secret` in any encoding.
pub(crate) fn files_holding(dir: &std::path::Path, secret: &str) -> Vec<String> {
    let patterns = encodings(secret);
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(dir).expect("list") {
        let path = entry.expect("entry").path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        if patterns.iter().any(|p| bytes.windows(p.len()).any(|w| w == p.as_slice())) {
            hits.push(path.display().to_string());
        }
    }
    hits
}

#[test]
fn the_encodings_find_a_secret_hidden_in_base64_or_hex() {
    let secret = "sk_live_encodedSecret0001";
    let mut payload = b"xx".to_vec();
    payload.extend_from_slice(secret.as_bytes());
    let hidden = base64(&payload, STANDARD);
    assert!(encodings(secret).iter().any(|p| hidden.as_bytes().windows(p.len()).any(|w| w == p.as_slice())), "base64 at an offset is found");
    let hexed = format!("00{}ff", hex::encode(secret));
    assert!(encodings(secret).iter().any(|p| hexed.as_bytes().windows(p.len()).any(|w| w == p.as_slice())));
}

#[test]
fn no_secret_reaches_the_database_wal_or_shm_in_any_encoding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let now = at("2026-03-10T15:30:00Z");
    let log = super::super::RequestLog::open(&dir.path().join("requests.sqlite3"), now).expect("open");
    let profiles = Profiles::bundled();
    let record = TokenRecord::new("tok-1", "Shop", "pandabase", now - Duration::days(3));
    let secrets = [
        "sk_live_QueryKeyAbCdEfGhIj01",   // under a credential name
        "sk_test_InnocentNameKlMnOp02",   // under an innocent name, recognized by shape
        "sk_live_PathSegmentQrStUv03",    // in the path
        "hunter2-not-a-known-shape-04",   // not a known shape, under `password`
        "pk_live_pubid.PacSpaceSecret05", // PacSpace key
    ];
    let url = format!(
        "https://api.pandabase.io/v1/keys/{}/usage?api_key={}&q={}&password={}&filter={}&page=2",
        secrets[2], secrets[0], secrets[1], secrets[3], secrets[4]
    );
    let answer = HttpResponse::json(200, &serde_json::json!({"secret": "sk_live_BodySecretNeverLogged"}));
    let target = Target { template: format!("/v1/keys/{}/usage", secrets[2]), relative: false, endpoint_id: None };
    for i in 0..50 {
        let e = NewEntry::for_send(now + Duration::seconds(i), &record, "GET", &url, target.clone(), 0, Outcome::Answered(&answer), &profiles);
        log.record(&e).expect("insert");
    }
    let row = &log.page(&LogFilter::default(), None, 1).expect("page").rows[0];
    assert_eq!(row.path, format!("/v1/keys/{REMOVED}/usage"));
    assert_eq!(row.path_template, format!("/v1/keys/{REMOVED}/usage"));
    assert_eq!(row.query, format!("api_key={REMOVED}&q={REMOVED}&password={REMOVED}&filter={REMOVED}&page=2"));
    for secret in secrets.iter().chain(&["sk_live_BodySecretNeverLogged"]) {
        assert_eq!(files_holding(dir.path(), secret), Vec::<String>::new(), "{secret} reached the log files");
    }
    let names: Vec<String> = std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().any(|n| n.ends_with("-wal")), "the WAL was scanned too: {names:?}");
    assert!(!files_holding(dir.path(), "page=2").is_empty(), "the scan does find what is there (ordinary query text)");
}
