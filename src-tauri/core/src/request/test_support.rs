//! Fixtures shared by the request tests: token records for each bundled provider, a fixed
//! clock, and a way to run the real `bash`/`python3`/`openssl`/`node` the documents use.

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{DateTime, TimeZone, Utc};

use crate::profile::{Profile, Profiles};
use crate::token::{AuthMode, TokenKind, TokenRecord};

/// The fixed "now" of every request test.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).single().expect("valid fixed date")
}

/// A bundled profile by id.
pub fn profile(id: &str) -> Profile {
    Profiles::bundled().get(id).cloned().unwrap_or_else(|| panic!("bundled profile {id} exists"))
}

/// A live, active token record for `provider` using `mode`.
pub fn record(provider: &str, mode: AuthMode) -> TokenRecord {
    let mut r = TokenRecord::new("tok-1", format!("{provider} test token"), provider, now() - chrono::Duration::days(30));
    r.kind = if mode == AuthMode::Hmac { TokenKind::HmacToken } else { TokenKind::SecretKey };
    r.auth_mode = mode;
    r.masked = "sk_live_••••0000".into();
    r
}

/// A Pandabase HMAC record with a token id and store id, as the seed describes.
pub fn pandabase_hmac() -> TokenRecord {
    let mut r = record("pandabase", AuthMode::Hmac);
    r.token_id = Some("stk_9f8e7d6c5b4a".into());
    r.store_id = Some("shp_abc123".into());
    r
}

/// Output of a finished process.
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    pub ok: bool,
}

/// Runs `program args…` with `envs` set and `stdin` fed in, and waits. Panics (failing the
/// test) only if the program cannot be started at all.
pub fn run(program: &str, args: &[&str], envs: &[(&str, &str)], stdin: &[u8]) -> Ran {
    let mut child = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} must be installed for this test (the documents use it): {e}"));
    let mut input = child.stdin.take().expect("stdin is piped");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("process runs to the end");
    writer.join().expect("stdin writer finishes");
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        ok: out.status.success(),
    }
}
