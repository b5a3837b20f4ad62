//! Why these exist: the request log is where usage figures, the Logs view, the Recent list and
//! last-used times come from. These pin down that every figure is right on logs with known
//! answers, that the rollups agree with the raw rows, that no secret reaches the file, and that
//! a crash, a corrupt file or a second process never loses a row or the log.

mod figures;
mod known;
mod paging;
mod reliability;
mod retention;
pub(crate) mod secrets;

use chrono::{DateTime, Utc};

use super::entry::{FailureKind, NewEntry};
use super::target::Target;
use super::RequestLog;
use crate::token::Environment;

pub(super) fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("test date").with_timezone(&Utc)
}

/// A log in a fresh temporary folder (the folder lives as long as the returned guard).
pub(super) fn log() -> (tempfile::TempDir, RequestLog) {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = RequestLog::open(&dir.path().join("requests.sqlite3"), at("2026-03-10T15:30:00Z")).expect("open a new log");
    (dir, log)
}

/// A hand-made row: `token` ∈ {A (pandabase), B (pixlpay)}, an answer `status` after `ms`,
/// or a failure.
pub(super) fn row(when: &str, token: &str, method: &str, template: &str, status: Option<u16>, failure: Option<FailureKind>, ms: f64) -> NewEntry {
    let (id, name, provider, host) = match token {
        "A" => ("tok-a", "Shop A", "pandabase", "api.pandabase.io"),
        _ => ("tok-b", "Shop B", "pixlpay", "api.pixlpay.net"),
    };
    NewEntry {
        at: at(when),
        token_id: id.into(),
        token_name: name.into(),
        provider: provider.into(),
        environment: Environment::Live,
        method: method.into(),
        scheme: "https".into(),
        host: host.into(),
        target: Target { template: template.into(), relative: true, endpoint_id: None },
        path: template.replace("{storeId}", "shp_a"),
        query: String::new(),
        status,
        failure,
        total_ms: (failure != Some(FailureKind::Guardrail)).then_some(ms),
        connect_ms: None,
        first_byte_ms: None,
        request_bytes: 0,
        response_bytes: status.map(|_| 120),
        remote_ip: status.map(|_| "203.0.113.7".into()),
    }
}
