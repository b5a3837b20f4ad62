#![cfg(unix)]
//! cURL import conformance: every command of `corpus.txt` is run by bash with the real `curl`
//! against a loopback capture server, and what curl sent is compared with what the importer
//! makes of the same text (see `compare.rs` for what counts as the same). Two figures: the
//! import as the app does it (pasted text, no files read) and as `tokenbench import-curl`
//! does it in the command's folder (files read). The test holds the CLI figure to at least 95%
//! and requires every command that does not match, in either mode, to carry a note saying
//! what was left out. Run: `cargo test -p tokenbench-core --test curl_conformance -- --nocapture`.

mod capture;
mod compare;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tokenbench_core::request::curl_import::{import_curl, import_curl_reading_files};
use tokenbench_core::request::CurlImport;

use capture::CaptureServer;

/// One command of the corpus.
struct Entry {
    title: String,
    command: String,
}

/// The corpus: environment variables, fixture files, and the commands.
struct Corpus {
    env: BTreeMap<String, String>,
    files: Vec<(String, Vec<u8>)>,
    entries: Vec<Entry>,
}

/// `@env NAME=value`, `@file NAME CONTENT` (with `\n`, `\t`, `\\` and `\xHH` escapes) and
/// `### title` lines, each title followed by its command.
fn read_corpus() -> Corpus {
    let text = include_str!("corpus.txt");
    let mut corpus = Corpus { env: BTreeMap::new(), files: Vec::new(), entries: Vec::new() };
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("### ") {
            corpus.entries.push(Entry { title: title.trim().to_string(), command: String::new() });
        } else if let Some(entry) = corpus.entries.last_mut() {
            entry.command.push_str(line);
            entry.command.push('\n');
        } else if let Some(var) = line.strip_prefix("@env ") {
            let (name, value) = var.split_once('=').expect("@env NAME=value");
            corpus.env.insert(name.to_string(), value.to_string());
        } else if let Some(file) = line.strip_prefix("@file ") {
            let (name, content) = file.split_once(' ').expect("@file NAME CONTENT");
            corpus.files.push((name.to_string(), unescape(content)));
        }
    }
    for e in &mut corpus.entries {
        e.command = e.command.trim_end().to_string() + "\n";
    }
    corpus
}

fn unescape(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'\\', Some(b'n')) => out.push(b'\n'),
            (b'\\', Some(b't')) => out.push(b'\t'),
            (b'\\', Some(b'r')) => out.push(b'\r'),
            (b'\\', Some(b'\\')) => out.push(b'\\'),
            (b'\\', Some(b'x')) => {
                let hex = std::str::from_utf8(&bytes[i + 2..i + 4]).expect("\\xHH");
                out.push(u8::from_str_radix(hex, 16).expect("\\xHH"));
                i += 2;
            }
            (b, _) => {
                out.push(b);
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    out
}

/// The folder curl runs in: the fixture files and a `bin/curl` that sends to the server.
fn workspace(corpus: &Corpus, port: u16) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in &corpus.files {
        std::fs::write(dir.path().join(name), content).expect("write fixture");
    }
    let real = which("curl").expect("curl must be installed for this test (bash .ci/setup installs it)");
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).expect("bin dir");
    // -q first (no ~/.curlrc), then the redirection to the capture server; the command's own
    // options follow and win where they repeat one of these.
    let wrapper = format!(
        "#!/bin/sh\nexec {} -q --connect-to ::127.0.0.1:{port} -k -sS --max-time 10 \"$@\"\n",
        real.display()
    );
    std::fs::write(bin.join("curl"), wrapper).expect("write wrapper");
    Command::new("chmod").arg("+x").arg(bin.join("curl")).status().expect("chmod");
    (dir, bin)
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(program)).find(|p| p.is_file())
}

/// Runs one command with bash in `dir`; returns curl's stderr if the run failed.
fn run_with_curl(command: &str, dir: &Path, bin: &Path, env: &BTreeMap<String, String>) -> Option<String> {
    let script = dir.join("command.sh");
    std::fs::write(&script, command).expect("write script");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut child = Command::new("bash")
        .arg(&script)
        .current_dir(dir)
        .env_clear()
        .env("PATH", path)
        .env("HOME", dir)
        .env("LC_ALL", "C.UTF-8")
        .envs(env)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bash must be installed");
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            return Some("timed out after 30 s".into());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    (!out.status.success()).then(|| String::from_utf8_lossy(&out.stderr).into_owned())
}

