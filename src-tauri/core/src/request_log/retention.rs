//! Retention: rows older than the setting (30 days unless the user chose otherwise, or
//! "keep everything") are deleted, with their rollups, at start-up and daily after that (the
//! app runs it on a background task, the CLI when it opens the log and a day has passed).
//! The cut-off is rounded down to a whole hour so the rollups and the rows always cover the
//! same hours. Deletes go in batches of 5,000 rows per transaction, so a purge of a million
//! rows never holds the database long enough to make a concurrent send wait. A token's last
//! use survives the purge of its rows.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

use super::write::HOUR_MS;
use super::RequestLog;

/// Days kept unless the user says otherwise (what Pandabase keeps server-side).
pub const DEFAULT_RETENTION_DAYS: u32 = 30;
/// Rows deleted per transaction.
const BATCH: i64 = 5_000;
/// A purge is due once a day.
const EVERY: Duration = Duration::hours(24);

/// What a purge did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PurgeReport {
    /// Rows older than this were deleted; `None` when everything is kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cutoff: Option<DateTime<Utc>>,
    #[ts(type = "number")]
    pub deleted: u64,
}

impl RequestLog {
    /// Deletes rows older than `retention_days` before `now` (nothing when `None`: keep
    /// everything) and records when it ran.
    pub fn purge(&self, now: DateTime<Utc>, retention_days: Option<u32>) -> Result<PurgeReport> {
        let Some(days) = retention_days else {
            self.mark_purged(now)?;
            return Ok(PurgeReport { cutoff: None, deleted: 0 });
        };
        let cutoff_hour = (now - Duration::days(i64::from(days))).timestamp_millis().div_euclid(HOUR_MS);
        let cutoff_ms = cutoff_hour * HOUR_MS;
        let mut deleted = 0u64;
        loop {
            let n = self.store.write("purge", |conn| {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let n = tx.execute("DELETE FROM requests WHERE id IN (SELECT id FROM requests WHERE at < ?1 LIMIT ?2)", params![cutoff_ms, BATCH])?;
                tx.commit()?;
                Ok(n)
            })?;
            deleted += n as u64;
            if (n as i64) < BATCH {
                break;
            }
        }
        self.store.write("purge", |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute("DELETE FROM usage_hourly WHERE hour < ?1", [cutoff_hour])?;
            tx.execute("DELETE FROM latency_hourly WHERE hour < ?1", [cutoff_hour])?;
            tx.commit()?;
            // Gives the freed pages back to the file system (the file was created with
            // auto_vacuum=INCREMENTAL); secure_delete already overwrote their content.
            conn.execute_batch("PRAGMA incremental_vacuum")?;
            Ok(())
        })?;
        self.mark_purged(now)?;
        Ok(PurgeReport { cutoff: DateTime::<Utc>::from_timestamp_millis(cutoff_ms), deleted })
    }

    /// Purges when the last purge is a day old or more (or never ran); `None` when not due.
    pub fn purge_if_due(&self, now: DateTime<Utc>, retention_days: Option<u32>) -> Result<Option<PurgeReport>> {
        let last: Option<String> = self.store.read("read", |conn| {
            conn.query_row("SELECT value FROM meta WHERE key = 'last_purge'", [], |r| r.get(0)).optional()
        })?;
        let last = last.and_then(|v| v.parse::<i64>().ok()).and_then(DateTime::<Utc>::from_timestamp_millis);
        let due = last.is_none_or(|l| now - l >= EVERY || l > now);
        if due { self.purge(now, retention_days).map(Some) } else { Ok(None) }
    }

    fn mark_purged(&self, now: DateTime<Utc>) -> Result<()> {
        self.store.write("write to", |conn| {
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('last_purge', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [now.timestamp_millis().to_string()],
            )
            .map(|_| ())
        })
    }
}
