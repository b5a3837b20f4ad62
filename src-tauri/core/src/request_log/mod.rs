//! The request log: every request the tester sends (from the app and the CLI alike) is one
//! row in a SQLite file, `<data dir>/requests.sqlite3`. It answers "which tokens are used, how
//! often, how fast and how well" (the Usage page, `tokenbench usage`), "which call failed" (the
//! Logs view, `tokenbench logs`), the tester's Recent list, and each token's last use.
//!
//! What a row holds: time, token, provider, environment, method, host, path template and
//! concrete path, the query with the values of secret-looking parameters removed, status or
//! failure kind, timings, sizes and the remote IP. Never a header, a body or a secret.
//!
//! Where things are: `store.rs` opens the file (WAL, quarantine of a broken or newer file),
//! `schema.rs` holds the embedded migrations, `entry.rs` the row types and how a send becomes
//! one, `redact.rs` what of a URL may be kept, `target.rs` the path template a request is counted under, `write.rs` the insert and its rollups,
//! `figures.rs` the usage figures (from rollups) and `figures_raw.rs` the same from raw rows,
//! `query.rs` filters and paging, `export.rs` CSV/JSON, `recent.rs` the tester's Recent list,
//! `retention.rs` the purge, `synthetic.rs` generated logs for tests and benchmarks.

mod entry;
mod export;
mod figures;
mod figures_raw;
mod histogram;
mod query;
mod recent;
mod redact;
mod retention;
mod schema;
mod store;
mod target;
pub mod synthetic;
mod window;
mod write;

#[cfg(test)]
pub(crate) mod tests;

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::error::Result;

pub use entry::{FailureKind, LogRow, NewEntry, Outcome};
pub use target::Target;
pub use export::ExportFormat;
pub use figures::{EndpointFigure, StatusClasses, TimelinePoint, UsageFigures, UsageQuery, RECENT_CALLS};
pub use histogram::Histogram;
pub use query::{LogCursor, LogFilter, LogPage, StatusFilter, MAX_PAGE};
pub use recent::RecentRequest;
pub use redact::{is_secret_name, REMOVED};
pub use retention::{PurgeReport, DEFAULT_RETENTION_DAYS};
pub use schema::LATEST as SCHEMA_VERSION;
pub use window::{Bucket, UsageRange};

use store::Store;

/// The log of one data folder. Cheap to share (`Arc`); every method is blocking (SQLite), so
/// async callers run it on a blocking thread.
pub struct RequestLog {
    store: Store,
}

impl RequestLog {
    /// Opens the log at `path`, creating and migrating it. A corrupt or newer file is moved
    /// aside (see [`RequestLog::notices`]); fails with [`crate::Error::RequestLog`] only when no
    /// log can be opened at all.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Self> {
        Ok(RequestLog { store: Store::open(path, now)? })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Sentences for the user: a file moved aside at open or by [`RequestLog::check`].
    pub fn notices(&self) -> Vec<String> {
        self.store.notices()
    }

    /// Reads every page; moves a damaged file aside and starts anew (see `store.rs`).
    pub fn check(&self, now: DateTime<Utc>) -> Result<Option<String>> {
        self.store.check(now)
    }

    /// Writes one row (and its rollups) in one transaction; returns its id.
    pub fn record(&self, entry: &NewEntry) -> Result<i64> {
        let ids = self.record_all(std::slice::from_ref(entry))?;
        Ok(ids.first().copied().unwrap_or_default())
    }

    /// Writes rows in one transaction (all or none); returns their ids.
    pub fn record_all(&self, entries: &[NewEntry]) -> Result<Vec<i64>> {
        self.store.write("write to", |conn| write::insert_all(conn, entries))
    }

    /// When each token last sent a request that left the machine, by token id.
    pub fn last_used(&self) -> Result<HashMap<String, DateTime<Utc>>> {
        self.store.read("read", |conn| {
            let mut stmt = conn.prepare_cached("SELECT token_id, last_used FROM tokens WHERE last_used IS NOT NULL")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            let mut out = HashMap::new();
            for row in rows {
                let (id, ms) = row?;
                if let Some(at) = DateTime::<Utc>::from_timestamp_millis(ms) {
                    out.insert(id, at);
                }
            }
            Ok(out)
        })
    }

    /// The token id of the token last logged under `name` (case-insensitive), for a token
    /// that is gone from the inventory.
    pub fn token_id_named(&self, name: &str) -> Result<Option<String>> {
        self.store.read("read", |conn| {
            use rusqlite::OptionalExtension;
            conn.query_row("SELECT token_id FROM tokens WHERE name = ?1 COLLATE NOCASE ORDER BY last_used DESC LIMIT 1", [name.trim()], |r| r.get(0))
                .optional()
        })
    }
}
