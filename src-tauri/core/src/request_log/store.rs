//! Opening the log file so it is never lost and never blocks: WAL (readers never wait for the
//! writer, a crash loses at most the transaction in flight), `synchronous=NORMAL` (a committed
//! row survives a killed process; only a power cut can take the last few), `secure_delete=ON`
//! (purged rows are overwritten, not left in free pages), a 5 s busy timeout so the app and
//! the CLI writing at once wait for each other instead of failing, and migrations applied on
//! open. A file that is not a database, is corrupt ([`Store::check`] reads every page), or was
//! written by a newer Tokenbench is
//! moved aside (with its `-wal` and `-shm`) to `requests.sqlite3.corrupt-<time>` or
//! `requests.sqlite3.newer-<time>`, reported in [`Store::notices`], and a new log is started.
//! Nothing is deleted.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result};

use super::schema::{self, LATEST};

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The open log: one connection that writes and one that reads, so a long read (an export,
/// a count over 100,000 rows) never holds up recording a send.
pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
    notices: Mutex<Vec<String>>,
}

/// Why a file was moved aside.
enum Aside {
    Corrupt(String),
    Newer(u32),
}

impl Store {
    /// Opens (creating and migrating) the log at `path`; `now` names a quarantined file.
    /// A corrupt or newer file is moved aside and reported, not an error. Fails with
    /// [`Error::RequestLog`] only when no log can be opened at all (an unwritable folder).
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Self> {
        let mut notices = Vec::new();
        let writer = match open_checked(path) {
            Ok(conn) => conn,
            Err(aside) => {
                notices.push(quarantine(path, aside, now)?);
                open_checked(path).map_err(|_| {
                    Error::RequestLog(format!(
                        "a new request log could not be started at '{}' after the old one was moved aside; check that the folder is writable.",
                        path.display()
                    ))
                })?
            }
        };
        let reader = connect(path).map_err(|e| fail("open", path, &e))?;
        Ok(Store { path: path.to_owned(), writer: Mutex::new(writer), reader: Mutex::new(reader), notices: Mutex::new(notices) })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the user must be told once (a file moved aside).
    pub fn notices(&self) -> Vec<String> {
        self.notices.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Reads every page of the log (seconds on a huge log: run it off the UI thread). A broken
    /// file is moved aside and a new log started; returns the notice, or `None` when the log
    /// is sound. Opening only reads the header and the schema, so this is how damage deep in
    /// the file is found (the app runs it at start-up).
    pub fn check(&self, now: DateTime<Utc>) -> Result<Option<String>> {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        let Err(why) = quick_check(&writer) else { return Ok(None) };
        // Close both connections before the files move, then start afresh.
        *writer = Connection::open_in_memory().map_err(|e| fail("close", &self.path, &e))?;
        *reader = Connection::open_in_memory().map_err(|e| fail("close", &self.path, &e))?;
        let notice = match quarantine(&self.path, why, now) {
            Ok(notice) => notice,
            Err(e) => {
                // Could not move it: keep using the file as it is and say so.
                *writer = connect(&self.path).map_err(|e| fail("open", &self.path, &e))?;
                *reader = connect(&self.path).map_err(|e| fail("open", &self.path, &e))?;
                return Err(e);
            }
        };
        *writer = open_checked(&self.path).map_err(|_| Error::RequestLog(format!("a new request log could not be started at '{}'.", self.path.display())))?;
        *reader = connect(&self.path).map_err(|e| fail("open", &self.path, &e))?;
        self.notices.lock().unwrap_or_else(|p| p.into_inner()).push(notice.clone());
        Ok(Some(notice))
    }

    /// Runs `work` on the writing connection.
    pub(crate) fn write<T>(&self, action: &'static str, work: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> Result<T> {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        work(&mut conn).map_err(|e| fail(action, &self.path, &e))
    }

    /// Runs `work` on the reading connection.
    pub(crate) fn read<T>(&self, action: &'static str, work: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> Result<T> {
        let mut conn = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        work(&mut conn).map_err(|e| fail(action, &self.path, &e))
    }
}

/// A connection with the log's settings.
fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Only takes effect on a new, empty file: freed pages can then be given back after a purge.
    conn.pragma_update(None, "auto_vacuum", "INCREMENTAL")?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::InvalidParameterName(format!("journal mode {mode}")));
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(conn)
}

/// Opens and migrates, or says why the file must be moved aside.
fn open_checked(path: &Path) -> std::result::Result<Connection, Aside> {
    let mut conn = connect(path).map_err(|e| Aside::Corrupt(e.to_string()))?;
    let version = schema::version(&conn).map_err(|e| Aside::Corrupt(e.to_string()))?;
    if version > LATEST {
        return Err(Aside::Newer(version));
    }
    schema::migrate(&mut conn).map_err(|e| Aside::Corrupt(e.to_string()))?;
    Ok(conn)
}

/// `PRAGMA quick_check`: reads every page, so it is run by [`Store::check`] in the background,
/// not on every open.
fn quick_check(conn: &Connection) -> std::result::Result<(), Aside> {
    let ok: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(|e| Aside::Corrupt(e.to_string()))?;
    if ok == "ok" { Ok(()) } else { Err(Aside::Corrupt(ok)) }
}

/// Moves the file and its `-wal`/`-shm` aside; returns the sentence for the user.
fn quarantine(path: &Path, why: Aside, now: DateTime<Utc>) -> Result<String> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stamp = now.format("%Y%m%dT%H%M%S%.3fZ");
    let label = match why {
        Aside::Corrupt(_) => "corrupt",
        Aside::Newer(_) => "newer",
    };
    let aside = path.with_file_name(format!("{name}.{label}-{stamp}"));
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", path.display()));
        let to = PathBuf::from(format!("{}{suffix}", aside.display()));
        match std::fs::rename(&from, &to) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !suffix.is_empty() => {}
            Err(e) => return Err(Error::io("move aside", &from, &e)),
        }
    }
    Ok(match why {
        Aside::Corrupt(reason) => format!(
            "The request log could not be read ({reason}). It was moved to '{}' and a new, empty log was started; nothing was deleted.",
            aside.display()
        ),
        Aside::Newer(v) => format!(
            "The request log was written by a newer Tokenbench (schema {v}; this one reads up to {LATEST}). It was moved to '{}' and a new log was started; update Tokenbench and move the file back to see its entries.",
            aside.display()
        ),
    })
}

fn fail(action: &'static str, path: &Path, err: &rusqlite::Error) -> Error {
    let busy = err.sqlite_error_code().is_some_and(|c| matches!(c, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked));
    let hint = if busy {
        "another Tokenbench process held it for more than 5 s; try again"
    } else {
        "restart Tokenbench; if it persists, move the file aside and a new log starts"
    };
    Error::RequestLog(format!("could not {action} the request log '{}' ({err}); {hint}.", path.display()))
}
