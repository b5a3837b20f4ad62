//! Export and import of the inventory as JSON or CSV. Records hold no secrets, so neither do
//! exports: what leaves is metadata and the masked form. An import re-creates records without
//! secrets; a record that keeps its id finds its keychain entry again on the same machine.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::inventory::Inventory;
use crate::token::TokenRecord;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    Json,
    Csv,
}

/// What an import did, name by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub added: Vec<String>,
    pub skipped: Vec<Skipped>,
}

/// A record that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub name: String,
    pub reason: String,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    tokenbench: u32,
    exported: DateTime<Utc>,
    tokens: Vec<TokenRecord>,
}

const CSV_HEADER: [&str; 19] = [
    "id", "name", "provider", "environment", "kind", "authMode", "tokenId", "storeId", "baseUrl", "scopes",
    "rateLimit", "created", "expires", "lastUsed", "lastRotated", "rotationDays", "revokedAt", "tags", "notes",
];

/// Serializes `records` in `format`. Contains no secret by construction.
pub fn export(records: &[TokenRecord], format: Format, now: DateTime<Utc>) -> Result<String> {
    match format {
        Format::Json => serde_json::to_string_pretty(&Envelope { tokenbench: 1, exported: now, tokens: records.to_vec() })
            .map_err(|e| Error::Invalid(format!("could not encode the export: {e}"))),
        Format::Csv => export_csv(records),
    }
}

fn export_csv(records: &[TokenRecord]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Error::Invalid(format!("could not write CSV: {e}"));
    w.write_record(CSV_HEADER).map_err(fail)?;
    for r in records {
        let value = serde_json::to_value(r).map_err(|e| Error::Invalid(e.to_string()))?;
        let row: Vec<String> = CSV_HEADER
            .iter()
            .map(|col| match value.get(*col) {
                None | Some(serde_json::Value::Null) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Array(items)) => {
                    items.iter().filter_map(|i| i.as_str()).collect::<Vec<_>>().join(";")
                }
                Some(other) => other.to_string(),
            })
            .collect();
        w.write_record(&row).map_err(fail)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Invalid(format!("could not write CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::Invalid(e.to_string()))
}

/// Parses an export (JSON envelope, a bare JSON array of records, or CSV with the export's
/// header) into records. A record that does not parse is an error naming its row.
pub fn parse(text: &str, now: DateTime<Utc>) -> Result<Vec<TokenRecord>> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with('{') {
        let env: Envelope = serde_json::from_str(trimmed)
            .map_err(|e| Error::Invalid(format!("not a Tokenbench JSON export: {e}")))?;
        return Ok(env.tokens);
    }
    if trimmed.starts_with('[') {
        return serde_json::from_str(trimmed).map_err(|e| Error::Invalid(format!("not a list of token records: {e}")));
    }
    parse_csv(trimmed, now)
}

fn parse_csv(text: &str, now: DateTime<Utc>) -> Result<Vec<TokenRecord>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| Error::Invalid(format!("not CSV: {e}")))?.clone();
    for required in ["name", "provider"] {
        if !headers.iter().any(|h| h == required) {
            return Err(Error::Invalid(format!(
                "the CSV has no '{required}' column; import a file made by 'Export → CSV' or JSON"
            )));
        }
    }
    let mut out = Vec::new();
    for (line, row) in reader.records().enumerate() {
        let row = row.map_err(|e| Error::Invalid(format!("CSV row {}: {e}", line + 2)))?;
        let mut obj = serde_json::Map::new();
        for (h, v) in headers.iter().zip(row.iter()) {
            if v.is_empty() {
                continue;
            }
            let value = match h {
                "scopes" | "tags" => serde_json::Value::from(v.split(';').map(str::to_owned).collect::<Vec<_>>()),
                "rateLimit" | "rotationDays" => v
                    .parse::<u32>()
                    .map(serde_json::Value::from)
                    .map_err(|_| Error::Invalid(format!("CSV row {}: {h} must be a number", line + 2)))?,
                _ => serde_json::Value::from(v),
            };
            obj.insert(h.to_owned(), value);
        }
        obj.entry("id").or_insert_with(|| uuid::Uuid::new_v4().to_string().into());
        obj.entry("environment").or_insert_with(|| "live".into());
        obj.entry("kind").or_insert_with(|| "secretKey".into());
        obj.entry("authMode").or_insert_with(|| "bearer".into());
        obj.entry("rateLimit").or_insert_with(|| crate::token::DEFAULT_RATE_LIMIT.into());
        obj.entry("rotationDays").or_insert_with(|| crate::token::DEFAULT_ROTATION_DAYS.into());
        obj.entry("created").or_insert_with(|| now.to_rfc3339().into());
        obj.entry("masked").or_insert_with(|| "(no secret yet)".into());
        let record: TokenRecord = serde_json::from_value(serde_json::Value::Object(obj))
            .map_err(|e| Error::Invalid(format!("CSV row {}: {e}", line + 2)))?;
        out.push(record);
    }
    Ok(out)
}

/// Imports every record of `text` into `inventory`; names that exist already or fail
/// validation are skipped with the reason, the rest are added.
pub fn import(inventory: &Inventory, text: &str, now: DateTime<Utc>) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    for record in parse(text, now)? {
        let name = record.name.clone();
        match inventory.insert_record(record, now) {
            Ok(_) => report.added.push(name),
            Err(e) => report.skipped.push(Skipped { name, reason: e.to_string() }),
        }
    }
    Ok(report)
}
