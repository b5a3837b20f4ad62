//! The `tokenbench` CLI end to end, against the REAL OS keychain (gnome-keyring under
//! `dbus-run-session`, as `.ci/run` sets up). Why: the CLI is what scripts rely on; these tests
//! pin its exit codes, that secrets come from stdin and land only in the keychain (checked with
//! `secret-tool`), and that a locked or missing keychain is reported without losing metadata.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use tokenbench_core::skip;

const SECRET: &str = "sk_live_7b3e9f1a2c4d6e8f0a1b3c5d7e9f1a2b";

/// True with a session bus (and secret-tool to check what was stored); otherwise skips the
/// test loudly, or fails it when the run requires every test (`.ci/run` does), see
/// `tokenbench_core::skip`.
fn keyring_available() -> bool {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|v| v.is_empty()) {
        skip::skip("no D-Bus session bus; run it with `bash .ci/with-keyring cargo test` for the real keychain");
        return false;
    }
    skip::tools_available(&["secret-tool"])
}

fn tokenbench(data: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tokenbench"))
        .args(args)
        .env("TOKENBENCH_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tokenbench");
    // A command that fails before reading stdin (bad usage) closes it: not the test's failure.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait")
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn secret_tool_lookup(id: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "dev.tokenbench.app", "username", id])
        .output()
        .expect("secret-tool is installed (libsecret-tools)");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn token_id(data: &Path, name: &str) -> String {
    let out = tokenbench(data, &["token", "show", name, "--json"], "");
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("show --json is JSON");
    v["id"].as_str().expect("id").to_owned()
}

