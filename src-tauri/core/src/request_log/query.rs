//! Reading rows for the Logs view, the CLI's `logs` and the "Recent" lists: filters (token,
//! status code or class, method, time range, free text) and keyset paging, newest first
//! (`WHERE (at, id) < (?, ?) ORDER BY at DESC, id DESC LIMIT n`), so page 1,000 costs what
//! page 1 costs; never `OFFSET` over 100,000 rows.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::token::Environment;

use super::entry::{to_ms, FailureKind, LogRow};
use super::RequestLog;

/// Rows per page at most.
pub const MAX_PAGE: usize = 1000;

/// Which rows to show. Every field is optional; the default is everything.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct LogFilter {
    /// A token id (the faces resolve names first).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub token_id: Option<String>,
    /// `429`, `4xx`, `failed` (no answer), `errors` (no answer, 4xx or 5xx); see [`StatusFilter`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub since: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub until: Option<DateTime<Utc>>,
    /// Words found in the path, template, query, token name or IP (case-insensitive).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub search: Option<String>,
    /// Leave out sends refused by a guardrail (the Usage page's "recent calls" does).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub calls_only: bool,
}

/// A status filter, parsed from `429`, `4xx`, `failed` or `errors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Code(u16),
    /// 1–5: `Nxx`.
    Class(u8),
    /// No answer (DNS, connect, TLS, timeout, refused by a guardrail).
    Failed,
    /// No answer, 4xx or 5xx.
    Errors,
}

impl StatusFilter {
    /// Parses the CLI's and the UI's words. Fails with [`Error::Invalid`] saying what is accepted.
    pub fn parse(word: &str) -> Result<Self> {
        let w = word.trim().to_ascii_lowercase();
        let bad = || Error::Invalid(format!("'{word}' is not a status filter: use a code (429), a class (4xx), 'failed' or 'errors'."));
        match w.as_str() {
            "failed" | "failure" => Ok(StatusFilter::Failed),
            "errors" | "error" => Ok(StatusFilter::Errors),
            _ if w.len() == 3 && w.ends_with("xx") => match w.as_bytes()[0] {
                c @ b'1'..=b'5' => Ok(StatusFilter::Class(c - b'0')),
                _ => Err(bad()),
            },
            _ => w.parse::<u16>().ok().filter(|c| (100..=599).contains(c)).map(StatusFilter::Code).ok_or_else(bad),
        }
    }

    /// The SQL condition on `r.status` / `r.failure`.
    fn sql(self) -> String {
        match self {
            StatusFilter::Code(c) => format!("r.status = {c}"),
            StatusFilter::Class(k) => format!("r.status BETWEEN {} AND {}", u16::from(k) * 100, u16::from(k) * 100 + 99),
            StatusFilter::Failed => "r.status IS NULL".into(),
            StatusFilter::Errors => "(r.status IS NULL OR r.status >= 400)".into(),
        }
    }
}

/// Where the next page starts: the last row of this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogCursor {
    #[ts(type = "number")]
    pub at_ms: i64,
    #[ts(type = "number")]
    pub id: i64,
}

/// One page of rows, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogPage {
    pub rows: Vec<LogRow>,
    /// `None` on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub next: Option<LogCursor>,
    /// How many rows match, counted on the first page only (no cursor).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub total: Option<u64>,
}

pub(crate) const SELECT_ROWS: &str = "SELECT r.id, r.at, t.token_id, t.name, t.provider, t.environment, e.method, e.scheme, e.host,
        e.template, e.relative, e.endpoint_id, r.path, r.query, r.status, r.failure, r.total_us, r.connect_us,
        r.first_byte_us, r.request_bytes, r.response_bytes, r.remote_ip
    FROM requests r JOIN tokens t ON t.ref = r.token JOIN endpoints e ON e.ref = r.endpoint";

