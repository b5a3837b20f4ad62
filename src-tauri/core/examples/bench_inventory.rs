//! Filtering an inventory of 10,000 tokens in the core, with `grep` over the same inventory as
//! JSON lines timed in the same run as the reference. Prints figures, asserts nothing.
//!
//! `cargo run --release -p tokenbench-core --example bench_inventory`

use std::io::Write;
use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use tokenbench_core::profile::Profiles;
use tokenbench_core::query::{list, ListQuery, SortKey, StatusFilter};
use tokenbench_core::token::{Environment, TokenRecord};

const N: usize = 10_000;
const RUNS: usize = 50;

fn record(i: usize, now: chrono::DateTime<Utc>) -> TokenRecord {
    let providers = ["pandabase", "pixlpay", "pacspace", "commerce", "shipped"];
    let mut r = TokenRecord::new(format!("id-{i:05}"), format!("integration-{i:05}"), providers[i % 5], now - Duration::days((i % 400) as i64));
    r.environment = if i.is_multiple_of(3) { Environment::Test } else { Environment::Live };
    r.store_id = Some(format!("shp_{i:05}"));
    r.scopes = vec!["PRODUCTS_READ".into()];
    r.expires = i.is_multiple_of(4).then(|| now + Duration::days((i % 60) as i64 - 10));
    r.last_used = i.is_multiple_of(2).then(|| now - Duration::hours(i as i64 % 1000));
    r.revoked_at = i.is_multiple_of(17).then_some(now);
    r.tags = vec![if i.is_multiple_of(7) { "storefront".into() } else { "backend".into() }];
    r.notes = format!("owner team-{}", i % 23);
    r.masked = format!("sk_live_••••{:04}", i % 10_000);
    r
}

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
    let records: Vec<TokenRecord> = (0..N).map(|i| record(i, now)).collect();
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
}
