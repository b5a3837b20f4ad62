//! Writing rows. Each request is one `BEGIN IMMEDIATE` transaction that inserts the row and
//! updates, in the same transaction, the token's last use, the hourly usage rollup and the
//! hourly latency histogram, so the figures can never disagree with the rows, and a process
//! killed mid-burst loses at most the request in flight.

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::entry::{to_us, NewEntry};
use super::histogram::Histogram;

/// Milliseconds in an hour: rollup rows are keyed by `at / HOUR_MS`.
pub const HOUR_MS: i64 = 3_600_000;

/// Inserts `entries` in one transaction; returns their ids.
pub(crate) fn insert_all(conn: &mut Connection, entries: &[NewEntry]) -> rusqlite::Result<Vec<i64>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let ids = entries.iter().map(|e| insert(&tx, e)).collect::<rusqlite::Result<Vec<i64>>>()?;
    tx.commit()?;
    Ok(ids)
}

fn insert(tx: &Transaction<'_>, e: &NewEntry) -> rusqlite::Result<i64> {
    let at = e.at.timestamp_millis();
    let class = e.class();
    // A refusal never left the machine: it is logged, but the token was not used.
    let used = class.map(|_| at);
    let token: i64 = tx.prepare_cached(
        "INSERT INTO tokens (token_id, name, provider, environment, last_used) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (token_id) DO UPDATE SET name = excluded.name, provider = excluded.provider,
           environment = excluded.environment,
           last_used = CASE WHEN excluded.last_used IS NULL THEN last_used
                            ELSE max(coalesce(last_used, 0), excluded.last_used) END
         RETURNING ref",
    )?
    .query_row(params![e.token_id, e.token_name, e.provider, environment_word(e), used], |r| r.get(0))?;
    let endpoint: i64 = tx.prepare_cached(
        "INSERT INTO endpoints (method, scheme, host, template, relative, endpoint_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT DO UPDATE SET method = excluded.method
         RETURNING ref",
    )?
    .query_row(
        params![e.method, e.scheme, e.host, e.target.template, e.target.relative, e.target.endpoint_id.as_deref().unwrap_or("")],
        |r| r.get(0),
    )?;
    let total_us = e.total_ms.map(to_us);
    tx.prepare_cached(
        "INSERT INTO requests (at, token, endpoint, path, query, status, failure, total_us, connect_us, first_byte_us,
                               request_bytes, response_bytes, remote_ip)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        at,
        token,
        endpoint,
        e.path,
        e.query,
        e.status,
        e.failure.map(|f| f.as_str()),
        total_us,
        e.connect_ms.map(to_us),
        e.first_byte_ms.map(to_us),
        e.request_bytes as i64,
        e.response_bytes.map(|b| b as i64),
        e.remote_ip,
    ])?;
    let id = tx.last_insert_rowid();
    let Some(class) = class else { return Ok(id) };
    let hour = at.div_euclid(HOUR_MS);
    // Durations count only for answered requests: a failure's time is not a response time.
    let timed_us = if class > 0 { total_us.unwrap_or(0) } else { 0 };
    tx.prepare_cached(
        "INSERT INTO usage_hourly (hour, token, endpoint, class, n, sum_us) VALUES (?1, ?2, ?3, ?4, 1, ?5)
         ON CONFLICT DO UPDATE SET n = n + 1, sum_us = sum_us + excluded.sum_us",
    )?
    .execute(params![hour, token, endpoint, class, timed_us])?;
    if class > 0 {
        if let Some(us) = total_us {
            let old: Option<Vec<u8>> = tx
                .prepare_cached("SELECT bins FROM latency_hourly WHERE hour = ?1 AND token = ?2")?
                .query_row(params![hour, token], |r| r.get(0))
                .optional()?;
            let mut h = old.map(|b| Histogram::decode(&b)).unwrap_or_default();
            h.add(us as u64);
            tx.prepare_cached("INSERT OR REPLACE INTO latency_hourly (hour, token, bins) VALUES (?1, ?2, ?3)")?
                .execute(params![hour, token, h.encode()])?;
        }
    }
    Ok(id)
}

fn environment_word(e: &NewEntry) -> &'static str {
    match e.environment {
        crate::token::Environment::Live => "live",
        crate::token::Environment::Test => "test",
    }
}
