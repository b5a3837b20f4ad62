//! Filtering an inventory of 10,000 tokens in the core, with `grep` over the same inventory as
//! JSON lines timed in the same run as the reference; and the whole `list_tokens` path (read
//! the metadata file, list, encode the JSON the UI receives) against reading and parsing the
//! same file. Prints figures, asserts nothing.
//!
//! `cargo run --release -p tokenbench-core --example bench_inventory`

use std::io::Write;
use std::time::Instant;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use tokenbench_core::inventory::Inventory;
use tokenbench_core::paths::DataDir;
use tokenbench_core::profile::Profiles;
use tokenbench_core::query::{list, ListQuery, SortKey, StatusFilter};
use tokenbench_core::token::{Environment, TokenRecord};
use tokenbench_core::vault::MemoryVault;

#[path = "support/generated.rs"]
mod generated;

const N: usize = 10_000;
const RUNS: usize = 50;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn time<T>(f: impl Fn() -> T) -> (f64, T) {
    let mut samples = Vec::new();
    let mut out = f();
    for _ in 0..RUNS {
        let t = Instant::now();
        out = f();
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    (median(samples), out)
}

fn main() {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).single().expect("date");
    let records: Vec<TokenRecord> = generated::records(N, now);
    let profiles = Profiles::bundled();
    let queries: Vec<(&str, ListQuery)> = vec![
        ("everything, by name", ListQuery::default()),
        ("search 'team-7 storefront'", ListQuery { search: Some("team-7 storefront".into()), ..Default::default() }),
        ("provider + env + tag", ListQuery { provider: Some("pixlpay".into()), environment: Some(Environment::Live), tag: Some("backend".into()), ..Default::default() }),
        ("expires soon, by expiry", ListQuery { status: Some(StatusFilter::ExpiresSoon), sort: Some(SortKey::Expires), ..Default::default() }),
        ("sort by last used, desc", ListQuery { sort: Some(SortKey::LastUsed), descending: true, ..Default::default() }),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    let lines = dir.path().join("tokens.jsonl");
    let mut f = std::fs::File::create(&lines).expect("create");
    for r in &records {
        writeln!(f, "{}", serde_json::to_string(r).expect("json")).expect("write");
    }
    drop(f);
    println!("inventory of {N} tokens, median of {RUNS} runs each");
    println!("{:<32} {:>10} {:>8}", "query", "ms", "matches");
    for (label, q) in &queries {
        let (ms, views) = time(|| list(&records, q, &profiles, now));
        println!("{label:<32} {ms:>10.2} {:>8}", views.len());
    }
    let (grep_ms, _) = time(|| {
        std::process::Command::new("grep").args(["-c", "-i", "team-7"]).arg(&lines).output().expect("grep runs")
    });
    let (core_ms, _) = time(|| list(&records, &ListQuery { search: Some("team-7".into()), ..Default::default() }, &profiles, now));
    println!("\nreference: `grep -c -i team-7` over the same 10,000 records as JSON lines (whole process): {grep_ms:.2} ms");
    println!("core search 'team-7' (views built, sorted): {core_ms:.2} ms  → {:.2}× grep's time", core_ms / grep_ms);

    // What the app's list_tokens command does for the inventory view: load, list, encode.
    let data = DataDir::at(dir.path().join("data")).expect("data dir");
    let inv = Inventory::open(data, Arc::new(MemoryVault::new())).expect("open");
    inv.insert_records(records.clone(), now).expect("seed");
    let file = inv.metadata_file().path().to_owned();
    let (parse_ms, _) = time(|| serde_json::from_slice::<serde_json::Value>(&std::fs::read(&file).expect("read")).expect("parse"));
    let (list_ms, bytes) = time(|| serde_json::to_vec(&inv.list(&ListQuery::default(), now).expect("list")).expect("encode").len());
    println!("\nlist_tokens path for {N} tokens (read tokens.json, list by name, encode {} KiB of JSON): {list_ms:.2} ms", bytes / 1024);
    println!("reference: read + parse the same tokens.json ({} KiB) into a JSON value: {parse_ms:.2} ms  → {:.2}×", std::fs::metadata(&file).expect("size").len() / 1024, list_ms / parse_ms);
}
