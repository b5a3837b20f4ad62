//! A broken, foreign or newer file is moved aside (never deleted) and a new log starts; a
//! process killed with SIGKILL in the middle of a burst loses at most the row in flight and
//! leaves a readable log whose rollups agree with its rows; two processes writing at once lose
//! no row. The writers are this test binary run again as a child (`TOKENBENCH_LOG_WRITER`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration as StdDuration, Instant};

use chrono::{Duration, Utc};

use super::super::query::LogFilter;
use super::super::schema::LATEST;
use super::super::synthetic::{entry, Rng};
use super::super::RequestLog;
use super::at;

fn aside(dir: &Path, label: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&format!("requests.sqlite3.{label}-"))))
        .collect();
    found.sort();
    found
}

#[test]
fn a_file_that_is_not_a_database_is_moved_aside_byte_for_byte_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("requests.sqlite3");
    let garbage = b"this is not SQLite, but it must not be lost either".repeat(200);
    std::fs::write(&path, &garbage).expect("write");
    let log = RequestLog::open(&path, at("2026-03-10T15:30:00Z")).expect("a broken file is not an error");
    let notices = log.notices();
    assert_eq!(notices.len(), 1, "the user is told: {notices:?}");
    assert!(notices[0].contains("moved to") && notices[0].contains("nothing was deleted"), "{}", notices[0]);
    let moved = aside(dir.path(), "corrupt");
    assert_eq!(moved.len(), 1);
    assert_eq!(std::fs::read(&moved[0]).expect("kept"), garbage, "the old bytes are kept");
    log.record(&super::row("2026-03-10T09:00:00Z", "A", "GET", "/x", Some(200), None, 1.0)).expect("the new log works");
}

#[test]
fn a_log_from_a_newer_tokenbench_is_moved_aside_not_migrated_down() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("requests.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (42);").expect("table");
        conn.pragma_update(None, "user_version", LATEST + 1).expect("version");
    }
    let log = RequestLog::open(&path, at("2026-03-10T15:30:00Z")).expect("open");
    assert!(log.notices()[0].contains("newer Tokenbench"), "{:?}", log.notices());
    let moved = aside(dir.path(), "newer");
    let old = rusqlite::Connection::open(&moved[0]).expect("the moved file is still a database");
    let kept: i64 = old.query_row("SELECT x FROM future", [], |r| r.get(0)).expect("its data is intact");
    assert_eq!(kept, 42);
}

#[test]
fn damage_deep_in_the_file_is_found_by_the_check_and_the_file_moved_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("requests.sqlite3");
    {
        let log = RequestLog::open(&path, at("2026-03-10T15:30:00Z")).expect("open");
        let now = at("2026-03-10T15:30:00Z");
        let rows = super::super::synthetic::entries(3_000, now - Duration::days(5), now, 2);
        log.record_all(&rows).expect("insert");
        log.store.write("checkpoint", |c| c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")).expect("checkpoint");
    }
    let mut bytes = std::fs::read(&path).expect("read");
    let page = 4096;
    assert!(bytes.len() > 20 * page, "a file of many pages");
    for b in &mut bytes[10 * page..12 * page] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).expect("damage");
    let log = RequestLog::open(&path, at("2026-03-10T16:00:00Z")).expect("the header is fine, so it opens");
    let notice = log.check(at("2026-03-10T16:00:00Z")).expect("check").expect("damage is found");
    assert!(notice.contains("moved to"), "{notice}");
    let kept = std::fs::read(&aside(dir.path(), "corrupt")[0]).expect("kept");
    // SQLite itself bumps the change counters in the 100-byte header when it closes the file.
    assert!(kept.len() == bytes.len() && kept[100..] == bytes[100..], "every page of the damaged file is kept as it was");
    assert_eq!(log.page(&LogFilter::default(), None, 10).expect("page").total, Some(0), "a new, empty log");
    assert!(log.check(at("2026-03-10T16:01:00Z")).expect("check").is_none(), "the new log is sound");
}

