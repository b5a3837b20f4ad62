//! The request log at scale: a generated log of 1,000,000 rows over a year (six tokens, nine
//! endpoints, failures and refusals), then
//! - batched insert throughput (rows/s, 10,000 rows per transaction) while it is built;
//! - the database size per million rows;
//! - the insert cost of one request (one transaction per row, as the tester records a send);
//! - the whole Usage page's figures for 30 days from the rollups, against the same figures
//!   straight from the raw rows (the reference, measured in the same run), as a ratio;
//! - Logs view pages: the first page with its count, a status filter, and page 1,000 by keyset.
//!
//! Prints figures and ratios; asserts nothing about time.
//!
//! Run: `cargo run --release -p tokenbench-core --example bench_log -- [--rows N] [--runs N]`

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tokenbench_core::request_log::synthetic::{entries, entry, Rng};
use tokenbench_core::request_log::{LogCursor, LogFilter, RequestLog, UsageQuery, UsageRange};

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and spread of `runs` timings of `work`.
fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, Duration, Duration) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(work());
            t.elapsed()
        })
        .collect();
    samples.sort();
    (samples[samples.len() / 2], samples[0], samples[samples.len() - 1])
}

fn size_of(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir).map(|d| d.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum()).unwrap_or(0)
}

fn main() {
    let rows = arg("--rows", 1_000_000);
    let runs = arg("--runs", 15).max(3);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("requests.sqlite3");
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-03-10T15:30:00Z").expect("date").with_timezone(&Utc);
    let log = RequestLog::open(&path, now).expect("open");
    println!("Request log benchmark: {rows} rows over 365 days in {}", path.display());

    // Batched inserts (10,000 rows per transaction), the log built on the way.
    let batch = 10_000;
    let all = entries(rows, now - chrono::Duration::days(365), now, 42);
    let t = Instant::now();
    for chunk in all.chunks(batch) {
        log.record_all(chunk).expect("insert");
    }
    let built = t.elapsed();
    drop(all);
    println!("  batched insert ({batch} per transaction)      {:>10.0} rows/s   ({:.1} s for {rows})", rows as f64 / built.as_secs_f64(), built.as_secs_f64());

    // One transaction per request, as the tester records a send.
    let mut rng = Rng::new(7);
    let singles = 2_000;
    let mut samples: Vec<Duration> = (0..singles)
        .map(|i| {
            let e = entry(&mut rng, now - chrono::Duration::seconds(i));
            let t = Instant::now();
            log.record(&e).expect("insert");
            t.elapsed()
        })
        .collect();
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
    let mean = samples.iter().sum::<Duration>() / singles as u32;
    println!("  insert of one request (own transaction)      p50 {:.3} ms   p99 {:.3} ms   mean {:.3} ms   (goal ≤ 0.2 ms)", ms(at(0.5)), ms(at(0.99)), ms(mean));

    // Size, after folding the WAL into the file.
    drop(log);
    let log = RequestLog::open(&path, now).expect("reopen");
    let bytes = size_of(dir.path());
    println!("  database size                                {:>10.1} MiB   ({:.1} MiB per million rows, {:.0} bytes per row)", bytes as f64 / 1048576.0, bytes as f64 / 1048576.0 / (rows as f64 / 1e6), bytes as f64 / rows as f64);

    // The Usage page's figures for 30 days: rollups against raw rows, same run.
    let q = UsageQuery { range: UsageRange::Days30, ..UsageQuery::default() };
    let fast = log.usage(&q, now).expect("figures");
    let slow = log.usage_from_rows(&q, now).expect("figures");
    assert_eq!((fast.total, fast.errors, fast.timeline.len()), (slow.total, slow.errors, slow.timeline.len()), "both computations agree");
    let (f50, fmin, fmax) = time(runs, || log.usage(&q, now).expect("figures"));
    let (s50, smin, smax) = time(runs.min(7), || log.usage_from_rows(&q, now).expect("figures"));
    println!("  30-day Usage figures, every token ({} requests in range)", fast.total);
    println!("    from the hourly rollups                    {:>8.2} ms  [{:.2}–{:.2}]   (goal ≤ 30 ms)", ms(f50), ms(fmin), ms(fmax));
    println!("    straight from the raw rows (reference)     {:>8.2} ms  [{:.2}–{:.2}]", ms(s50), ms(smin), ms(smax));
    println!("    rollups / raw rows                         {:>8.3}×  ({:.0}× faster)", f50.as_secs_f64() / s50.as_secs_f64(), s50.as_secs_f64() / f50.as_secs_f64());
    let one = UsageQuery { token_id: Some("tok-storefront".into()), ..q.clone() };
    let (o50, _, _) = time(runs, || log.usage(&one, now).expect("figures"));
    let (r50, _, _) = time(runs.min(7), || log.usage_from_rows(&one, now).expect("figures"));
    println!("  30-day Usage figures, one token               {:>8.2} ms rollups vs {:.2} ms raw ({:.3}×)", ms(o50), ms(r50), o50.as_secs_f64() / r50.as_secs_f64());
    let year = UsageQuery { range: UsageRange::Year, ..UsageQuery::default() };
    let (y50, _, _) = time(runs, || log.usage(&year, now).expect("figures"));
    println!("  1-year Usage figures, every token             {:>8.2} ms rollups", ms(y50));

    // The Logs view.
    let all = LogFilter::default();
    let (p1, _, _) = time(runs, || log.page(&all, None, 100).expect("page"));
    println!("  Logs: first page of 100 with the total count   {:>8.2} ms", ms(p1));
    let fours = LogFilter { status: Some("4xx".into()), ..LogFilter::default() };
    let (p4, _, _) = time(runs, || log.page(&fours, None, 100).expect("page"));
    println!("  Logs: first page of 4xx with the count         {:>8.2} ms", ms(p4));
    let mut cursor: Option<LogCursor> = None;
    for _ in 0..999 {
        cursor = log.page(&all, cursor, 100).expect("page").next;
    }
    let (deep, _, _) = time(runs, || log.page(&all, cursor, 100).expect("page"));
    println!("  Logs: page 1,000 (keyset, no OFFSET)           {:>8.2} ms", ms(deep));
}
