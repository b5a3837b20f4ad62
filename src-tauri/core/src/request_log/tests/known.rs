//! A small log whose figures were worked out by hand (the clock is fixed at 2026-03-10 15:30 UTC).

use super::super::entry::FailureKind;
use super::super::figures::UsageQuery;
use super::super::window::{Bucket, UsageRange};
use super::{at, log, row};

const PRODUCTS: &str = "/v2/core/stores/{storeId}/products";
const LOGS: &str = "/v2/stores/{storeId}/api-logs";
const ORDERS: &str = "/v1/store/orders";

fn known_log() -> (tempfile::TempDir, super::RequestLog) {
    let (dir, log) = log();
    let rows = vec![
        row("2026-01-29T12:00:00Z", "A", "GET", PRODUCTS, Some(200), None, 50.0), // 40 days ago
        row("2026-02-28T12:00:00Z", "A", "GET", PRODUCTS, Some(200), None, 100.0), // 10 days ago
        row("2026-03-07T08:00:00Z", "A", "GET", LOGS, None, Some(FailureKind::Timeout), 30_000.0), // 3 days ago
        row("2026-03-09T12:00:00Z", "A", "GET", PRODUCTS, Some(500), None, 40.0), // yesterday
        row("2026-03-10T09:10:00Z", "A", "GET", PRODUCTS, Some(200), None, 10.0),
        row("2026-03-10T09:40:00Z", "A", "GET", PRODUCTS, Some(200), None, 30.0),
        row("2026-03-10T10:00:00Z", "B", "GET", ORDERS, Some(429), None, 5.0),
        row("2026-03-10T14:00:00Z", "A", "POST", PRODUCTS, Some(403), None, 20.0),
        row("2026-03-10T15:00:00Z", "A", "POST", PRODUCTS, None, Some(FailureKind::Guardrail), 0.0), // refused
    ];
    log.record_all(&rows).expect("insert");
    (dir, log)
}

fn query(token: Option<&str>, range: UsageRange) -> UsageQuery {
    UsageQuery { token_id: token.map(str::to_owned), range, utc_offset_minutes: 0, recent_status: None }
}

#[test]
fn seven_days_of_every_token_give_the_hand_computed_figures() {
    let (_dir, log) = known_log();
    let now = at("2026-03-10T15:30:00Z");
    let f = log.usage(&query(None, UsageRange::Days7), now).expect("figures");
    assert_eq!(f.total, 6, "four today, one yesterday, one three days ago; the refusal and older rows are out");
    assert_eq!(f.today, 4);
    assert_eq!(f.errors, 4, "500, timeout, 429 and 403");
    assert!((f.error_rate - 4.0 / 6.0).abs() < 1e-9, "error rate {}", f.error_rate);
    assert_eq!(f.avg_ms, Some(21.0), "answered requests only: (10 + 30 + 5 + 20 + 40) / 5");
    let p95 = f.p95_ms.expect("p95");
    assert!((p95 / 40.0 - 1.0).abs() <= 0.0443, "p95 of 5, 10, 20, 30, 40 is 40 ms (±4.4 %): {p95}");
    let c = &f.status_classes;
    assert_eq!((c.success, c.client_error, c.server_error, c.failed, c.redirect), (2, 2, 1, 1, 0));
    assert_eq!(f.bucket, Bucket::Day);
    let per_day: Vec<(u64, u64)> = f.timeline.iter().map(|p| (p.requests, p.errors)).collect();
    assert_eq!(per_day, [(0, 0), (0, 0), (0, 0), (1, 1), (0, 0), (1, 1), (4, 2)], "7 daily buckets, oldest first");
    assert_eq!(f.timeline[6].start, at("2026-03-10T00:00:00Z"));
    assert_eq!(f.timeline[6].avg_ms, Some(16.25), "today's answered: (10 + 30 + 5 + 20) / 4");
    assert_eq!(f.timeline[3].avg_ms, None, "a day with only a timeout has no response time");
}

#[test]
fn the_endpoint_breakdown_counts_success_rate_and_time_per_template() {
    let (_dir, log) = known_log();
    let f = log.usage(&query(None, UsageRange::Days7), at("2026-03-10T15:30:00Z")).expect("figures");
    let shown: Vec<(String, String, u64, u64)> =
        f.endpoints.iter().map(|e| (e.method.clone(), e.path_template.clone(), e.requests, e.errors)).collect();
    assert_eq!(shown[0], ("GET".into(), PRODUCTS.into(), 3, 1), "busiest first");
    let products = &f.endpoints[0];
    assert!((products.success_rate - 2.0 / 3.0).abs() < 1e-9);
    assert!((products.avg_ms.expect("avg") - 80.0 / 3.0).abs() < 1e-9, "(10 + 30 + 40) / 3");
    assert_eq!(f.endpoints.len(), 4, "GET products, POST products, api-logs, orders: {shown:?}");
    let logs = f.endpoints.iter().find(|e| e.path_template == LOGS).expect("api-logs");
    assert_eq!((logs.requests, logs.success_rate, logs.avg_ms), (1, 0.0, None), "a lone timeout: 0 % success, no time");
}

