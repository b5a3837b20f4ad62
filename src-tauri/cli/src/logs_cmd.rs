//! `tokenbench logs` and `tokenbench usage`: the request log from the command line, through the
//! same core queries as the app's Logs and Usage views. Opening the log is also when the CLI
//! purges rows past the retention setting, once a day.

use chrono::{DateTime, Duration, NaiveDate, Offset, Utc};
use tokenbench_core::inventory::Inventory;
use tokenbench_core::request_log::{LogFilter, LogRow, RequestLog, UsageFigures, UsageQuery, UsageRange};
use tokenbench_core::settings::SettingsFile;
use tokenbench_core::{Error, Result};

use crate::args::{LogsArgs, UsageArgs};
use crate::output::print_json;

/// Opens the log and runs the daily purge if it is due. A purge failure is a warning: the
/// log is still readable.
pub fn open(inv: &Inventory, now: DateTime<Utc>) -> Result<std::sync::Arc<RequestLog>> {
    let log = inv.request_log(now)?;
    let (settings, notice) = SettingsFile::new(inv.data_dir().settings_file()).load(now)?;
    if let Some(n) = notice {
        eprintln!("note: {n}");
    }
    if let Err(e) = log.purge_if_due(now, settings.log_retention_days) {
        eprintln!("warning: the daily purge of old log rows failed: {e}");
    }
    for n in log.notices() {
        eprintln!("note: {n}");
    }
    Ok(log)
}

/// The id of the token named `name`: from the inventory, else from the log (a deleted token).
fn token_id(inv: &Inventory, log: &RequestLog, name: &str, now: DateTime<Utc>) -> Result<String> {
    match inv.find(name, now) {
        Ok(r) => Ok(r.id),
        Err(Error::NotFound(_)) => log.token_id_named(name)?.ok_or_else(|| Error::NotFound(name.to_owned())),
        Err(e) => Err(e),
    }
}

/// `7d`, `12h`, `30m`, `2w`, `2026-03-01` (UTC midnight) or RFC 3339, read back from `now`.
pub fn parse_since(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let t = text.trim();
    let bad = || Error::Invalid(format!("--since '{text}': use 7d, 12h, 30m, 2w, a date (2026-03-01) or an RFC 3339 time"));
    if let Some(unit) = t.chars().last().filter(|c| c.is_ascii_alphabetic()) {
        if let Ok(n) = t[..t.len() - 1].parse::<i64>() {
            let span = match unit {
                'm' => Duration::minutes(n),
                'h' => Duration::hours(n),
                'd' => Duration::days(n),
                'w' => Duration::weeks(n),
                _ => return Err(bad()),
            };
            return Ok(now - span);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0).map(|n| n.and_utc()).ok_or_else(bad);
    }
    DateTime::parse_from_rfc3339(t).map(|d| d.with_timezone(&Utc)).map_err(|_| bad())
}

/// The local time zone's offset now, so "today" is the user's day.
fn local_offset_minutes() -> i32 {
    chrono::Local::now().offset().fix().local_minus_utc() / 60
}

/// `tokenbench logs`.
pub fn logs(inv: &Inventory, args: LogsArgs, json: bool, now: DateTime<Utc>) -> Result<()> {
    let log = open(inv, now)?;
    let filter = LogFilter {
        token_id: args.token.as_deref().map(|n| token_id(inv, &log, n, now)).transpose()?,
        status: args.status,
        method: args.method,
        since: args.since.as_deref().map(|s| parse_since(s, now)).transpose()?,
        until: None,
        search: args.search,
        calls_only: false,
    };
    let page = log.page(&filter, None, args.limit)?;
    if json {
        return print_json(&page.rows);
    }
    if page.rows.is_empty() {
        println!("No requests logged{}. Send one with: tokenbench send --token NAME /path", if filter == LogFilter::default() { "" } else { " match" });
        return Ok(());
    }
    let rows: Vec<[String; 7]> = page.rows.iter().map(line).collect();
    print_table(["TIME", "TOKEN", "METHOD", "STATUS", "MS", "PATH", "IP"], &rows);
    if let Some(total) = page.total.filter(|t| *t > page.rows.len() as u64) {
        println!("({} of {total} shown; --limit N for more)", page.rows.len());
    }
    Ok(())
}