/// One mode's verdict on one command.
struct Verdict {
    diffs: Vec<String>,
    notes: Vec<String>,
}

fn judge(result: tokenbench_core::Result<CurlImport>, sent: &[capture::Captured], env: &BTreeMap<String, String>) -> Verdict {
    match result {
        Ok(imp) => Verdict { diffs: compare::differences(&imp, sent, env), notes: imp.notes },
        Err(e) => Verdict { diffs: vec![format!("the import failed: {e}")], notes: vec![] },
    }
}

#[test]
fn curl_corpus_imports_as_curl_sends_it() {
    let corpus = read_corpus();
    assert!(corpus.entries.len() >= 100, "the corpus must hold at least 100 commands; it has {}", corpus.entries.len());
    let certs = tempfile::tempdir().expect("temp dir");
    let server = CaptureServer::start(certs.path());
    let (dir, bin) = workspace(&corpus, server.port);

    let mut broken = Vec::new();
    let (mut pasted, mut cli) = (Vec::new(), Vec::new());
    for entry in &corpus.entries {
        server.take();
        let failure = run_with_curl(&entry.command, dir.path(), &bin, &corpus.env);
        let sent = server.take();
        if sent.is_empty() {
            broken.push(format!("{}: curl sent nothing ({})", entry.title, failure.unwrap_or_default().trim()));
            continue;
        }
        pasted.push((entry, judge(import_curl(&entry.command), &sent, &corpus.env)));
        cli.push((entry, judge(import_curl_reading_files(&entry.command, dir.path()), &sent, &corpus.env)));
    }
    assert!(broken.is_empty(), "commands of the corpus that curl does not send (fix the corpus):\n{}", broken.join("\n"));

    let total = corpus.entries.len();
    let mut unexplained = Vec::new();
    for (mode, verdicts) in [("pasted (app, no files read)", &pasted), ("tokenbench import-curl (files read)", &cli)] {
        let matching = verdicts.iter().filter(|(_, v)| v.diffs.is_empty()).count();
        println!("\ncURL import, {mode}: {matching} of {total} import as curl sends them");
        for (entry, v) in verdicts.iter().filter(|(_, v)| !v.diffs.is_empty()) {
            println!("  ✗ {}\n      differs: {}\n      notes:   {}", entry.title, v.diffs.join("; "), v.notes.join(" | "));
            if v.notes.is_empty() {
                unexplained.push(format!("{mode}: {}: {}", entry.title, v.diffs.join("; ")));
            }
        }
    }
    assert!(unexplained.is_empty(), "imports that differ from curl without a note saying what was left out:\n{}", unexplained.join("\n"));
    // Reading no files is the only reason a pasted import may differ where the CLI's matches.
    for ((entry, paste), (_, read)) in pasted.iter().zip(&cli) {
        if read.diffs.is_empty() && !paste.diffs.is_empty() {
            assert!(
                paste.notes.iter().any(|n| n.contains("which a pasted import does not read")),
                "{} differs when pasted for another reason than an unread file: {:?}",
                entry.title,
                paste.diffs
            );
        }
    }
    let matching = cli.iter().filter(|(_, v)| v.diffs.is_empty()).count();
    assert!(matching * 100 >= total * 95, "only {matching} of {total} commands import as curl sends them (the goal is 95%)");
}

#[test]
fn no_prefix_or_suffix_of_a_corpus_command_makes_the_importer_panic() {
    // Bad input gets an error or notes, never a crash: every cut of every command is imported.
    let mut imports = 0;
    for entry in read_corpus().entries {
        let chars: Vec<char> = entry.command.chars().collect();
        for cut in 0..=chars.len() {
            let head: String = chars[..cut].iter().collect();
            let tail: String = chars[cut..].iter().collect();
            let _ = import_curl(&head);
            let _ = import_curl(&format!("curl {tail}"));
            imports += 2;
        }
    }
    assert!(imports > 40_000, "{imports} imports");
}
