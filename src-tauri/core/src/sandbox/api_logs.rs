//! The sandbox's server-side API logs (Pandabase's `api-logs`), not the app's own request log
//! (`crate::request_log`): every Store API request is recorded with method, path, status,
//! response time and IP, kept 30 days (by the sandbox's clock), listed newest first by
//! `GET /v2/stores/:storeId/api-logs`. Paths are logged without their query; headers and
//! bodies (where credentials travel) are never logged.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::state::Sandbox;

/// Days a log entry is kept.
pub const RETENTION_DAYS: i64 = 30;
/// Entries kept per store at most (oldest dropped first), so a long run cannot eat memory.
const MAX_ENTRIES_PER_STORE: usize = 10_000;

/// One logged request.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LogEntry {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub response_time_ms: f64,
    pub ip: String,
    pub timestamp: DateTime<Utc>,
}

/// Logs per store id, oldest at the front.
#[derive(Default)]
pub(crate) struct ApiLogs(Mutex<HashMap<String, VecDeque<LogEntry>>>);

impl ApiLogs {
    fn record(&self, store: &str, entry: LogEntry, now: DateTime<Utc>) {
        let mut all = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let list = all.entry(store.to_string()).or_default();
        list.push_back(entry);
        prune(list, now);
        while list.len() > MAX_ENTRIES_PER_STORE {
            list.pop_front();
        }
    }

    /// Up to `limit` entries of `store` from the last 30 days, newest first.
    pub(crate) fn newest_first(&self, store: &str, now: DateTime<Utc>, limit: usize) -> Vec<LogEntry> {
        let mut all = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let Some(list) = all.get_mut(store) else { return Vec::new() };
        prune(list, now);
        list.iter().rev().take(limit).cloned().collect()
    }
}

fn prune(list: &mut VecDeque<LogEntry>, now: DateTime<Utc>) {
    let cutoff = now - Duration::days(RETENTION_DAYS);
    while list.front().is_some_and(|e| e.timestamp < cutoff) {
        list.pop_front();
    }
}

/// The store id in a Pandabase path: `/v2/core/stores/{id}/…` or `/v2/stores/{id}/…`.
pub(crate) fn store_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/v2/core/stores/").or_else(|| path.strip_prefix("/v2/stores/"))?;
    let id = rest.split('/').next()?;
    (!id.is_empty()).then_some(id)
}

/// Middleware on the Pandabase router: runs the request, then logs it under its store.
pub(crate) async fn log_store_requests(State(sandbox): State<Arc<Sandbox>>, request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip().to_string())
        .unwrap_or_default();
    let started = Instant::now();
    let response = next.run(request).await;
    if let Some(store) = store_of(&path) {
        let now = sandbox.now();
        let entry = LogEntry {
            method,
            status: response.status().as_u16(),
            response_time_ms: started.elapsed().as_secs_f64() * 1000.0,
            ip,
            timestamp: now,
            path: path.clone(),
        };
        sandbox.logs.record(store, entry, now);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(at: DateTime<Utc>, path: &str) -> LogEntry {
        LogEntry { method: "GET".into(), path: path.into(), status: 200, response_time_ms: 1.0, ip: "127.0.0.1".into(), timestamp: at }
    }

    #[test]
    fn entries_older_than_30_days_are_gone_and_the_rest_come_newest_first() {
        let log = ApiLogs::default();
        let t0 = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").expect("date").with_timezone(&Utc);
        log.record("shp_a", entry(t0, "/old"), t0);
        log.record("shp_a", entry(t0 + Duration::days(20), "/mid"), t0 + Duration::days(20));
        log.record("shp_a", entry(t0 + Duration::days(31), "/new"), t0 + Duration::days(31));
        let paths: Vec<String> =
            log.newest_first("shp_a", t0 + Duration::days(31), 100).into_iter().map(|e| e.path).collect();
        assert_eq!(paths, ["/new", "/mid"], "31 days later the first entry is past retention");
        assert!(log.newest_first("shp_other", t0, 100).is_empty(), "stores never see each other's logs");
    }

    #[test]
    fn store_ids_are_read_from_both_pandabase_path_families() {
        assert_eq!(store_of("/v2/core/stores/shp_1/products"), Some("shp_1"));
        assert_eq!(store_of("/v2/stores/shp_2/api-logs"), Some("shp_2"));
        assert_eq!(store_of("/v2/other"), None);
    }
}
