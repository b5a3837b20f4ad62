//! A generated log (thousands of rows over 400 days, six tokens, failures and refusals): the
//! rollups must give exactly what the raw rows give (p95 within its bin error), and both must
//! match totals counted in plain Rust from the rows themselves.

use chrono::Duration;

use super::super::entry::{is_error_class, NewEntry};
use super::super::figures::{UsageFigures, UsageQuery};
use super::super::synthetic::{entries, TOKENS};
use super::super::window::{UsageRange, Window};
use super::{at, log};

const RANGES: [UsageRange; 5] = [UsageRange::Today, UsageRange::Days7, UsageRange::Days30, UsageRange::Year, UsageRange::All];

fn generated() -> (tempfile::TempDir, super::RequestLog, Vec<NewEntry>) {
    let (dir, log) = log();
    let now = at("2026-03-10T15:30:00Z");
    let rows = entries(6_000, now - Duration::days(400), now, 7);
    log.record_all(&rows).expect("insert");
    (dir, log, rows)
}

fn same_except_p95(a: &UsageFigures, b: &UsageFigures, what: &str) {
    assert_eq!((a.total, a.today, a.errors), (b.total, b.today, b.errors), "{what}: totals");
    assert_eq!(a.status_classes, b.status_classes, "{what}: status classes");
    assert_eq!(a.timeline, b.timeline, "{what}: timeline");
    assert_eq!(a.endpoints, b.endpoints, "{what}: endpoints");
    assert_eq!(a.avg_ms, b.avg_ms, "{what}: average");
    assert_eq!(a.recent, b.recent, "{what}: recent calls");
    assert_eq!((a.from, a.bucket), (b.from, b.bucket), "{what}: window");
    match (a.p95_ms, b.p95_ms) {
        (Some(x), Some(y)) => assert!((x / y - 1.0).abs() <= 0.0443, "{what}: p95 {x} vs exact {y}"),
        (x, y) => assert_eq!(x, y, "{what}: p95 presence"),
    }
}

#[test]
fn rollups_give_the_raw_rows_figures_for_every_range_token_and_time_zone() {
    let (_dir, log, _rows) = generated();
    let now = at("2026-03-10T15:30:00Z");
    let tokens = [None, Some(TOKENS[0].0), Some(TOKENS[5].0)];
    for range in RANGES {
        for token in tokens {
            for offset in [0, 120, -300, 330] {
                let q = UsageQuery { token_id: token.map(str::to_owned), range, utc_offset_minutes: offset, recent_status: None };
                let fast = log.usage(&q, now).expect("rollups");
                let slow = log.usage_from_rows(&q, now).expect("raw rows");
                same_except_p95(&fast, &slow, &format!("{range:?} {token:?} {offset:+}"));
            }
        }
    }
}

#[test]
fn figures_match_a_count_made_in_plain_rust_from_the_rows() {
    let (_dir, log, rows) = generated();
    let now = at("2026-03-10T15:30:00Z");
    for range in RANGES {
        let f = log.usage(&UsageQuery { range, ..UsageQuery::default() }, now).expect("figures");
        let first = rows.iter().filter(|r| r.class().is_some()).map(|r| r.at.timestamp_millis() / 3_600_000).min();
        let w = Window::new(range, now, 0, first);
        let (from_ms, until_ms) = w.raw_bounds();
        let counted: Vec<&NewEntry> = rows
            .iter()
            .filter(|r| r.class().is_some() && (from_ms..until_ms).contains(&r.at.timestamp_millis()))
            .collect();
        let errors = counted.iter().filter(|r| r.class().is_some_and(is_error_class)).count() as u64;
        let today = counted.iter().filter(|r| r.at.timestamp_millis() >= w.today_hour * 3_600_000).count() as u64;
        assert_eq!(f.total, counted.len() as u64, "{range:?}: total");
        assert_eq!(f.errors, errors, "{range:?}: errors");
        assert_eq!(f.today, today, "{range:?}: today");
        assert_eq!(f.timeline.iter().map(|p| p.requests).sum::<u64>(), f.total, "{range:?}: the timeline adds up to the total");
        assert_eq!(f.endpoints.iter().map(|e| e.requests).sum::<u64>(), f.total, "{range:?}: the endpoints add up to the total");
        let answered: Vec<f64> = counted.iter().filter(|r| r.status.is_some()).filter_map(|r| r.total_ms).collect();
        let avg = answered.iter().map(|ms| (ms * 1000.0).round()).sum::<f64>() / answered.len() as f64 / 1000.0;
        assert!((f.avg_ms.expect("avg") - avg).abs() < 1e-6, "{range:?}: average {:?} vs {avg}", f.avg_ms);
    }
    let refused = rows.iter().filter(|r| r.class().is_none()).count();
    assert!(refused > 0, "the generated log has refusals, so leaving them out is tested");
}

#[test]
fn the_thirty_day_figures_read_hundreds_of_rollup_rows_not_thousands_of_raw_rows() {
    let (_dir, log, _rows) = generated();
    let now = at("2026-03-10T15:30:00Z");
    let w = Window::new(UsageRange::Days30, now, 0, None);
    let (rollup_rows, raw_rows): (i64, i64) = log
        .store
        .read("count", |c| {
            let a = c.query_row("SELECT count(*) FROM usage_hourly WHERE hour BETWEEN ?1 AND ?2", [w.from_hour, w.to_hour], |r| r.get(0))?;
            let (from, until) = w.raw_bounds();
            let b = c.query_row("SELECT count(*) FROM requests WHERE at >= ?1 AND at < ?2", [from, until], |r| r.get(0))?;
            Ok((a, b))
        })
        .expect("counts");
    assert!(rollup_rows > 0 && raw_rows > 0);
    assert!(rollup_rows <= 720 * 6 * 9 * 6, "bounded by hours × tokens × endpoints × classes: {rollup_rows}");
    let plan: Vec<String> = log
        .store
        .read("plan", |c| {
            let mut s = c.prepare("EXPLAIN QUERY PLAN SELECT class, sum(n) FROM usage_hourly WHERE hour BETWEEN 1 AND 2 GROUP BY class")?;
            let rows = s.query_map([], |r| r.get::<_, String>(3))?.collect();
            rows
        })
        .expect("plan");
    assert!(plan.iter().any(|p| p.contains("SEARCH usage_hourly")), "the range is an index search, not a scan: {plan:?}");
}
