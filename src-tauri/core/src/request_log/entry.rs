//! One logged request: [`NewEntry`] is what the recorder writes after a send, [`LogRow`] what
//! the faces read back. Both hold only what may be shown on screen: time, token, endpoint,
//! the path and the query with secret values removed, status or failure kind, timings, sizes
//! and the remote IP. Never a header, a body or a secret.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::NetworkKind;
use crate::profile::Profiles;
use crate::send::HttpResponse;
use crate::token::{Environment, TokenRecord};

use super::redact::{redact_path, redact_query, SecretSpotter};
use super::target::Target;

/// Why a request got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FailureKind {
    Dns,
    Connect,
    Tls,
    Timeout,
    /// Refused before it left the machine: a guardrail question was not answered yes, or the
    /// profile's HTTPS rule. Logged, but not counted in usage figures (nothing was sent).
    Guardrail,
    Other,
}

impl FailureKind {
    /// The word stored in the database and printed by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Dns => "dns",
            FailureKind::Connect => "connect",
            FailureKind::Tls => "tls",
            FailureKind::Timeout => "timeout",
            FailureKind::Guardrail => "guardrail",
            FailureKind::Other => "other",
        }
    }

    /// Reads a stored word; unknown words are `Other`.
    pub fn parse(word: &str) -> Self {
        match word {
            "dns" => FailureKind::Dns,
            "connect" => FailureKind::Connect,
            "tls" => FailureKind::Tls,
            "timeout" => FailureKind::Timeout,
            "guardrail" => FailureKind::Guardrail,
            _ => FailureKind::Other,
        }
    }
}

impl From<NetworkKind> for FailureKind {
    fn from(kind: NetworkKind) -> Self {
        match kind {
            NetworkKind::Dns => FailureKind::Dns,
            NetworkKind::Connect => FailureKind::Connect,
            NetworkKind::Tls => FailureKind::Tls,
            NetworkKind::Timeout => FailureKind::Timeout,
            NetworkKind::Other => FailureKind::Other,
        }
    }
}

/// How a send ended, as the recorder sees it.
pub enum Outcome<'a> {
    /// An HTTP answer, whatever its status.
    Answered(&'a HttpResponse),
    /// No answer: the transport failed after `elapsed_ms`.
    Failed { kind: NetworkKind, elapsed_ms: f64 },
    /// A guardrail refused it before anything was sent.
    Refused,
}

/// A row to insert.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    pub at: DateTime<Utc>,
    pub token_id: String,
    pub token_name: String,
    pub provider: String,
    pub environment: Environment,
    pub method: String,
    pub scheme: String,
    /// `host` or `host:port` (a port only when it is not the scheme's default).
    pub host: String,
    pub target: Target,
    /// The concrete path sent, secret-shaped segments removed.
    pub path: String,
    /// The query sent, secret values removed (`api_key=•••`); `""` when none.
    pub query: String,
    pub status: Option<u16>,
    pub failure: Option<FailureKind>,
    pub total_ms: Option<f64>,
    pub connect_ms: Option<f64>,
    pub first_byte_ms: Option<f64>,
    pub request_bytes: u64,
    pub response_bytes: Option<u64>,
    pub remote_ip: Option<String>,
}

impl NewEntry {
    /// The row for a send of `method` to `url` (the final URL, query included) with `record`,
    /// sent at `at`, carrying `request_bytes` of body, that ended in `outcome`. Never fails: a
    /// URL that does not parse is logged with an empty host and path.
    #[allow(clippy::too_many_arguments)]
    pub fn for_send(
        at: DateTime<Utc>,
        record: &TokenRecord,
        method: &str,
        url: &str,
        target: Target,
        request_bytes: u64,
        outcome: Outcome<'_>,
        profiles: &Profiles,
    ) -> Self {
        let mut spotter = SecretSpotter::new(profiles);
        let parsed = url::Url::parse(url).ok();
        let (scheme, host, path, query) = match &parsed {
            Some(u) => (
                u.scheme().to_owned(),
                match u.port() {
                    Some(p) => format!("{}:{p}", u.host_str().unwrap_or("")),
                    None => u.host_str().unwrap_or("").to_owned(),
                },
                redact_path(u.path(), &mut spotter),
                redact_query(u.query(), &mut spotter),
            ),
            None => (String::new(), String::new(), String::new(), String::new()),
        };
        let target = Target { template: redact_path(&target.template, &mut spotter), ..target };
        let mut entry = NewEntry {
            at,
            token_id: record.id.clone(),
            token_name: record.name.clone(),
            provider: record.provider.clone(),
            environment: record.environment,
            method: method.to_ascii_uppercase(),
            scheme,
            host,
            target,
            path,
            query,
            status: None,
            failure: None,
            total_ms: None,
            connect_ms: None,
            first_byte_ms: None,
            request_bytes,
            response_bytes: None,
            remote_ip: None,
        };
        match outcome {
            Outcome::Answered(r) => {
                entry.status = Some(r.status);
                entry.total_ms = Some(r.timing.total_ms);
                entry.connect_ms = r.timing.connect_ms;
                entry.first_byte_ms = r.timing.first_byte_ms;
                entry.response_bytes = Some(r.size);
                entry.remote_ip = r.remote_addr.as_deref().map(ip_of);
            }
            Outcome::Failed { kind, elapsed_ms } => {
                entry.failure = Some(kind.into());
                entry.total_ms = Some(elapsed_ms);
            }
            Outcome::Refused => entry.failure = Some(FailureKind::Guardrail),
        }
        entry
    }

    /// The usage class: 0 = no answer, 1–5 = status / 100; `None` for a guardrail refusal
    /// (not counted in usage figures).
    pub fn class(&self) -> Option<u8> {
        status_class(self.status, self.failure)
    }
}

/// See [`NewEntry::class`].
pub fn status_class(status: Option<u16>, failure: Option<FailureKind>) -> Option<u8> {
    match (status, failure) {
        (_, Some(FailureKind::Guardrail)) => None,
        (Some(s), _) => Some((s / 100).clamp(1, 5) as u8),
        (None, _) => Some(0),
    }
}

/// An error for usage: no answer, or a 4xx/5xx answer.
pub fn is_error_class(class: u8) -> bool {
    matches!(class, 0 | 4 | 5)
}

/// `127.0.0.1:8787` → `127.0.0.1`, `[::1]:80` → `::1`.
fn ip_of(addr: &str) -> String {
    addr.parse::<std::net::SocketAddr>().map(|a| a.ip().to_string()).unwrap_or_else(|_| addr.to_owned())
}

/// One logged request as the faces show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogRow {
    #[ts(type = "number")]
    pub id: i64,
    pub at: DateTime<Utc>,
    pub token_id: String,
    pub token_name: String,
    pub provider: String,
    pub environment: Environment,
    pub method: String,
    pub scheme: String,
    pub host: String,
    pub path_template: String,
    /// The template is relative to the token's base URL (it was written as a path).
    pub relative: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub endpoint_id: Option<String>,
    pub path: String,
    pub query: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub failure: Option<FailureKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub total_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub connect_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub first_byte_ms: Option<f64>,
    #[ts(type = "number")]
    pub request_bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub response_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub remote_ip: Option<String>,
}

/// Milliseconds (as measured) to the whole microseconds stored.
pub(crate) fn to_us(ms: f64) -> i64 {
    (ms * 1000.0).round().max(0.0) as i64
}

/// Stored microseconds back to milliseconds.
pub(crate) fn to_ms(us: i64) -> f64 {
    us as f64 / 1000.0
}
