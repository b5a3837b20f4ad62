//! The tester's Recent list, read from the log (one history, not a file beside a database).
//! A row holds no headers or body, so opening a recent request restores its token, method,
//! path (the template, `{storeId}` and all), query (a removed secret value comes back empty,
//! to fill in) and catalogue endpoint; saved requests keep whole drafts.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::request::spec::{FormRow, RequestDraft};

use super::entry::LogRow;
use super::query::{rows, LogFilter};
use super::redact::REMOVED;
use super::RequestLog;

/// One recent request and the draft that repeats it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecentRequest {
    pub entry: LogRow,
    pub draft: RequestDraft,
}

/// The draft that sends `row` again (with the token's current secret).
pub fn draft_of(row: &LogRow) -> RequestDraft {
    let url = if row.relative { row.path_template.clone() } else { format!("{}://{}{}", row.scheme, row.host, row.path_template) };
    let query = url::form_urlencoded::parse(row.query.as_bytes())
        .map(|(name, value)| FormRow::new(name, if value == REMOVED { String::new() } else { value.into_owned() }))
        .collect();
    RequestDraft {
        method: row.method.clone(),
        url,
        headers: Vec::new(),
        query,
        body: String::new(),
        endpoint_id: row.endpoint_id.clone(),
        vars: BTreeMap::new(),
    }
}

impl RequestLog {
    /// The last `limit` requests of every token, newest first, refusals included.
    pub fn recent(&self, limit: usize) -> Result<Vec<RecentRequest>> {
        let found = self.store.read("read", |conn| rows(conn, &LogFilter::default(), None, limit.clamp(1, 1000)))?;
        Ok(found.into_iter().map(|entry| RecentRequest { draft: draft_of(&entry), entry }).collect())
    }
}