#[test]
fn one_token_over_30_days_and_all_time() {
    let (_dir, log) = known_log();
    let now = at("2026-03-10T15:30:00Z");
    let f = log.usage(&query(Some("tok-a"), UsageRange::Days30), now).expect("figures");
    assert_eq!((f.total, f.errors, f.today), (6, 3, 3), "token A without B's 429, with the row 10 days ago");
    assert_eq!(f.timeline.len(), 30);
    let all = log.usage(&query(Some("tok-a"), UsageRange::All), now).expect("figures");
    assert_eq!(all.total, 7, "all time reaches the row 40 days ago");
    assert_eq!(all.from, at("2026-01-29T00:00:00Z"), "all time starts on the first logged day");
    assert_eq!(all.timeline.len(), 41);
    let none = log.usage(&query(Some("never-used"), UsageRange::Days30), now).expect("figures");
    assert_eq!((none.total, none.avg_ms, none.p95_ms, none.recent.len()), (0, None, None, 0), "an unused token has empty figures, not an error");
    assert_eq!(none.error_rate, 0.0);
}

#[test]
fn today_is_hourly_and_follows_the_users_midnight() {
    let (_dir, log) = known_log();
    let now = at("2026-03-10T15:30:00Z");
    let f = log.usage(&query(None, UsageRange::Today), now).expect("figures");
    assert_eq!(f.bucket, Bucket::Hour);
    assert_eq!(f.timeline.len(), 24);
    let busy: Vec<(usize, u64)> = f.timeline.iter().enumerate().filter(|(_, p)| p.requests > 0).map(|(i, p)| (i, p.requests)).collect();
    assert_eq!(busy, [(9, 2), (10, 1), (14, 1)]);
    // For a user at UTC−10 it is 05:30 on 10 March: their today began at 10:00 UTC.
    let west = log.usage(&UsageQuery { utc_offset_minutes: -600, ..query(None, UsageRange::Today) }, now).expect("figures");
    assert_eq!((west.total, west.today), (2, 2), "only the 10:00 and 14:00 UTC requests fall in their today");
}

#[test]
fn recent_calls_are_newest_first_without_refusals_and_filter_by_code_or_class() {
    let (_dir, log) = known_log();
    let now = at("2026-03-10T15:30:00Z");
    let f = log.usage(&query(None, UsageRange::Days7), now).expect("figures");
    let statuses: Vec<Option<u16>> = f.recent.iter().map(|r| r.status).collect();
    assert_eq!(statuses[..4], [Some(403), Some(429), Some(200), Some(200)], "the refusal at 15:00 is not a call");
    assert_eq!(f.recent.len(), 8, "every call in the log, fewer than 20");
    let q = |s: &str| UsageQuery { recent_status: Some(s.into()), ..query(None, UsageRange::Days7) };
    let fours: Vec<Option<u16>> = log.usage(&q("4xx"), now).expect("figures").recent.iter().map(|r| r.status).collect();
    assert_eq!(fours, [Some(403), Some(429)]);
    let only: Vec<Option<u16>> = log.usage(&q("429"), now).expect("figures").recent.iter().map(|r| r.status).collect();
    assert_eq!(only, [Some(429)]);
    let failed = log.usage(&q("failed"), now).expect("figures").recent;
    assert_eq!(failed.len(), 1, "the timeout; the refusal is not a call");
    assert_eq!(failed[0].failure, Some(FailureKind::Timeout));
    assert_eq!(log.usage(&q("6xx"), now).expect_err("bad filter").code(), "invalid");
}

#[test]
fn last_use_is_the_last_request_that_left_the_machine() {
    let (_dir, log) = known_log();
    let used = log.last_used().expect("last used");
    assert_eq!(used.get("tok-a"), Some(&at("2026-03-10T14:00:00Z")), "the refusal at 15:00 did not use the token");
    assert_eq!(used.get("tok-b"), Some(&at("2026-03-10T10:00:00Z")));
    assert_eq!(log.token_id_named("shop a").expect("read"), Some("tok-a".into()), "names match case-insensitively");
}
