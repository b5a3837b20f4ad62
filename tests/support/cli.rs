//! The `tokenbench` CLI built beside the app, for preparing what an end-to-end test starts
//! from (tokens in the same data folder and keychain the app uses), and the app's metadata
//! file read back as JSON, so tests check what was written instead of what the UI says.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The CLI binary cargo built for this test run, next to the app.
pub fn binary() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_tokenbench-app")).with_file_name("tokenbench")
}

/// Runs `tokenbench args…` on the data folder `data` with `stdin` fed in and `envs` set, and
/// panics (failing the test) with its output unless it succeeds.
pub fn tokenbench(data: &Path, args: &[&str], stdin: &str, envs: &[(&str, &str)]) -> Output {
    let bin = binary();
    let mut child = Command::new(&bin)
        .args(args)
        .env("TOKENBENCH_DATA_DIR", data)
        .envs(envs.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("run {} (built by `cargo test --workspace`): {e}", bin.display()));
    // A command that fails before reading stdin closes it: a broken pipe is not the test's failure.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "tokenbench {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Adds a Pixlpay test token `name` with `secret` (from stdin, as the CLI requires).
pub fn add_token(data: &Path, name: &str, secret: &str, envs: &[(&str, &str)]) {
    tokenbench(data, &["token", "add", "--name", name, "--provider", "pixlpay", "--env", "test"], secret, envs);
}

/// Every record in `<data>/tokens.json`.
pub fn records(data: &Path) -> Vec<serde_json::Value> {
    let bytes = std::fs::read(data.join("tokens.json")).expect("the metadata file exists");
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("the metadata file is JSON");
    v["tokens"].as_array().expect("a tokens array").clone()
}

/// The record named `name`, if the metadata file has one.
pub fn record(data: &Path, name: &str) -> Option<serde_json::Value> {
    records(data).into_iter().find(|t| t["name"] == name)
}

/// The id of the record named `name`; panics when there is none.
pub fn token_id(data: &Path, name: &str) -> String {
    let r = record(data, name).unwrap_or_else(|| panic!("a record named {name}"));
    r["id"].as_str().expect("an id").to_owned()
}
