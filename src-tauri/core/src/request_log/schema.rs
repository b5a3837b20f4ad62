//! The log's schema as numbered migrations embedded in the binary. `PRAGMA user_version` says
//! which have run; each runs once, in order, inside one write transaction, so two processes
//! opening a new log at once cannot both apply it. A log whose version is newer than
//! [`LATEST`] was written by a newer Tokenbench and is not touched here (see `store.rs`).

use rusqlite::{Connection, TransactionBehavior};

/// `(version, SQL)`, in order. Append only: a released migration is never edited.
const MIGRATIONS: &[(u32, &str)] = &[(1, include_str!("migrations/001_initial.sql"))];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The log's schema version (0 for a new file).
pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Applies every migration newer than the file's version. Returns the version found before.
/// The caller has checked that the file is not newer than [`LATEST`].
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<u32> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    for (v, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > found) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", v)?;
    }
    tx.commit()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_one_by_one_from_one() {
        for (i, (v, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*v as usize, i + 1, "migration versions must be 1, 2, 3… with no gaps");
        }
    }

    #[test]
    fn a_new_log_is_migrated_once_and_a_second_run_changes_nothing() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        assert_eq!(migrate(&mut conn).expect("first run"), 0, "a new file starts at version 0");
        assert_eq!(version(&conn).expect("version"), LATEST);
        assert_eq!(migrate(&mut conn).expect("second run"), LATEST, "already up to date");
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('requests', 'usage_hourly', 'latency_hourly', 'tokens', 'endpoints', 'meta')", [], |r| r.get(0))
            .expect("count");
        assert_eq!(tables, 6, "every table of the schema exists");
    }
}
