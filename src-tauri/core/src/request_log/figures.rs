//! The Usage page's figures for one token or all, over a range: total requests, requests
//! today, error rate, average and p95 response time, a timeline, an endpoint breakdown,
//! status-class counts and the last 20 calls. Computed in SQL from the hourly rollups (about
//! 720 rows per series for 30 days), never by scanning raw rows; time is passed in.
//!
//! Definitions, the same everywhere: a *request* is a send that left the machine (answered,
//! or failed on the network); a send refused by a guardrail is logged but not counted. An
//! *error* is a request with no answer or a 4xx/5xx answer. Response times (average, p95,
//! per endpoint) are over answered requests only. p95 comes from hourly histograms and is
//! within 4.4 % of the exact value (see `histogram.rs`); everything else is exact.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

use super::entry::{is_error_class, LogRow};
use super::histogram::Histogram;
use super::query::{rows, LogFilter, StatusFilter};
use super::window::{Bucket, UsageRange, Window};
use super::RequestLog;

/// How many recent calls the page lists.
pub const RECENT_CALLS: usize = 20;

/// What to compute.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct UsageQuery {
    /// One token's id, or every token.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub token_id: Option<String>,
    pub range: UsageRange,
    /// The user's offset from UTC, so "today" and the daily buckets are their calendar days.
    pub utc_offset_minutes: i32,
    /// Filter for the recent calls: `429`, `4xx`, `failed`, `errors`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub recent_status: Option<String>,
}

/// Requests per status class.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusClasses {
    /// No answer: DNS, connect, TLS, timeout.
    #[ts(type = "number")]
    pub failed: u64,
    #[ts(type = "number")]
    pub informational: u64,
    #[ts(type = "number")]
    pub success: u64,
    #[ts(type = "number")]
    pub redirect: u64,
    #[ts(type = "number")]
    pub client_error: u64,
    #[ts(type = "number")]
    pub server_error: u64,
}

/// One bucket of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelinePoint {
    pub start: DateTime<Utc>,
    #[ts(type = "number")]
    pub requests: u64,
    #[ts(type = "number")]
    pub errors: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub avg_ms: Option<f64>,
}

/// One row of the endpoint breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EndpointFigure {
    pub method: String,
    pub host: String,
    pub path_template: String,
    #[ts(type = "number")]
    pub requests: u64,
    #[ts(type = "number")]
    pub errors: u64,
    /// Share of requests that got a 1xx–3xx answer, 0–1.
    pub success_rate: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub avg_ms: Option<f64>,
}

/// Everything the Usage page shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UsageFigures {
    pub range: UsageRange,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub bucket: Bucket,
    #[ts(type = "number")]
    pub total: u64,
    /// Requests since the user's midnight, whatever the range.
    #[ts(type = "number")]
    pub today: u64,
    #[ts(type = "number")]
    pub errors: u64,
    /// `errors / total`, 0 when there are no requests.
    pub error_rate: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub avg_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub p95_ms: Option<f64>,
    pub status_classes: StatusClasses,
    pub timeline: Vec<TimelinePoint>,
    /// Busiest first.
    pub endpoints: Vec<EndpointFigure>,
    /// The last calls (at most 20), newest first, refusals left out.
    pub recent: Vec<LogRow>,
}

/// Sums per class: `(requests, summed µs)`, index = class (0 = no answer, 1–5 = Nxx).
pub(crate) type ClassSums = [(u64, i64); 6];

/// The aggregates both computations (rollups, raw rows) produce; [`assemble`] turns them into
/// figures, so the two can only differ in what they read.
#[derive(Debug, Default)]
pub(crate) struct Aggregates {
    pub classes: ClassSums,
    pub today: u64,
    /// `(bucket, requests, errors, answered, summed µs)`.
    pub timeline: Vec<(i64, u64, u64, u64, i64)>,
    /// `(method, host, template, requests, errors, answered, summed µs)`.
    pub endpoints: Vec<(String, String, String, u64, u64, u64, i64)>,
    pub p95_us: Option<f64>,
}

/// Per-class SQL fragments shared by the rollup and raw queries.
pub(crate) const ERRORS_OF_CLASS: &str = "CASE WHEN class IN (0, 4, 5) THEN n ELSE 0 END";
pub(crate) const ANSWERED_OF_CLASS: &str = "CASE WHEN class > 0 THEN n ELSE 0 END";

fn u(n: i64) -> u64 {
    n.max(0) as u64
}

