//! HMAC signing throughput: `hmac_sign::signature_with_key` on 64 MiB against
//! `openssl dgst -sha256 -hmac KEY` on the same bytes, in the same run. Prints MiB/s for both
//! and the ratio. No assertion on speed: only on both producing the same signature.
//!
//! Run: `cargo run --release -p tokenbench-core --example bench_hmac [-- --mib 64 --runs 5]`

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use tokenbench_core::hmac_sign::{signature_with_key, signing_key};
use tokenbench_core::Secret;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Deterministic bytes (xorshift64), so every run signs the same input.
fn input(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn mib_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / d.as_secs_f64()
}

/// OpenSSL's own in-memory HMAC-SHA256 figure in bytes/s (`openssl speed`), to separate its
/// hashing speed from `openssl dgst`'s process start and file reading.
fn openssl_speed() -> Option<f64> {
    let out = Command::new("openssl")
        .args(["speed", "-seconds", "2", "-bytes", "16384", "-hmac", "sha256"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("hmac(sha256)"))?;
    let kilo: f64 = line.split_whitespace().last()?.trim_end_matches('k').parse().ok()?;
    Some(kilo * 1000.0)
}

fn main() {
    let mib = arg("--mib", 64);
    let runs = arg("--runs", 5).max(1);
    let len = mib * 1024 * 1024;
    let data = input(len);
    let mut file = tempfile::NamedTempFile::new().expect("a temp file for openssl to read");
    file.write_all(&data).expect("write the input file");
    file.flush().expect("flush the input file");

    // A made-up bench secret; the derived key is what both sides use (openssl takes it as text).
    let key = signing_key(&Secret::new("sk_test_benchmark_only_not_a_real_secret"));

    let ours = signature_with_key(&key, &data); // warm-up, and the reference answer
    let mut rust_times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let sig = signature_with_key(&key, std::hint::black_box(&data));
        rust_times.push(t.elapsed());
        assert_eq!(sig, ours, "signing the same bytes twice must agree");
    }

    let openssl = |path: &std::path::Path| {
        let t = Instant::now();
        let out = Command::new("openssl")
            .args(["dgst", "-sha256", "-hmac", key.expose()])
            .arg(path)
            .output()
            .expect("openssl is installed");
        (t.elapsed(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (_, first) = openssl(file.path()); // warm-up: page cache, binary
    let theirs = first.split_whitespace().last().unwrap_or_default().to_string();
    assert_eq!(theirs, ours, "openssl and hmac_sign must produce the same signature");
    let openssl_times: Vec<Duration> = (0..runs).map(|_| openssl(file.path()).0).collect();

    let rust_best = *rust_times.iter().min().expect("at least one run");
    let ossl_best = *openssl_times.iter().min().expect("at least one run");
    let (rust_med, ossl_med) = (median(rust_times), median(openssl_times));
    println!("HMAC-SHA256 over {mib} MiB, {runs} runs each (signatures identical: {})", &ours[..16]);
    println!("  hmac_sign::signature_with_key  median {:>8.1} MiB/s   best {:>8.1} MiB/s", mib_per_s(len, rust_med), mib_per_s(len, rust_best));
    println!("  openssl dgst -sha256 -hmac     median {:>8.1} MiB/s   best {:>8.1} MiB/s   (whole process: start + read file + hash)", mib_per_s(len, ossl_med), mib_per_s(len, ossl_best));
    println!(
        "  ratio ours/openssl             median {:.2}x          best {:.2}x   (goal >= 0.9x)",
        ossl_med.as_secs_f64() / rust_med.as_secs_f64(),
        ossl_best.as_secs_f64() / rust_best.as_secs_f64()
    );
    match openssl_speed() {
        Some(bps) => println!(
            "  openssl speed -hmac sha256      {:>8.1} MiB/s   (in memory, 16 KiB blocks, no process or file)   ratio ours/openssl {:.2}x",
            bps / (1024.0 * 1024.0),
            mib_per_s(len, rust_med) * 1024.0 * 1024.0 / bps
        ),
        None => println!("  openssl speed -hmac sha256: not available on this openssl"),
    }
    let sha_ni = std::fs::read_to_string("/proc/cpuinfo").map(|c| c.contains(" sha_ni")).unwrap_or(false);
    println!("  CPU SHA extensions (sha_ni): {sha_ni} — sha2 0.10 uses them at run time when present");
}
