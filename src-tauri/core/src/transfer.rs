//! Export and import of the inventory as JSON or CSV. Records hold no secrets, so neither do
//! exports: what leaves is metadata and the masked form. An import re-creates records without
//! secrets; a record that keeps its id finds its keychain entry again on the same machine.
//!
//! What a text given to import *is* is decided here, by content, for every face
//! ([`classify`]): an export carries a marker (the JSON export's `tokenbench` field, the CSV
//! export's exact header line), and so does the metadata file (`version` and `tokens` holding
//! records with an `id` and a `masked` value). Anything else — a `.env` file, a JSON config
//! with a token in it, a JSON array, a message — is text to scan for tokens, however it starts.

use chrono::{DateTime, Utc};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
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
    /// What to know about what was added (a secret already stored under another name).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub warnings: Vec<String>,
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

/// Serializes `records` in `format`. Contains no secret by construction, and no fingerprint
/// (those only mean something next to this machine's install key).
pub fn export(records: &[TokenRecord], format: Format, now: DateTime<Utc>) -> Result<String> {
    let records: Vec<TokenRecord> = records.iter().cloned().map(|r| TokenRecord { fingerprint: None, ..r }).collect();
    let records = records.as_slice();
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

/// What a text given to import turned out to be, decided by its content (see [`classify`]).
#[derive(Debug)]
pub enum Incoming {
    /// An inventory export (JSON or CSV) or a metadata file: the records in it.
    Records(Vec<TokenRecord>),
    /// Anything else (a `.env` file, a JSON config, a message): text to scan for tokens.
    Text,
}

/// The metadata file's layout, recognized so a quarantined `tokens.json` can be imported back.
#[derive(Deserialize)]
struct MetadataLayout {
    #[allow(dead_code)] // required, so a file without it is not taken for ours
    version: u32,
    tokens: Vec<TokenRecord>,
}

/// Which markers a JSON object carries; every field is skipped, not built.
#[derive(Deserialize)]
struct Markers {
    tokenbench: Option<IgnoredAny>,
    version: Option<IgnoredAny>,
    tokens: Option<IgnoredAny>,
}

/// The metadata file's `tokens` are records, not anything else called tokens.
#[derive(Deserialize)]
struct MetadataMarkers {
    #[allow(dead_code)] // only its shape matters
    tokens: Vec<RecordMarkers>,
}

/// An element of `tokens` that is one of our records has at least these.
#[derive(Deserialize)]
#[allow(dead_code)] // only its shape matters
struct RecordMarkers {
    id: IgnoredAny,
    masked: IgnoredAny,
}

/// Decides what `text` is by its content and parses the records of an export:
/// - a JSON object with a `tokenbench` field is a JSON export;
/// - a JSON object with `version` and `tokens` whose items have an `id` and a `masked` value is
///   the metadata file (`tokens.json`, or a copy moved aside as corrupt);
/// - a first line equal to the CSV export's header is a CSV export;
/// - anything else is [`Incoming::Text`], to be scanned.
///
/// Fails with [`Error::Invalid`] only for a text that carries an export's marker but does not
/// parse (the message names the row or the JSON position); such a file is never scanned instead.
pub fn classify(text: &str, now: DateTime<Utc>) -> Result<Incoming> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.starts_with('{') {
        let Ok(markers) = serde_json::from_str::<Markers>(trimmed) else { return Ok(Incoming::Text) };
        if markers.tokenbench.is_some() {
            let env: Envelope = serde_json::from_str(trimmed).map_err(|e| {
                Error::Invalid(format!("this Tokenbench JSON export is damaged ({e}); export it again, or fix the file"))
            })?;
            return Ok(Incoming::Records(env.tokens));
        }
        if markers.version.is_some() && markers.tokens.is_some() && serde_json::from_str::<MetadataMarkers>(trimmed).is_ok() {
            let layout: MetadataLayout = serde_json::from_str(trimmed).map_err(|e| {
                Error::Invalid(format!("this Tokenbench metadata file does not parse ({e}); fix the record it names and import it again"))
            })?;
            return Ok(Incoming::Records(layout.tokens));
        }
        return Ok(Incoming::Text);
    }
    let first_line = trimmed.lines().next().unwrap_or("").trim_end_matches('\r');
    if first_line == CSV_HEADER.join(",") {
        return parse_csv(trimmed, now).map(Incoming::Records);
    }
    Ok(Incoming::Text)
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
