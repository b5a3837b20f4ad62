//! The Logs view's export: every row matching a filter as CSV or JSON text, newest first.
//! Rows hold no secret to begin with (see `redact.rs`), so an export holds none either. Rows
//! are read in keyset pages inside one read transaction: the export is a consistent snapshot
//! and never holds up recording a send.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

use super::entry::LogRow;
use super::query::{rows, LogCursor, LogFilter};
use super::RequestLog;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Csv,
    Json,
}

/// CSV columns, in order.
const COLUMNS: [&str; 19] = [
    "at", "token", "token_id", "provider", "environment", "method", "host", "path_template", "path", "query", "status",
    "failure", "total_ms", "connect_ms", "first_byte_ms", "request_bytes", "response_bytes", "remote_ip", "id",
];

fn csv_record(r: &LogRow) -> [String; 19] {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let ms = |v: Option<f64>| opt(v.map(|m| format!("{m:.3}")));
    [
        r.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        r.token_name.clone(),
        r.token_id.clone(),
        r.provider.clone(),
        format!("{:?}", r.environment).to_lowercase(),
        r.method.clone(),
        r.host.clone(),
        r.path_template.clone(),
        r.path.clone(),
        r.query.clone(),
        opt(r.status.map(|s| s.to_string())),
        opt(r.failure.map(|f| f.as_str().to_owned())),
        ms(r.total_ms),
        ms(r.connect_ms),
        ms(r.first_byte_ms),
        r.request_bytes.to_string(),
        opt(r.response_bytes.map(|b| b.to_string())),
        opt(r.remote_ip.clone()),
        r.id.to_string(),
    ]
}

impl RequestLog {
    /// Every row matching `filter` as CSV (a header line, then one line per row) or a JSON
    /// array, newest first. Fails with [`Error::Invalid`] for a bad filter.
    pub fn export(&self, filter: &LogFilter, format: ExportFormat) -> Result<String> {
        super::query::where_clause(filter, None)?;
        let all = self.store.read("read", |conn| {
            let tx = conn.transaction()?;
            let mut all: Vec<LogRow> = Vec::new();
            let mut cursor: Option<LogCursor> = None;
            loop {
                let page = rows(&tx, filter, cursor, 5_000)?;
                let Some(last) = page.last() else { break };
                cursor = Some(LogCursor { at_ms: last.at.timestamp_millis(), id: last.id });
                all.extend(page);
            }
            tx.finish()?;
            Ok(all)
        })?;
        match format {
            ExportFormat::Json => serde_json::to_string_pretty(&all).map_err(|e| Error::Invalid(format!("could not write JSON: {e}"))),
            ExportFormat::Csv => {
                let fail = |e: csv::Error| Error::Invalid(format!("could not write CSV: {e}"));
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(COLUMNS).map_err(fail)?;
                for r in &all {
                    w.write_record(csv_record(r)).map_err(fail)?;
                }
                let bytes = w.into_inner().map_err(|e| Error::Invalid(format!("could not write CSV: {e}")))?;
                String::from_utf8(bytes).map_err(|e| Error::Invalid(format!("could not write CSV: {e}")))
            }
        }
    }
}