/// `WHERE …` for `filter` (and `cursor`), with its parameters.
pub(crate) fn where_clause(filter: &LogFilter, cursor: Option<LogCursor>) -> Result<(String, Vec<Value>)> {
    let mut conds: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(id) = filter.token_id.as_deref().filter(|s| !s.is_empty()) {
        conds.push("r.token = (SELECT ref FROM tokens WHERE token_id = ?)".into());
        args.push(Value::Text(id.to_owned()));
    }
    if let Some(s) = filter.status.as_deref().filter(|s| !s.trim().is_empty()) {
        conds.push(StatusFilter::parse(s)?.sql());
    }
    if let Some(m) = filter.method.as_deref().filter(|s| !s.trim().is_empty()) {
        conds.push("e.method = ?".into());
        args.push(Value::Text(m.trim().to_ascii_uppercase()));
    }
    if let Some(since) = filter.since {
        conds.push("r.at >= ?".into());
        args.push(Value::Integer(since.timestamp_millis()));
    }
    if let Some(until) = filter.until {
        conds.push("r.at < ?".into());
        args.push(Value::Integer(until.timestamp_millis()));
    }
    for word in filter.search.as_deref().unwrap_or("").split_whitespace() {
        let like = format!("%{}%", word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        conds.push(
            "(r.path LIKE ?1 ESCAPE '\\' OR e.template LIKE ?1 ESCAPE '\\' OR r.query LIKE ?1 ESCAPE '\\' OR t.name LIKE ?1 ESCAPE '\\' OR r.remote_ip LIKE ?1 ESCAPE '\\')"
                .replace("?1", "?"),
        );
        for _ in 0..5 {
            args.push(Value::Text(like.clone()));
        }
    }
    if filter.calls_only {
        conds.push("(r.failure IS NULL OR r.failure != 'guardrail')".into());
    }
    if let Some(c) = cursor {
        conds.push("(r.at, r.id) < (?, ?)".into());
        args.push(Value::Integer(c.at_ms));
        args.push(Value::Integer(c.id));
    }
    let sql = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
    Ok((sql, args))
}

/// Reads rows of a `SELECT_ROWS` query.
pub(crate) fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<LogRow> {
    let env: String = r.get(5)?;
    let endpoint_id: String = r.get(11)?;
    let failure: Option<String> = r.get(15)?;
    Ok(LogRow {
        id: r.get(0)?,
        at: DateTime::<Utc>::from_timestamp_millis(r.get(1)?).unwrap_or_default(),
        token_id: r.get(2)?,
        token_name: r.get(3)?,
        provider: r.get(4)?,
        environment: if env == "live" { Environment::Live } else { Environment::Test },
        method: r.get(6)?,
        scheme: r.get(7)?,
        host: r.get(8)?,
        path_template: r.get(9)?,
        relative: r.get(10)?,
        endpoint_id: (!endpoint_id.is_empty()).then_some(endpoint_id),
        path: r.get(12)?,
        query: r.get(13)?,
        status: r.get(14)?,
        failure: failure.as_deref().map(FailureKind::parse),
        total_ms: r.get::<_, Option<i64>>(16)?.map(to_ms),
        connect_ms: r.get::<_, Option<i64>>(17)?.map(to_ms),
        first_byte_ms: r.get::<_, Option<i64>>(18)?.map(to_ms),
        request_bytes: r.get::<_, i64>(19)?.max(0) as u64,
        response_bytes: r.get::<_, Option<i64>>(20)?.map(|b| b.max(0) as u64),
        remote_ip: r.get(21)?,
    })
}

/// Up to `limit` rows matching `filter`, older than `cursor`, newest first.
pub(crate) fn rows(conn: &Connection, filter: &LogFilter, cursor: Option<LogCursor>, limit: usize) -> rusqlite::Result<Vec<LogRow>> {
    let (clause, args) = where_clause(filter, cursor).map_err(|e| rusqlite::Error::InvalidParameterName(e.to_string()))?;
    let sql = format!("{SELECT_ROWS}{clause} ORDER BY r.at DESC, r.id DESC LIMIT {limit}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let out = stmt.query_map(rusqlite::params_from_iter(args), row_of)?.collect();
    out
}

impl RequestLog {
    /// One page of up to `limit` (at most [`MAX_PAGE`]) rows matching `filter`, after `cursor`.
    /// Fails with [`Error::Invalid`] for an unreadable status filter.
    pub fn page(&self, filter: &LogFilter, cursor: Option<LogCursor>, limit: usize) -> Result<LogPage> {
        let limit = limit.clamp(1, MAX_PAGE);
        where_clause(filter, cursor)?; // reports a bad filter as Invalid, not as a database error
        self.store.read("read", |conn| {
            let tx = conn.transaction()?;
            // One more than asked tells whether there is a next page.
            let mut rows = rows(&tx, filter, cursor, limit + 1)?;
            let more = rows.len() > limit;
            rows.truncate(limit);
            let next = more.then(|| rows.last().map(|r| LogCursor { at_ms: r.at.timestamp_millis(), id: r.id })).flatten();
            let total = match cursor {
                Some(_) => None,
                None => {
                    let (clause, args) = where_clause(filter, None).map_err(|e| rusqlite::Error::InvalidParameterName(e.to_string()))?;
                    let sql = format!("SELECT count(*) FROM requests r JOIN tokens t ON t.ref = r.token JOIN endpoints e ON e.ref = r.endpoint{clause}");
                    Some(tx.query_row(&sql, rusqlite::params_from_iter(args), |r| r.get::<_, i64>(0))?.max(0) as u64)
                }
            };
            tx.finish()?;
            Ok(LogPage { rows, next, total })
        })
    }
}
