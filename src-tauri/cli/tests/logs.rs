//! `tokenbench logs` and `tokenbench usage` end to end: real `tokenbench send`s to a real
//! `tokenbench sandbox` (with its tokens in the REAL keychain, as `.ci/run` sets up), read back
//! with `--json`. Why: the request log is written by one process and read by another; these pin
//! the figures a script sees, the filters, and that the log files hold no secret in any
//! encoding.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokenbench_core::skip;

/// The one skip policy (`tokenbench_core::skip`): skips loudly, or fails where everything is required.
fn keyring_available() -> bool {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|v| v.is_empty()) {
        skip::skip("no D-Bus session bus; run it with `bash .ci/with-keyring cargo test` for the real keychain");
        return false;
    }
    skip::tools_available(&["secret-tool"])
}

fn tokenbench(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tokenbench"))
        .args(args)
        .env("TOKENBENCH_DATA_DIR", data)
        .stdin(Stdio::null())
        .output()
        .expect("run tokenbench")
}

fn json(data: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = tokenbench(data, &all);
    assert!(out.status.success(), "tokenbench {args:?} failed: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("tokenbench {args:?} --json is not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// A running `tokenbench sandbox` on a free port, stopped on drop.
struct Sandbox(Child, u16);

impl Sandbox {
    fn start(data: &Path) -> Self {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let child = Command::new(env!("CARGO_BIN_EXE_tokenbench"))
            .args(["sandbox", "--port", &port.to_string()])
            .env("TOKENBENCH_DATA_DIR", data)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the sandbox");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the sandbox did not listen on {port} within 20 s");
            std::thread::sleep(Duration::from_millis(50));
        }
        Sandbox(child, port)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn secret_of(id: &str) -> String {
    let out = Command::new("secret-tool").args(["lookup", "service", "dev.tokenbench.app", "username", id]).output().expect("secret-tool is installed");
    assert!(out.status.success(), "the sandbox token's secret is in the keychain");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The ways a secret could sit in a file: as is, UTF-16LE, hex, and base64 (the three
/// alignments' stable middles), percent-encoded.
fn encodings(secret: &str) -> Vec<Vec<u8>> {
    use std::fmt::Write;
    let raw = secret.as_bytes();
    let hex = raw.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    let mut out = vec![raw.to_vec(), secret.encode_utf16().flat_map(u16::to_le_bytes).collect(), hex.clone().into_bytes(), hex.to_uppercase().into_bytes()];
    out.push(secret.replace('_', "%5F").into_bytes());
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for pad in 0..3usize {
        let mut bytes = vec![0u8; pad];
        bytes.extend_from_slice(raw);
        let mut text = String::new();
        for c in bytes.chunks(3) {
            let n = (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
            for i in 0..=c.len() {
                text.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        let start = (pad * 4).div_ceil(3);
        out.push(text.as_bytes()[start..text.len() - 2].to_vec());
    }
    out
}

#[test]
fn sends_to_the_sandbox_come_back_from_logs_and_usage_as_json() {
    if !keyring_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    let sandbox = Sandbox::start(data);
    let port = sandbox.1.to_string();
    let shop = json(data, &["sandbox", "--port", &port, "token", "--provider", "pandabase", "--name", "shop"]);
    let pix = json(data, &["sandbox", "--port", &port, "token", "--provider", "pixlpay", "--name", "pix", "--scopes", "orders:read"]);
    for _ in 0..3 {
        json(data, &["send", "--token", "shop", "/v2/core/stores/{storeId}/products"]);
    }
    let denied = json(data, &["send", "--token", "pix", "/v1/store/products"]);
    assert_eq!(denied["response"]["status"], 403, "pixlpay without products:read");

    let rows = json(data, &["logs"]);
    let rows = rows.as_array().expect("logs --json is an array of rows");
    assert_eq!(rows.len(), 4, "every send was logged, by the process that sent it: {rows:?}");
    assert_eq!(rows[0]["status"], 403, "newest first");
    assert_eq!(rows[0]["tokenName"], "pix");
    assert!(rows.iter().all(|r| r["remoteIp"] == "127.0.0.1" && r["totalMs"].as_f64().is_some_and(|ms| ms > 0.0)), "measured, from loopback");
    assert_eq!(rows[1]["pathTemplate"], "/v2/core/stores/{storeId}/products");
    let fours = json(data, &["logs", "--status", "4xx"]);
    assert_eq!(fours.as_array().map(Vec::len), Some(1));
    let shop_only = json(data, &["logs", "--token", "shop", "--limit", "2"]);
    assert_eq!(shop_only.as_array().map(Vec::len), Some(2), "--token and --limit");
    assert_eq!(json(data, &["logs", "--since", "1h"]).as_array().map(Vec::len), Some(4));

    let usage = json(data, &["usage"]);
    assert_eq!(usage["total"], 4);
    assert_eq!(usage["errors"], 1);
    assert_eq!(usage["errorRate"], 0.25);
    assert!(usage["avgMs"].as_f64().is_some_and(|v| v > 0.0) && usage["p95Ms"].as_f64().is_some_and(|v| v > 0.0), "{usage}");
    let timeline = usage["timeline"].as_array().expect("timeline");
    assert_eq!(timeline.len(), 30, "30 daily buckets by default");
    assert_eq!(timeline.iter().map(|p| p["requests"].as_u64().unwrap_or(0)).sum::<u64>(), 4);
    let endpoints = usage["endpoints"].as_array().expect("endpoints");
    assert_eq!(endpoints[0]["pathTemplate"], "/v2/core/stores/{storeId}/products");
    assert_eq!((endpoints[0]["requests"].as_u64(), endpoints[0]["successRate"].as_f64()), (Some(3), Some(1.0)));
    assert_eq!(usage["recent"].as_array().map(Vec::len), Some(4));
    let one = json(data, &["usage", "--token", "pix", "--range", "today"]);
    assert_eq!((one["total"].as_u64(), one["errorRate"].as_f64(), one["bucket"].as_str()), (Some(1), Some(1.0), Some("hour")));

    let text = tokenbench(data, &["usage"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("requests     4"), "{}", String::from_utf8_lossy(&text.stdout));
    drop(sandbox);

    let files: Vec<_> = std::fs::read_dir(data).expect("ls").flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().contains("requests.sqlite3")).collect();
    assert!(files.iter().any(|p| p.to_string_lossy().ends_with("requests.sqlite3")), "the log is in the data folder: {files:?}");
    for token in [&shop, &pix] {
        let secret = secret_of(token["id"].as_str().expect("id"));
        assert!(secret.len() > 12);
        for file in &files {
            let bytes = std::fs::read(file).expect("read");
            for pattern in encodings(&secret) {
                assert!(!bytes.windows(pattern.len()).any(|w| w == pattern.as_slice()), "{} holds a secret (encoded as {:?})", file.display(), String::from_utf8_lossy(&pattern));
            }
        }
    }
}