/// `(requests, errors, answered, summed µs)`.
type Sums = (u64, u64, u64, i64);

/// Reads the aggregates from the rollups. `token` is the token's row ref (or all).
fn from_rollups(conn: &Connection, w: &Window, token: Option<i64>) -> rusqlite::Result<Aggregates> {
    // `{tok}` becomes the token condition; its parameter always comes last.
    let sql = |s: &str| s.replace("{tok}", if token.is_some() { " AND token = ?" } else { "" });
    let args = |mut v: Vec<i64>| {
        v.extend(token);
        v
    };
    let today = u(conn
        .prepare_cached(&sql("SELECT coalesce(sum(n), 0) FROM usage_hourly WHERE hour BETWEEN ? AND ?{tok}"))?
        .query_row(params_from_iter(args(vec![w.today_hour, w.to_hour])), |r| r.get(0))?);
    let mut a = Aggregates { today, ..Aggregates::default() };
    // One pass over the range, grouped by bucket, endpoint and class in SQL; the three views of
    // it (classes, timeline, endpoints) are summed from that small result.
    let mut stmt = conn.prepare_cached(&sql(
        "SELECT (hour * 3600000 + ?) / ? AS b, endpoint, class, sum(n), sum(sum_us)
         FROM usage_hourly WHERE hour BETWEEN ? AND ?{tok} GROUP BY b, endpoint, class",
    ))?;
    let mut q = stmt.query(params_from_iter(args(vec![w.offset_ms, w.bucket_ms(), w.from_hour, w.to_hour])))?;
    let mut timeline: HashMap<i64, Sums> = HashMap::new();
    let mut by_endpoint: HashMap<i64, Sums> = HashMap::new();
    while let Some(r) = q.next()? {
        let (bucket, endpoint, class, n, us): (i64, i64, i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let Some(slot) = a.classes.get_mut(class as usize) else { continue };
        let n = u(n);
        *slot = (slot.0 + n, slot.1 + us);
        let errors = if is_error_class(class as u8) { n } else { 0 };
        let answered = if class > 0 { n } else { 0 };
        for (key, map) in [(bucket, &mut timeline), (endpoint, &mut by_endpoint)] {
            let e = map.entry(key).or_default();
            *e = (e.0 + n, e.1 + errors, e.2 + answered, e.3 + us);
        }
    }
    a.timeline = timeline.into_iter().map(|(b, (n, e, ans, us))| (b, n, e, ans, us)).collect();
    let mut stmt = conn.prepare_cached("SELECT ref, method, host, template FROM endpoints")?;
    let mut q = stmt.query([])?;
    let mut named: HashMap<(String, String, String), Sums> = HashMap::new();
    while let Some(r) = q.next()? {
        let Some(&(n, e, ans, us)) = by_endpoint.get(&r.get::<_, i64>(0)?) else { continue };
        let slot = named.entry((r.get(1)?, r.get(2)?, r.get(3)?)).or_default();
        *slot = (slot.0 + n, slot.1 + e, slot.2 + ans, slot.3 + us);
    }
    a.endpoints = named.into_iter().map(|((m, h, t), (n, e, ans, us))| (m, h, t, n, e, ans, us)).collect();
    let mut hist = Histogram::default();
    let mut stmt = conn.prepare_cached(&sql("SELECT bins FROM latency_hourly WHERE hour BETWEEN ? AND ?{tok}"))?;
    let mut q = stmt.query(params_from_iter(args(vec![w.from_hour, w.to_hour])))?;
    while let Some(r) = q.next()? {
        hist.merge_encoded(r.get_ref(0)?.as_blob()?);
    }
    a.p95_us = hist.quantile_us(0.95);
    Ok(a)
}

/// The token's row ref, `Ok(None)` when it never sent anything.
pub(crate) fn token_ref(conn: &Connection, token_id: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT ref FROM tokens WHERE token_id = ?1")?.query_row([token_id], |r| r.get(0)).optional()
}

/// The oldest hour with a counted request.
pub(crate) fn first_hour(conn: &Connection, token: Option<i64>) -> rusqlite::Result<Option<i64>> {
    match token {
        Some(t) => conn.query_row("SELECT min(hour) FROM usage_hourly WHERE token = ?1", [t], |r| r.get(0)),
        None => conn.query_row("SELECT min(hour) FROM usage_hourly", [], |r| r.get(0)),
    }
}

/// Which computation to run.
pub(crate) enum Source {
    Rollups,
    RawRows,
}

impl RequestLog {
    /// The Usage page's figures for `query` at `now`, from the rollups. Fails with
    /// [`crate::Error::Invalid`] for an unreadable status filter and [`crate::Error::RequestLog`]
    /// when the database cannot be read.
    pub fn usage(&self, query: &UsageQuery, now: DateTime<Utc>) -> Result<UsageFigures> {
        self.figures(query, now, Source::Rollups)
    }

    /// The same figures computed straight from the raw rows: the reference the rollups are
    /// tested against and the benchmark compares with. Slow on a big log.
    pub fn usage_from_rows(&self, query: &UsageQuery, now: DateTime<Utc>) -> Result<UsageFigures> {
        self.figures(query, now, Source::RawRows)
    }

    fn figures(&self, query: &UsageQuery, now: DateTime<Utc>, source: Source) -> Result<UsageFigures> {
        let status = query.recent_status.clone().filter(|s| !s.trim().is_empty());
        if let Some(s) = &status {
            StatusFilter::parse(s)?;
        }
        self.store.read("read", |conn| {
            let tx = conn.transaction()?;
            let token = match &query.token_id {
                Some(id) => match token_ref(&tx, id)? {
                    Some(r) => Some(r),
                    None => return Ok(assemble(query.range, &Window::new(query.range, now, query.utc_offset_minutes, None), now, Aggregates::default(), Vec::new())),
                },
                None => None,
            };
            let first = match source {
                Source::Rollups => first_hour(&tx, token)?,
                Source::RawRows => super::figures_raw::first_hour(&tx, token)?,
            };
            let w = Window::new(query.range, now, query.utc_offset_minutes, first);
            let a = match source {
                Source::Rollups => from_rollups(&tx, &w, token)?,
                Source::RawRows => super::figures_raw::from_rows(&tx, &w, token)?,
            };
            let filter = LogFilter { token_id: query.token_id.clone(), status, calls_only: true, ..LogFilter::default() };
            let recent = rows(&tx, &filter, None, RECENT_CALLS)?;
            tx.finish()?;
            Ok(assemble(query.range, &w, now, a, recent))
        })
    }
}

fn avg_ms(answered: u64, sum_us: i64) -> Option<f64> {
    (answered > 0).then(|| sum_us as f64 / answered as f64 / 1000.0)
}

/// Turns aggregates into figures: fills every bucket of the window, sorts endpoints.
pub(crate) fn assemble(range: UsageRange, w: &Window, now: DateTime<Utc>, a: Aggregates, recent: Vec<LogRow>) -> UsageFigures {
    let total: u64 = a.classes.iter().map(|c| c.0).sum();
    let errors: u64 = a.classes.iter().enumerate().filter(|(k, _)| is_error_class(*k as u8)).map(|(_, c)| c.0).sum();
    let answered: u64 = a.classes[1..].iter().map(|c| c.0).sum();
    let summed: i64 = a.classes[1..].iter().map(|c| c.1).sum();
    let timeline = w
        .buckets()
        .into_iter()
        .map(|(b, start)| match a.timeline.iter().find(|t| t.0 == b) {
            Some(&(_, n, e, answered, us)) => TimelinePoint { start, requests: n, errors: e, avg_ms: avg_ms(answered, us) },
            None => TimelinePoint { start, requests: 0, errors: 0, avg_ms: None },
        })
        .collect();
    let mut endpoints: Vec<EndpointFigure> = a
        .endpoints
        .into_iter()
        .map(|(method, host, path_template, n, e, answered, us)| EndpointFigure {
            method,
            host,
            path_template,
            requests: n,
            errors: e,
            success_rate: if n == 0 { 0.0 } else { (n - e.min(n)) as f64 / n as f64 },
            avg_ms: avg_ms(answered, us),
        })
        .collect();
    endpoints.sort_by(|x, y| y.requests.cmp(&x.requests).then_with(|| x.path_template.cmp(&y.path_template)).then_with(|| x.method.cmp(&y.method)));
    let c = &a.classes;
    UsageFigures {
        range,
        from: w.from(),
        to: now,
        bucket: w.bucket,
        total,
        today: a.today,
        errors,
        error_rate: if total == 0 { 0.0 } else { errors as f64 / total as f64 },
        avg_ms: avg_ms(answered, summed),
        p95_ms: a.p95_us.map(|us| us / 1000.0),
        status_classes: StatusClasses { failed: c[0].0, informational: c[1].0, success: c[2].0, redirect: c[3].0, client_error: c[4].0, server_error: c[5].0 },
        timeline,
        endpoints,
        recent,
    }
}