fn line(r: &LogRow) -> [String; 7] {
    let status = match (r.status, r.failure) {
        (Some(s), _) => s.to_string(),
        (None, Some(f)) => f.as_str().to_owned(),
        (None, None) => "-".into(),
    };
    let path = if r.query.is_empty() { r.path.clone() } else { format!("{}?{}", r.path, r.query) };
    [
        r.at.format("%Y-%m-%d %H:%M:%S").to_string(),
        r.token_name.clone(),
        r.method.clone(),
        status,
        r.total_ms.map(|m| format!("{m:.1}")).unwrap_or_default(),
        path,
        r.remote_ip.clone().unwrap_or_default(),
    ]
}

fn print_table<const N: usize>(header: [&str; N], rows: &[[String; N]]) {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let print = |cells: Vec<&str>| {
        let parts: Vec<String> = cells.iter().zip(widths).map(|(c, w)| format!("{c:<w$}")).collect();
        println!("{}", parts.join("  ").trim_end());
    };
    print(header.to_vec());
    for row in rows {
        print(row.iter().map(String::as_str).collect());
    }
}

/// `tokenbench usage`.
pub fn usage(inv: &Inventory, args: UsageArgs, json: bool, now: DateTime<Utc>) -> Result<()> {
    let log = open(inv, now)?;
    let range = UsageRange::parse(&args.range).ok_or_else(|| Error::Invalid(format!("--range '{}': use today, 7d, 30d, 1y or all", args.range)))?;
    let query = UsageQuery {
        token_id: args.token.as_deref().map(|n| token_id(inv, &log, n, now)).transpose()?,
        range,
        utc_offset_minutes: local_offset_minutes(),
        recent_status: args.status,
    };
    let f = log.usage(&query, now)?;
    if json {
        return print_json(&f);
    }
    print_usage(&f, args.token.as_deref());
    Ok(())
}

fn print_usage(f: &UsageFigures, token: Option<&str>) {
    let ms = |v: Option<f64>| v.map(|m| format!("{m:.1} ms")).unwrap_or_else(|| "—".into());
    println!("{} since {}", token.unwrap_or("All tokens"), f.from.format("%Y-%m-%d %H:%M UTC"));
    println!("requests     {}  (today {})", f.total, f.today);
    println!("errors       {}  ({:.1} %)", f.errors, f.error_rate * 100.0);
    println!("average      {}", ms(f.avg_ms));
    println!("p95          {}", ms(f.p95_ms));
    let c = &f.status_classes;
    println!("statuses     2xx {}  3xx {}  4xx {}  5xx {}  no answer {}", c.success, c.redirect, c.client_error, c.server_error, c.failed);
    if f.total == 0 {
        println!("\nNo requests in this range. Send one with: tokenbench send --token NAME /path");
        return;
    }
    println!();
    let rows: Vec<[String; 5]> = f
        .endpoints
        .iter()
        .map(|e| [e.method.clone(), e.path_template.clone(), e.requests.to_string(), format!("{:.1} %", e.success_rate * 100.0), ms(e.avg_ms)])
        .collect();
    print_table(["METHOD", "ENDPOINT", "REQUESTS", "SUCCESS", "AVERAGE"], &rows);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_reads_spans_dates_and_times() {
        let now = DateTime::parse_from_rfc3339("2026-03-10T12:00:00Z").expect("date").with_timezone(&Utc);
        assert_eq!(parse_since("7d", now).expect("7d"), now - Duration::days(7));
        assert_eq!(parse_since("12h", now).expect("12h"), now - Duration::hours(12));
        assert_eq!(parse_since("2026-03-01", now).expect("date").to_rfc3339(), "2026-03-01T00:00:00+00:00");
        assert_eq!(parse_since("2026-03-09T08:00:00+02:00", now).expect("rfc").to_rfc3339(), "2026-03-09T06:00:00+00:00");
        assert_eq!(parse_since("yesterday", now).expect_err("bad").code(), "invalid");
        assert_eq!(parse_since("5y", now).expect_err("no years").code(), "invalid");
    }
}
