//! Request logs a provider keeps on its side (Pandabase's `GET /v2/stores/:storeId/api-logs`,
//! 30 days, which the sandbox implements), fetched with the token itself and shown beside the
//! local log, labelled as the provider's. Which endpoint lists them and how its rows are shaped
//! is profile data (`providerLogs` in the profile JSON), so another provider's logs are a file
//! edit away. The fetch goes through the tester like any other request (signed, guarded,
//! redacted, and itself recorded in the local log).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::profile::ProviderLogsSpec;
use crate::request::spec::RequestDraft;
use crate::tester::{SendOptions, Tester};

/// One row of a provider's log, as far as the provider filled it in.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderLogRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub at: Option<DateTime<Utc>>,
    pub method: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub duration_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ip: Option<String>,
}

/// A provider's log for one token's account.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderLogs {
    pub token_id: String,
    pub provider: String,
    /// The provider's name, for the label ("Pandabase's log").
    pub provider_name: String,
    /// How long the provider keeps them, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub retention_days: Option<u32>,
    /// Newest first, as the provider sends them.
    pub rows: Vec<ProviderLogRow>,
}

/// Reads the rows (and the retention) out of a provider's answer. Fails with
/// [`Error::Invalid`] when the rows are not where the profile says.
pub fn parse(spec: &ProviderLogsSpec, answer: &Value) -> Result<(Vec<ProviderLogRow>, Option<u32>)> {
    let items = answer.pointer(&spec.items).and_then(Value::as_array).ok_or_else(|| {
        Error::Invalid(format!("the provider's answer has no list of log rows at '{}'; check `providerLogs.items` in its profile.", spec.items))
    })?;
    let f = &spec.fields;
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let rows = items
        .iter()
        .map(|v| ProviderLogRow {
            at: text(v, &f.at).and_then(|t| DateTime::parse_from_rfc3339(&t).ok()).map(|t| t.with_timezone(&Utc)),
            method: text(v, &f.method).unwrap_or_default(),
            path: text(v, &f.path).unwrap_or_default(),
            status: v.get(&f.status).and_then(Value::as_u64).and_then(|s| u16::try_from(s).ok()),
            duration_ms: v.get(&f.duration_ms).and_then(Value::as_f64),
            ip: text(v, &f.ip),
        })
        .collect();
    let retention = spec.retention_days.as_deref().and_then(|p| answer.pointer(p)).and_then(Value::as_u64).and_then(|d| u32::try_from(d).ok());
    Ok((rows, retention))
}