/// The child side of the tests below: writes rows one transaction each, printing each
/// committed id, until `TOKENBENCH_LOG_COUNT` rows (or forever) — or until it is killed. Run
/// on its own (no `TOKENBENCH_LOG_WRITER`), it writes 50 rows to a fresh log and checks that
/// every id it reported as committed is there.
#[test]
fn writer_child() {
    let own = tempfile::tempdir().expect("tempdir");
    let child = std::env::var_os("TOKENBENCH_LOG_WRITER");
    let path = child.clone().map(std::path::PathBuf::from).unwrap_or_else(|| own.path().join("requests.sqlite3"));
    let default = if child.is_some() { u64::MAX } else { 50 };
    let count: u64 = std::env::var("TOKENBENCH_LOG_COUNT").ok().and_then(|c| c.parse().ok()).unwrap_or(default);
    let seed: u64 = std::env::var("TOKENBENCH_LOG_SEED").ok().and_then(|c| c.parse().ok()).unwrap_or(1);
    let log = RequestLog::open(&path, Utc::now()).expect("the writer opens the log");
    let mut rng = Rng::new(seed);
    let start = at("2026-03-10T00:00:00Z");
    let mut out = std::io::stdout().lock();
    let mut ids = Vec::new();
    for i in 0..count {
        let e = entry(&mut rng, start + Duration::milliseconds(i as i64 * 37));
        let id = log.record(&e).expect("insert");
        use std::io::Write;
        writeln!(out, "committed {id}").expect("stdout");
        out.flush().expect("flush");
        if child.is_none() {
            ids.push(id);
        }
    }
    if child.is_none() {
        let rows = log.page(&LogFilter::default(), None, 100).expect("page");
        assert_eq!(rows.total, Some(50), "every reported row is in the log");
        let mut found: Vec<i64> = rows.rows.iter().map(|r| r.id).collect();
        found.sort_unstable();
        assert_eq!(found, ids, "the ids reported are the ids stored");
        rollups_match_rows(&log);
    }
}

fn spawn_writer(path: &Path, count: Option<u64>, seed: u64) -> Child {
    let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
    cmd.args(["request_log::tests::reliability::writer_child", "--exact", "--nocapture", "--test-threads", "1"])
        .env("TOKENBENCH_LOG_WRITER", path)
        .env("TOKENBENCH_LOG_SEED", seed.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(n) = count {
        cmd.env("TOKENBENCH_LOG_COUNT", n.to_string());
    }
    cmd.spawn().expect("spawn the writer")
}

/// Rows whose counted rollups agree with the rows themselves.
fn rollups_match_rows(log: &RequestLog) {
    let (rows, rolled): (i64, i64) = log
        .store
        .read("count", |c| {
            let rows = c.query_row("SELECT count(*) FROM requests WHERE failure IS NULL OR failure != 'guardrail'", [], |r| r.get(0))?;
            let rolled = c.query_row("SELECT coalesce(sum(n), 0) FROM usage_hourly", [], |r| r.get(0))?;
            Ok((rows, rolled))
        })
        .expect("counts");
    assert_eq!(rows, rolled, "every counted row is in the rollups exactly once");
}

#[test]
fn kill_9_in_a_burst_loses_at_most_the_row_in_flight() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("requests.sqlite3");
    RequestLog::open(&path, at("2026-03-10T15:30:00Z")).expect("create");
    let mut child = spawn_writer(&path, None, 5);
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut last = 0i64;
    let deadline = Instant::now() + StdDuration::from_secs(60);
    while last < 400 && Instant::now() < deadline {
        let line = lines.next().expect("the writer keeps writing").expect("line");
        if let Some(id) = line.strip_prefix("committed ") {
            last = id.parse().expect("an id");
        }
    }
    child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix: no clean-up runs
    child.wait().expect("reaped");
    // Lines printed after the ones read were committed too; a kill only loses the one in flight.
    let confirmed = lines.map_while(|l| l.ok()).filter_map(|l| l.strip_prefix("committed ").and_then(|id| id.parse::<i64>().ok())).max().unwrap_or(last).max(last);
    let log = RequestLog::open(&path, at("2026-03-10T15:31:00Z")).expect("the log opens after the kill");
    assert!(log.notices().is_empty(), "not treated as corrupt: {:?}", log.notices());
    assert!(log.check(at("2026-03-10T15:31:00Z")).expect("check").is_none(), "every page reads back");
    let total = log.page(&LogFilter::default(), None, 1).expect("page").total.expect("count") as i64;
    assert!(total >= confirmed, "{total} rows but {confirmed} were confirmed committed");
    assert!(total <= confirmed + 1, "{total} rows, {confirmed} confirmed: at most the one in flight more");
    rollups_match_rows(&log);
}

#[test]
fn two_processes_writing_at_once_lose_no_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("requests.sqlite3");
    RequestLog::open(&path, at("2026-03-10T15:30:00Z")).expect("create");
    let children: Vec<Child> = (0..2).map(|seed| spawn_writer(&path, Some(300), seed)).collect();
    // This process writes too, like the app while the CLI sends.
    let log = RequestLog::open(&path, at("2026-03-10T15:30:00Z")).expect("open");
    let mut rng = Rng::new(99);
    for i in 0..300 {
        log.record(&entry(&mut rng, at("2026-03-09T00:00:00Z") + Duration::seconds(i))).expect("insert while others write");
    }
    for mut c in children {
        let status = c.wait().expect("child ends");
        assert!(status.success(), "a writer failed (busy for more than 5 s?)");
    }
    assert_eq!(log.page(&LogFilter::default(), None, 1).expect("page").total, Some(900), "3 × 300 rows");
    rollups_match_rows(&log);
}
