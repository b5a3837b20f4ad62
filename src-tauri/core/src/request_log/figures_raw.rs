//! The usage figures computed straight from the raw rows, with an exact p95 from sorted
//! durations. This is the reference: tests check that the rollups give the same answers on
//! generated logs, and the benchmark shows what the rollups save. It reads every row of the
//! range, so nothing in the app calls it.

use rusqlite::{params_from_iter, Connection};

use super::figures::{Aggregates, ANSWERED_OF_CLASS, ERRORS_OF_CLASS};
use super::histogram::exact_quantile;
use super::window::Window;
use super::write::HOUR_MS;

/// Rows of the window as `(at, token, endpoint, class, n = 1, us)`, refusals left out.
const BASE: &str = "WITH base AS (
    SELECT at, at / 3600000 AS hour, endpoint,
           CASE WHEN status IS NULL THEN 0 ELSE max(1, min(5, status / 100)) END AS class,
           1 AS n,
           CASE WHEN status IS NULL THEN 0 ELSE coalesce(total_us, 0) END AS us
    FROM requests
    WHERE at >= ? AND at < ? AND (failure IS NULL OR failure != 'guardrail'){tok})";

fn u(n: i64) -> u64 {
    n.max(0) as u64
}

/// The oldest hour with a counted request.
pub(crate) fn first_hour(conn: &Connection, token: Option<i64>) -> rusqlite::Result<Option<i64>> {
    let sql = format!(
        "SELECT min(at) FROM requests WHERE (failure IS NULL OR failure != 'guardrail'){}",
        if token.is_some() { " AND token = ?" } else { "" }
    );
    let at: Option<i64> = conn.query_row(&sql, params_from_iter(token), |r| r.get(0))?;
    Ok(at.map(|a| a.div_euclid(HOUR_MS)))
}

/// The aggregates of [`super::figures`], from raw rows.
pub(crate) fn from_rows(conn: &Connection, w: &Window, token: Option<i64>) -> rusqlite::Result<Aggregates> {
    let base = BASE.replace("{tok}", if token.is_some() { " AND token = ?" } else { "" });
    let (from_ms, until_ms) = w.raw_bounds();
    let args = |mut v: Vec<i64>, tail: Vec<i64>| {
        v.extend(token);
        v.extend(tail);
        v
    };
    let mut a = Aggregates::default();
    let mut stmt = conn.prepare(&format!("{base} SELECT class, sum(n), sum(us) FROM base GROUP BY class"))?;
    let mut q = stmt.query(params_from_iter(args(vec![from_ms, until_ms], vec![])))?;
    while let Some(r) = q.next()? {
        let class: i64 = r.get(0)?;
        if let Some(slot) = a.classes.get_mut(class as usize) {
            *slot = (u(r.get(1)?), r.get(2)?);
        }
    }
    a.today = u(conn.query_row(
        &format!("{base} SELECT coalesce(sum(n), 0) FROM base"),
        params_from_iter(args(vec![w.today_hour * HOUR_MS, until_ms], vec![])),
        |r| r.get(0),
    )?);
    let mut stmt = conn.prepare(&format!(
        "{base} SELECT (hour * 3600000 + ?) / ? AS b, sum(n), sum({ERRORS_OF_CLASS}), sum({ANSWERED_OF_CLASS}), sum(us) FROM base GROUP BY b"
    ))?;
    a.timeline = stmt
        .query_map(params_from_iter(args(vec![from_ms, until_ms], vec![w.offset_ms, w.bucket_ms()])), |r| {
            Ok((r.get(0)?, u(r.get(1)?), u(r.get(2)?), u(r.get(3)?), r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(&format!(
        "{base} SELECT e.method, e.host, e.template, sum(n), sum({ERRORS_OF_CLASS}), sum({ANSWERED_OF_CLASS}), sum(us)
         FROM base JOIN endpoints e ON e.ref = base.endpoint GROUP BY e.method, e.host, e.template"
    ))?;
    a.endpoints = stmt
        .query_map(params_from_iter(args(vec![from_ms, until_ms], vec![])), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, u(r.get(3)?), u(r.get(4)?), u(r.get(5)?), r.get(6)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(&format!("{base} SELECT us FROM base WHERE class > 0"))?;
    let mut times: Vec<f64> =
        stmt.query_map(params_from_iter(args(vec![from_ms, until_ms], vec![])), |r| r.get::<_, i64>(0))?.map(|r| r.map(|us| us as f64)).collect::<rusqlite::Result<_>>()?;
    a.p95_us = exact_quantile(&mut times, 0.95);
    Ok(a)
}
