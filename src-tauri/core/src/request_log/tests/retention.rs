//! Retention deletes old rows with their rollups (figures stay consistent with the rows),
//! keeps everything when told to, runs once a day, and leaves last-used times alone.

use chrono::Duration;

use super::super::figures::UsageQuery;
use super::super::synthetic::entries;
use super::super::window::UsageRange;
use super::{at, log};

#[test]
fn a_purge_deletes_rows_and_rollups_older_than_the_retention_and_nothing_newer() {
    let (_dir, log) = log();
    let now = at("2026-03-10T15:30:00Z");
    let rows = entries(20_000, now - Duration::days(90), now, 3);
    log.record_all(&rows).expect("insert");
    let q30 = UsageQuery { range: UsageRange::Days30, ..UsageQuery::default() };
    let before = log.usage(&q30, now).expect("figures");
    let report = log.purge(now, Some(30)).expect("purge");
    let cutoff = report.cutoff.expect("a cut-off");
    assert_eq!(cutoff, at("2026-02-08T15:00:00Z"), "30 days back, rounded down to the hour");
    let old = rows.iter().filter(|r| r.at < cutoff).count() as u64;
    assert_eq!(report.deleted, old, "exactly the rows before the cut-off, across several 5,000-row batches");
    let after = log.usage(&q30, now).expect("figures");
    assert_eq!(before, after, "the last 30 days are untouched");
    let all = UsageQuery { range: UsageRange::All, ..UsageQuery::default() };
    let (fast, slow) = (log.usage(&all, now).expect("rollups"), log.usage_from_rows(&all, now).expect("rows"));
    assert_eq!((fast.total, fast.timeline.clone()), (slow.total, slow.timeline.clone()), "rollups were purged with their rows");
    assert!(fast.from >= cutoff - Duration::days(1), "nothing older than the cut-off's day remains");
    assert!(!log.last_used().expect("last used").is_empty(), "last use outlives the rows");
}

#[test]
fn keep_everything_deletes_nothing() {
    let (_dir, log) = log();
    let now = at("2026-03-10T15:30:00Z");
    log.record_all(&entries(500, now - Duration::days(800), now, 9)).expect("insert");
    let report = log.purge(now, None).expect("purge");
    assert_eq!((report.deleted, report.cutoff), (0, None));
    assert_eq!(log.page(&Default::default(), None, 1).expect("page").total, Some(500));
}

#[test]
fn the_daily_purge_runs_once_a_day() {
    let (_dir, log) = log();
    let now = at("2026-03-10T15:30:00Z");
    log.record_all(&entries(100, now - Duration::days(60), now, 1)).expect("insert");
    assert!(log.purge_if_due(now, Some(30)).expect("first").is_some(), "never purged: due");
    assert!(log.purge_if_due(now + Duration::hours(23), Some(30)).expect("same day").is_none(), "not again within a day");
    assert!(log.purge_if_due(now + Duration::hours(24), Some(30)).expect("next day").is_some(), "due a day later");
}