/// Fetches the provider's log with `token` (id or name) through `tester`. Fails with
/// [`Error::Invalid`] when the provider keeps no logs Tokenbench can read, or answers with an
/// error (the message carries its status); otherwise like [`Tester::send`].
pub async fn fetch(tester: &Arc<Tester>, token: &str, now: DateTime<Utc>) -> Result<ProviderLogs> {
    let inventory = Arc::clone(tester.inventory());
    let key = token.to_owned();
    let record = tokio::task::spawn_blocking(move || inventory.find(&key, now))
        .await
        .map_err(|_| Error::Invalid("the request was interrupted; try again".into()))??;
    let profile = tester.inventory().profiles().require(&record.provider)?.clone();
    let spec = profile.provider_logs.clone().ok_or_else(|| {
        Error::Invalid(format!("{} keeps no request logs Tokenbench can read; the local log is all there is.", profile.name))
    })?;
    let endpoint = profile.endpoints.iter().find(|e| e.id == spec.endpoint_id).ok_or_else(|| {
        Error::Invalid(format!("{}'s profile names log endpoint '{}', which its catalogue lacks.", profile.name, spec.endpoint_id))
    })?;
    let result = tester.send(record.id.clone(), RequestDraft::from_endpoint(endpoint), SendOptions::default()).await?;
    let response = &result.response;
    if !(200..300).contains(&response.status) {
        let why = result.diagnosis.as_ref().map(|d| format!(": {}", d.title)).unwrap_or_default();
        return Err(Error::Invalid(format!("{} answered {} {} to the request for its logs{why}.", profile.name, response.status, response.status_text)));
    }
    let body: Value = response
        .body_text
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok())
        .ok_or_else(|| Error::Invalid(format!("{}'s log answer is not JSON.", profile.name)))?;
    let (rows, retention_days) = parse(&spec, &body)?;
    Ok(ProviderLogs { token_id: record.id, provider: profile.id.clone(), provider_name: profile.name.clone(), retention_days, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::paths::DataDir;
    use crate::profile::Profiles;
    use crate::send::{HttpResponse, MockSender};
    use crate::token::{AuthMode, Environment, TokenKind};
    use crate::token_input::{NewToken, SecretField};
    use crate::vault::MemoryVault;

    fn spec() -> ProviderLogsSpec {
        Profiles::bundled().get("pandabase").and_then(|p| p.provider_logs.clone()).expect("pandabase declares its logs")
    }

    #[test]
    fn the_sandboxes_answer_shape_reads_into_rows() {
        let answer = serde_json::json!({"data": {"items": [
            {"method": "GET", "path": "/v2/core/stores/shp_a/products", "status": 200, "responseTimeMs": 1.5, "ip": "127.0.0.1", "timestamp": "2026-03-10T12:00:00Z"},
            {"method": "POST", "path": "/v2/core/stores/shp_a/products", "status": 403}
        ], "retentionDays": 30}});
        let (rows, retention) = parse(&spec(), &answer).expect("parse");
        assert_eq!(retention, Some(30));
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].status, rows[0].duration_ms, rows[0].ip.as_deref()), (Some(200), Some(1.5), Some("127.0.0.1")));
        assert_eq!(rows[0].at.map(|t| t.to_rfc3339()), Some("2026-03-10T12:00:00+00:00".into()));
        assert_eq!((rows[1].duration_ms, rows[1].at), (None, None), "missing fields stay missing");
    }

    #[test]
    fn rows_elsewhere_than_the_profile_says_are_a_clear_error() {
        let err = parse(&spec(), &serde_json::json!({"items": []})).expect_err("wrong place");
        assert!(err.to_string().contains("/data/items"), "{err}");
    }

    #[tokio::test]
    async fn fetching_goes_through_the_tester_and_a_provider_without_logs_says_so() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inv = Arc::new(crate::inventory::Inventory::open(DataDir::at(dir.path()).expect("dir"), Arc::new(MemoryVault::new())).expect("open"));
        let now = DateTime::parse_from_rfc3339("2026-03-10T12:00:00Z").expect("date").with_timezone(&Utc);
        let token = |name: &str, provider: &str, store: Option<&str>| NewToken {
            name: name.into(),
            provider: provider.into(),
            environment: Environment::Test,
            kind: TokenKind::SecretKey,
            auth_mode: AuthMode::Bearer,
            auth_header: None,
            auth_prefix: None,
            token_id: None,
            store_id: store.map(str::to_owned),
            base_url: Some("http://127.0.0.1:9/x".into()),
            scopes: vec![],
            rate_limit: None,
            expires: None,
            rotation_days: None,
            tags: vec![],
            notes: String::new(),
            secret: SecretField(crate::Secret::new("sk_test_providerlogs00000001")),
        };
        inv.create(token("panda", "pandabase", Some("shp_a")), now).expect("create");
        inv.create(token("pix", "pixlpay", None), now).expect("create");
        let answer = serde_json::json!({"data": {"items": [{"method": "GET", "path": "/p", "status": 200}], "retentionDays": 30}});
        let mock = Arc::new(MockSender::always(HttpResponse::json(200, &answer)));
        let tester = Arc::new(Tester::new(inv, mock.clone(), Arc::new(FixedClock::new(now))));
        let logs = fetch(&tester, "panda", now).await.expect("fetch");
        assert_eq!((logs.provider_name.as_str(), logs.rows.len(), logs.retention_days), ("Pandabase", 1, Some(30)));
        assert_eq!(mock.sent()[0].url, "http://127.0.0.1:9/x/v2/stores/shp_a/api-logs", "the catalogue endpoint, with the token's store");
        let err = fetch(&tester, "pix", now).await.expect_err("Pixlpay keeps no readable logs");
        assert!(err.to_string().contains("keeps no request logs"), "{err}");
    }
}