fn no_file_contains(dir: &Path, needle: &str) {
    for entry in walk(dir) {
        let bytes = std::fs::read(&entry).expect("read");
        assert!(!String::from_utf8_lossy(&bytes).contains(needle), "{} contains the secret", entry.display());
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("ls").flatten() {
        let p = e.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[test]
fn add_reads_the_secret_from_stdin_stores_it_in_the_keychain_and_prints_only_a_mask() {
    if !keyring_available() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let add = tokenbench(
        data.path(),
        &["token", "add", "--name", "Mobile App", "--provider", "pixlpay", "--scopes", "products:read,orders:read", "--expires", "2027-01-31"],
        &format!("{SECRET}\n"),
    );
    assert!(add.status.success(), "add failed: {}", text(&add));
    assert!(!text(&add).contains(&SECRET[8..]), "add printed the secret");
    let id = token_id(data.path(), "Mobile App");
    assert_eq!(secret_tool_lookup(&id).as_deref(), Some(SECRET), "the keychain holds exactly the secret, newline trimmed");
    let list = tokenbench(data.path(), &["token", "list"], "");
    let shown = text(&list);
    assert!(shown.contains("Mobile App") && shown.contains("sk_live_••••1a2b"), "{shown}");
    assert!(!shown.contains(&SECRET[8..]));
    let json = tokenbench(data.path(), &["token", "list", "--json"], "");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v[0]["status"], "active");
    assert_eq!(v[0]["scopes"], serde_json::json!(["products:read", "orders:read"]));
    assert_eq!(v[0]["expires"], "2027-01-31T23:59:59Z");
    no_file_contains(data.path(), &SECRET[8..]);
}

#[test]
fn revoke_asks_for_confirmation_then_removes_the_keychain_entry_and_keeps_the_record() {
    if !keyring_available() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let add = tokenbench(data.path(), &["token", "add", "--name", "ci", "--provider", "pandabase", "--store-id", "shp_demo"], SECRET);
    assert!(add.status.success(), "{}", text(&add));
    let id = token_id(data.path(), "ci");
    let refused = tokenbench(data.path(), &["token", "revoke", "ci"], "");
    assert_eq!(refused.status.code(), Some(6), "unconfirmed revoke must exit 6: {}", text(&refused));
    assert!(text(&refused).contains("--yes"), "the message says how to confirm: {}", text(&refused));
    assert!(secret_tool_lookup(&id).is_some(), "an unconfirmed revoke changes nothing");
    let done = tokenbench(data.path(), &["token", "revoke", "ci", "--yes"], "");
    assert!(done.status.success(), "{}", text(&done));
    assert_eq!(secret_tool_lookup(&id), None, "the keychain entry must be gone");
    let show = tokenbench(data.path(), &["token", "show", "ci", "--json"], "");
    let v: serde_json::Value = serde_json::from_slice(&show.stdout).expect("json");
    assert_eq!(v["status"], "revoked", "the record stays, revoked");
    let rm = tokenbench(data.path(), &["token", "rm", "ci", "--yes"], "");
    assert!(rm.status.success(), "{}", text(&rm));
    assert_eq!(tokenbench(data.path(), &["token", "show", "ci"], "").status.code(), Some(3), "not found exits 3");
}

#[test]
fn bad_input_gets_a_clear_message_and_a_stable_exit_code() {
    if !keyring_available() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let unknown = tokenbench(data.path(), &["token", "add", "--name", "x", "--provider", "stripe"], SECRET);
    assert_eq!(unknown.status.code(), Some(4));
    assert!(text(&unknown).contains("known providers: pandabase"), "{}", text(&unknown));
    let stk = tokenbench(data.path(), &["token", "add", "--name", "x", "--provider", "pandabase"], "stk_abc123def456");
    assert_eq!(stk.status.code(), Some(4));
    assert!(text(&stk).contains("Token ID"), "{}", text(&stk));
    let json_err = tokenbench(data.path(), &["--json", "token", "show", "nope"], "");
    let v: serde_json::Value = serde_json::from_slice(&json_err.stderr).expect("--json errors are {code,message}");
    assert_eq!(v["code"], "not_found");
    assert!(std::fs::read_dir(data.path()).expect("ls").flatten().all(|e| !e.file_name().to_string_lossy().starts_with("tokens.json.corrupt")));
}

#[test]
fn export_has_no_secret_and_import_rebuilds_the_inventory_elsewhere() {
    if !keyring_available() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let add = tokenbench(data.path(), &["token", "add", "--name", "shop", "--provider", "pixlpay", "--tags", "prod,eu"], SECRET);
    assert!(add.status.success(), "{}", text(&add));
    for format in ["json", "csv"] {
        let out = tokenbench(data.path(), &["token", "export", "--format", format], "");
        assert!(out.status.success());
        let exported = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(exported.contains("shop") && !exported.contains(&SECRET[8..]), "{format}: {exported}");
        let other = tempfile::tempdir().expect("tempdir");
        let file = other.path().join(format!("inv.{format}"));
        std::fs::write(&file, &exported).expect("write");
        let import = tokenbench(other.path(), &["token", "import", file.to_str().expect("utf8")], "");
        assert!(import.status.success() && text(&import).contains("Added 1"), "{format}: {}", text(&import));
    }
}

#[test]
fn a_dotenv_import_stores_every_confirmed_token_in_the_keychain() {
    if !keyring_available() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let project = tempfile::tempdir().expect("tempdir");
    let env = project.path().join("app.env");
    std::fs::write(&env, format!("# shop\nexport PIXLPAY_API_KEY=\"{SECRET}\"\nPACSPACE_API_KEY=pk_test_pub42.sec42sec42\n")).expect("write");
    let out = tokenbench(data.path(), &["token", "import", env.to_str().expect("utf8"), "--yes"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Added 2"), "{}", text(&out));
    assert!(!text(&out).contains("sec42sec42"));
    let list = tokenbench(data.path(), &["token", "list", "--json"], "");
    let v: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).expect("json");
    let pac = v.iter().find(|t| t["provider"] == "pacspace").expect("pacspace imported");
    assert_eq!(pac["environment"], "test");
    assert_eq!(secret_tool_lookup(pac["id"].as_str().expect("id")).as_deref(), Some("pk_test_pub42.sec42sec42"));
    no_file_contains(data.path(), "sec42sec42");
}

#[test]
fn doctor_reports_an_unlocked_keychain() {
    if !keyring_available() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let out = tokenbench(data.path(), &["doctor", "--json"], "");
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["keychain"]["state"], "available");
}

#[test]
fn without_a_secret_service_the_cli_says_so_and_keeps_the_inventory() {
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(data.path().join("tokens.json"), r#"{"version":1,"tokens":[]}"#).expect("seed");
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tokenbench"))
            .args(args)
            .env("TOKENBENCH_DATA_DIR", data.path())
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tokenbench-test-bus")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // A command that fails before reading stdin closes it: a broken pipe is not the test's failure.
        if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
        child.wait_with_output().expect("wait")
    };
    let doctor = run(&["doctor"], "");
    assert_eq!(doctor.status.code(), Some(5), "{}", text(&doctor));
    assert!(text(&doctor).contains("No usable keychain"), "{}", text(&doctor));
    let add = run(&["token", "add", "--name", "x", "--provider", "pixlpay"], SECRET);
    assert_eq!(add.status.code(), Some(5), "{}", text(&add));
    assert!(!text(&add).contains(&SECRET[8..]));
    assert_eq!(std::fs::read_to_string(data.path().join("tokens.json")).expect("kept"), r#"{"version":1,"tokens":[]}"#);
    no_file_contains(data.path(), &SECRET[8..]);
}

/// Runs `script` in a fresh D-Bus session with a fresh, unlocked gnome-keyring and NO display
/// (so an unlock prompt is dismissed at once instead of waiting on a dialog).
fn in_private_keyring(script: &str, data: &Path) -> Output {
    let home = tempfile::tempdir().expect("tempdir");
    Command::new("dbus-run-session")
        .args(["--", "bash", "-c", &format!("echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n{script}")])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("TOKENBENCH_DATA_DIR", data)
        .env("TB", env!("CARGO_BIN_EXE_tokenbench"))
        .output()
        .expect("dbus-run-session is installed (package dbus)")
}

#[test]
fn a_locked_keychain_is_reported_clearly_and_never_costs_metadata() {
    if !skip::tools_available(&["gnome-keyring-daemon", "dbus-run-session", "gdbus"]) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let script = format!(
        r#"echo -n '{SECRET}' | "$TB" token add --name kept --provider pixlpay || exit 90
gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
  --method org.freedesktop.Secret.Service.Lock "[objectpath '/org/freedesktop/secrets/collection/login']" >/dev/null || exit 91
"$TB" doctor; echo "doctor=$?"
echo -n 'sk_live_anothersecret12345' | "$TB" token add --name new --provider pixlpay; echo "add=$?"
"$TB" token revoke kept --yes; echo "revoke=$?"
"$TB" token list --json; echo "list=$?"
"#
    );
    let out = in_private_keyring(&script, data.path());
    let all = text(&out);
    assert!(out.status.success(), "setup failed: {all}");
    assert!(all.contains("doctor=5") && all.contains("is locked"), "doctor must say the keychain is locked: {all}");
    assert!(all.contains("add=5"), "adding must be refused while locked: {all}");
    assert!(all.contains("keychain is locked"), "the refusal says what to do: {all}");
    assert!(all.contains("revoke=5"), "revoking must be refused while locked: {all}");
    assert!(all.contains("list=0") && all.contains("\"name\": \"kept\""), "the inventory is intact: {all}");
    assert!(!all.contains("\"status\": \"revoked\""), "nothing was marked revoked: {all}");
    assert!(!all.contains("anothersecret"), "no secret in any output: {all}");
}

#[test]
fn bad_usage_exits_2_as_the_readme_documents_and_help_exits_0() {
    let data = tempfile::tempdir().expect("tempdir");
    let bad = tokenbench(data.path(), &["token", "list", "--no-such-flag"], "");
    assert_eq!(bad.status.code(), Some(2), "an unknown flag is bad usage: {}", text(&bad));
    let missing = tokenbench(data.path(), &["token", "show"], "");
    assert_eq!(missing.status.code(), Some(2), "a missing argument is bad usage: {}", text(&missing));
    let help = tokenbench(data.path(), &["--help"], "");
    assert_eq!(help.status.code(), Some(0), "help is a success: {}", text(&help));
}

/// A loopback server that echoes each request the way httpbin's `/anything` does: every request
/// header back as an `x-echo-*` response header and in a JSON body, the authorization value also
/// URL-encoded (`%5F` for `_`) and base64-encoded. Serves `n` requests, then stops.
fn echo_server(n: usize) -> (String, std::thread::JoinHandle<()>) {
    use std::io::{BufRead, BufReader, Read};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().take(n) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut headers = Vec::new();
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some((name, value)) = line.trim_end().split_once(": ") {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.parse().unwrap_or(0);
                    }
                    headers.push((name.to_owned(), value.to_owned()));
                }
            }
            let mut body = vec![0u8; length];
            let _ = reader.read_exact(&mut body);
            let auth = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("authorization") || n.eq_ignore_ascii_case("x-internal-key")).map(|(_, v)| v.clone()).unwrap_or_default();
            let urlencoded: String = auth.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
            let b64 = {
                use std::fmt::Write as _;
                // Standard base64, written out here so the test does not share the redactor's encoder.
                const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                let bytes = format!("seen:{auth}").into_bytes();
                let mut out = String::new();
                for chunk in bytes.chunks(3) {
                    let n = (u32::from(chunk[0]) << 16) | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8) | u32::from(*chunk.get(2).unwrap_or(&0));
                    for i in 0..4 {
                        if i <= chunk.len() {
                            let _ = out.write_char(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
                        } else {
                            out.push('=');
                        }
                    }
                }
                out
            };
            let echoed: Vec<String> = headers.iter().map(|(n, v)| format!("{:?}: {:?}", n, v)).collect();
            let json = format!("{{\"headers\": {{{}}}, \"logged\": \"{urlencoded}\", \"digest\": \"{b64}\"}}", echoed.join(", "));
            let mut reply = String::from("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n");
            for (n, v) in &headers {
                reply.push_str(&format!("x-echo-{n}: {v}\r\n"));
            }
            reply.push_str(&format!("content-length: {}\r\n\r\n{json}", json.len()));
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    (base, handle)
}

