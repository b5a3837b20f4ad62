//! The Logs view pages through the log by keyset: every row exactly once, newest first,
//! whatever the filter, and exports hold exactly the rows the filter shows.

use std::collections::HashSet;

use chrono::Duration;

use super::super::export::ExportFormat;
use super::super::query::{LogCursor, LogFilter};
use super::super::synthetic::entries;
use super::{at, log};

fn all_pages(log: &super::RequestLog, filter: &LogFilter, size: usize) -> (Vec<i64>, Option<u64>) {
    let mut ids = Vec::new();
    let mut cursor: Option<LogCursor> = None;
    let mut total = None;
    loop {
        let page = log.page(filter, cursor, size).expect("page");
        if cursor.is_none() {
            total = page.total;
        } else {
            assert!(page.total.is_none(), "only the first page counts");
        }
        ids.extend(page.rows.iter().map(|r| r.id));
        assert!(page.rows.windows(2).all(|w| (w[0].at, w[0].id) > (w[1].at, w[1].id)), "newest first");
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    (ids, total)
}

#[test]
fn paging_returns_every_matching_row_once_newest_first() {
    let (_dir, log) = log();
    let now = at("2026-03-10T15:30:00Z");
    let mut rows = entries(1_050, now - Duration::days(3), now, 11);
    // Rows with the same millisecond must neither repeat nor vanish at a page boundary.
    for r in rows.iter_mut().skip(500).take(20) {
        r.at = now - Duration::hours(1);
    }
    log.record_all(&rows).expect("insert");
    let (ids, total) = all_pages(&log, &LogFilter::default(), 100);
    assert_eq!(total, Some(1_050));
    assert_eq!(ids.len(), 1_050, "every row once");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 1_050, "no row twice");

    let filters = [
        LogFilter { token_id: Some("tok-checkout".into()), ..LogFilter::default() },
        LogFilter { status: Some("4xx".into()), ..LogFilter::default() },
        LogFilter { status: Some("429".into()), method: Some("get".into()), ..LogFilter::default() },
        LogFilter { status: Some("failed".into()), ..LogFilter::default() },
        LogFilter { status: Some("errors".into()), calls_only: true, ..LogFilter::default() },
        LogFilter { since: Some(now - Duration::days(1)), until: Some(now - Duration::hours(2)), ..LogFilter::default() },
        LogFilter { search: Some("ORDERS".into()), ..LogFilter::default() },
    ];
    for f in filters {
        let (ids, total) = all_pages(&log, &f, 37);
        let expected: Vec<_> = rows
            .iter()
            .filter(|r| f.token_id.as_deref().is_none_or(|t| r.token_id == t))
            .filter(|r| match f.status.as_deref() {
                Some("4xx") => r.status.is_some_and(|s| (400..500).contains(&s)),
                Some("429") => r.status == Some(429),
                Some("failed") => r.status.is_none(),
                Some("errors") => r.status.is_none_or(|s| s >= 400),
                _ => true,
            })
            .filter(|r| f.method.is_none() || r.method == "GET")
            .filter(|r| !f.calls_only || r.class().is_some())
            .filter(|r| f.since.is_none_or(|s| r.at >= s) && f.until.is_none_or(|u| r.at < u))
            .filter(|r| f.search.is_none() || r.path.contains("orders"))
            .collect();
        assert!(!expected.is_empty(), "{f:?} matches something in the generated log");
        assert_eq!(total, Some(expected.len() as u64), "{f:?}: count");
        assert_eq!(ids.len(), expected.len(), "{f:?}: rows");
    }
}

#[test]
fn a_bad_status_filter_is_refused_with_what_is_accepted() {
    let (_dir, log) = log();
    let err = log.page(&LogFilter { status: Some("teapot".into()), ..LogFilter::default() }, None, 10).expect_err("bad filter");
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("4xx"), "{err}");
}

#[test]
fn exports_hold_exactly_the_filtered_rows_as_csv_and_json() {
    let (_dir, log) = log();
    let now = at("2026-03-10T15:30:00Z");
    log.record_all(&entries(12_000, now - Duration::days(2), now, 5)).expect("insert");
    let filter = LogFilter { status: Some("2xx".into()), ..LogFilter::default() };
    let total = log.page(&filter, None, 1).expect("count").total.expect("total");
    let csv = log.export(&filter, ExportFormat::Csv).expect("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.headers().expect("header").get(0), Some("at"));
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("valid CSV");
    assert_eq!(records.len() as u64, total, "past the 5,000-row read batches");
    assert!(records.iter().all(|r| r.get(10).is_some_and(|s| s.starts_with('2'))), "only 2xx rows");
    let json: Vec<serde_json::Value> = serde_json::from_str(&log.export(&filter, ExportFormat::Json).expect("json")).expect("valid JSON");
    assert_eq!(json.len() as u64, total);
    assert!(json[0]["pathTemplate"].is_string() && json[0]["status"].is_number());
}

#[test]
fn the_tester_recent_list_repeats_a_request_without_its_secret() {
    let (_dir, log) = log();
    let mut r = super::row("2026-03-10T09:00:00Z", "A", "GET", "/v2/core/stores/{storeId}/products", Some(200), None, 12.0);
    r.query = "page=2&api_key=•••".into();
    r.target.endpoint_id = Some("products.list".into());
    log.record(&r).expect("insert");
    let mut abs = super::row("2026-03-10T09:05:00Z", "B", "GET", "/v1/store/orders", Some(200), None, 12.0);
    abs.target.relative = false;
    log.record(&abs).expect("insert");
    let recent = log.recent(50).expect("recent");
    assert_eq!(recent.len(), 2);
    assert_eq!(recent[1].draft.url, "/v2/core/stores/{storeId}/products", "a path stays a template, resolved again with the token");
    assert_eq!(recent[1].draft.endpoint_id.as_deref(), Some("products.list"));
    let q: Vec<(&str, &str)> = recent[1].draft.query.iter().map(|r| (r.name.as_str(), r.value.as_str())).collect();
    assert_eq!(q, [("page", "2"), ("api_key", "")], "a removed secret comes back empty, to fill in");
    assert_eq!(recent[0].draft.url, "https://api.pixlpay.net/v1/store/orders", "a full URL comes back whole");
    assert!(recent[0].draft.body.is_empty() && recent[0].draft.headers.is_empty(), "the log has no headers or body to give back");
}
