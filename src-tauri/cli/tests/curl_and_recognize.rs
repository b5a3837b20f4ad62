//! `tokenbench import-curl` and `tokenbench recognize` end to end, as scripts and tests use
//! them. Why: they are the command-line faces of the app's "Import cURL" and of the add
//! dialog's recognition, so their output is pinned here — parsed request, credentials only
//! masked, notes, exit codes — and neither needs a keychain: they run with no D-Bus session.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const KEY: &str = "sk_live_7b3e9f1a2c4d6e8f0a1b3c5d7e9f1a2b";

/// Runs tokenbench in `dir` with `stdin`, without any D-Bus session (so no keychain).
fn tokenbench(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tokenbench"))
        .args(args)
        .current_dir(dir)
        .env("TOKENBENCH_DATA_DIR", dir.join("data"))
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tokenbench");
    // A command that fails before reading stdin closes it: a broken pipe is not the test's failure.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait")
}

fn all_output(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", all_output(out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("--json prints one JSON value ({e}): {}", all_output(out)))
}

#[test]
fn import_curl_json_prints_the_draft_the_masked_credential_and_notes_never_the_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let command = format!(
        "curl -X POST 'https://api.example.com/v1/items?page=2' \\\n  -H 'Authorization: Bearer {KEY}' \\\n  -H 'Content-Type: application/json' \\\n  --data-binary @- <<DATA\n{{\"name\": \"mug\"}}\nDATA\n"
    );
    std::fs::write(dir.path().join("cmd.sh"), &command).expect("write command");
    let out = tokenbench(dir.path(), &["import-curl", "cmd.sh", "--json"], "");
    let v = json(&out);
    assert_eq!(v["draft"]["method"], "POST");
    assert_eq!(v["draft"]["url"], "https://api.example.com/v1/items");
    assert_eq!(v["draft"]["query"][0]["name"], "page");
    assert_eq!(v["draft"]["headers"][0]["value"], "application/json");
    assert_eq!(v["draft"]["body"], "{\"name\": \"mug\"}\n", "the heredoc is the body, its newline included");
    assert_eq!(v["found"][0]["location"], "header Authorization");
    assert_eq!(v["found"][0]["masked"], "sk_live_••••1a2b");
    assert!(!all_output(&out).contains(&KEY[8..]), "the key never reaches the output");

    let text = tokenbench(dir.path(), &["import-curl", "cmd.sh"], "");
    let shown = all_output(&text);
    assert!(text.status.success(), "{shown}");
    for expected in ["POST https://api.example.com/v1/items", "page = 2", "Content-Type: application/json", "sk_live_••••1a2b"] {
        assert!(shown.contains(expected), "text output lacks {expected:?}:\n{shown}");
    }
    assert!(!shown.contains(&KEY[8..]), "the key never reaches the output");
}

#[test]
fn import_curl_reads_standard_input_and_the_files_the_command_names_from_the_current_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("report.csv"), "a,b\n1,2\n").expect("write file");
    let out = tokenbench(dir.path(), &["import-curl", "-", "--json"], "curl -T report.csv https://uploads.example.com/in/\n");
    let v = json(&out);
    assert_eq!(v["draft"]["method"], "PUT", "-T is a PUT");
    assert_eq!(v["draft"]["url"], "https://uploads.example.com/in/report.csv", "curl appends the file name to a folder URL");
    assert_eq!(v["draft"]["body"], "a,b\n1,2\n", "the file is read from the current folder");
    let out = tokenbench(dir.path(), &["--json", "import-curl"], "curl -d @missing.json https://h.example\n");
    let notes = json(&out)["notes"].to_string();
    assert!(notes.contains("missing.json"), "a file it could not read is named in a note: {notes}");
}

#[test]
fn import_curl_errors_say_what_to_do_with_stable_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tokenbench(dir.path(), &["import-curl", "--json"], "wget https://h.example\n");
    assert_eq!(out.status.code(), Some(4), "invalid input: {}", all_output(&out));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).expect("{code, message} on stderr");
    assert!(err["message"].as_str().unwrap_or("").contains("no curl command"), "{err}");
    let out = tokenbench(dir.path(), &["import-curl", "nope.sh"], "");
    assert_eq!(out.status.code(), Some(1), "an unreadable file: {}", all_output(&out));
    assert!(all_output(&out).contains("nope.sh"));
    let out = tokenbench(dir.path(), &["import-curl", "-"], "curl 'https://h.example\n");
    assert_eq!(out.status.code(), Some(4));
    assert!(all_output(&out).contains("unclosed"), "{}", all_output(&out));
}

#[test]
fn recognize_json_lists_candidates_warnings_and_the_mask_never_the_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tokenbench(dir.path(), &["recognize", "--json", "--host", "api.pixlpay.net"], &format!("{KEY}\n"));
    let v = json(&out);
    assert_eq!(v["masked"], "sk_live_••••1a2b");
    let candidates = v["candidates"].as_array().expect("candidates");
    assert!(candidates.len() >= 2, "sk_live_ is shared by several providers: {v}");
    let best = &candidates[0];
    assert_eq!(best["provider"], "pixlpay", "the host's provider ranks first");
    assert_eq!((best["environment"].as_str(), best["kind"].as_str(), best["role"].as_str()), (Some("live"), Some("secretKey"), Some("secret")));
    assert_eq!(best["authMode"], "bearer");
    assert!(best["confidence"].as_u64() > candidates[1]["confidence"].as_u64());
    assert!(v["warnings"].as_array().expect("warnings").is_empty(), "one trailing newline is not part of the value: {v}");
    assert!(!all_output(&out).contains(&KEY[8..]), "the value never reaches the output");
}

#[test]
fn recognize_text_warns_about_what_the_add_dialog_warns_about() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tokenbench(dir.path(), &["recognize"], " stk_9f8e7d6c5b4a");
    let shown = all_output(&out);
    assert!(out.status.success(), "{shown}");
    for expected in ["stk_••••", "Pandabase", "role tokenId", "auth hmac", "whitespace", "tokenIdAsSecret"] {
        assert!(shown.contains(expected), "lacks {expected:?}:\n{shown}");
    }
    assert!(!shown.contains("9f8e7d6c5b4a"), "the value is never printed:\n{shown}");
    let out = tokenbench(dir.path(), &["recognize", "--json"], "not-a-known-token-shape-123");
    let v = json(&out);
    assert!(v["candidates"].as_array().expect("candidates").is_empty());
    assert_eq!(v["warnings"][0]["code"], "unrecognized");
}