/// The hardening issue's first finding: a server that echoes its request put the secret on
/// screen through `tokenbench send`, in headers and in the URL-encoded and base64 forms, and in
/// full for a secret of no known shape. Both the text and the JSON face must show masks only.
#[test]
fn send_never_prints_a_secret_an_echoing_server_sends_back() {
    if !keyring_available() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let (base, server) = echo_server(4);
    let known = "sk_test_Qw3rTy8uIoP1aSdFgH4jKlZx";
    let custom = "intl-9f8e7d6c5b4a3f2e1d0cbbaa";
    let add = tokenbench(data.path(), &["token", "add", "--name", "pix", "--provider", "pixlpay", "--env", "test", "--base-url", &base], known);
    assert!(add.status.success(), "{}", text(&add));
    let add = tokenbench(
        data.path(),
        &["token", "add", "--name", "internal", "--provider", "custom", "--env", "test", "--mode", "custom", "--header", "X-Internal-Key", "--base-url", &base],
        custom,
    );
    assert!(add.status.success(), "{}", text(&add));
    for (token, secret) in [("pix", known), ("internal", custom)] {
        for json in [false, true] {
            let mut args = vec!["send", "--token", token, "/anything"];
            if json {
                args.push("--json");
            }
            let out = tokenbench(data.path(), &args, "");
            let shown = text(&out);
            assert!(out.status.success(), "{shown}");
            assert!(shown.contains("x-echo-"), "the echo server answered: {shown}");
            let body = &secret[secret.len() - 16..secret.len() - 4];
            assert!(!shown.contains(body), "{token} (json: {json}) printed its secret: {shown}");
            assert!(shown.contains(&format!("••••{}", &secret[secret.len() - 4..])), "{token}: the echo shows the mask instead: {shown}");
        }
    }
    server.join().expect("echo server");
}
