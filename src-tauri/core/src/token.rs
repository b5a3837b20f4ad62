//! The token record: everything Tokenbench knows about a token except its secret, which lives
//! only in the keychain under the record's `id`. This is what the metadata file, exports and
//! the UI see.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Live or test. Decides guardrails (live tokens ask before writes) and the base URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub enum Environment {
    Live,
    Test,
}

/// What the stored value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub enum TokenKind {
    /// A server-side secret key (`sk_…`, `opt_live_…`, PacSpace `pk_env_PUBLIC.SECRET`).
    SecretKey,
    /// A client-side publishable key (Shipped `pk_…`): few endpoints accept it.
    PublishableKey,
    /// A Pandabase HMAC token: public `stk_…` id plus a secret that never travels.
    HmacToken,
}

/// How the secret authenticates a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub enum AuthMode {
    /// `Authorization: Bearer <secret>`.
    Bearer,
    /// `Authorization: Bearer <token id>` + `X-Signature: hex(HMAC-SHA256(hex(SHA-256(secret)), body))`.
    Hmac,
    /// `<header>: <secret>`, `X-Api-Key` unless the token says otherwise.
    ApiKey,
    /// `Authorization: <secret>` with no scheme.
    Raw,
    /// `<header>: <prefix><secret>`, both chosen by the user.
    Custom,
    /// No authentication header.
    None,
}

/// Lifecycle status, derived from the record and the time passed in (see `status.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Active,
    Expired,
    Revoked,
}

/// One token's metadata. Never holds the secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TokenRecord {
    /// Stable id; also the keychain account name.
    pub id: String,
    /// Unique, human name ("Mobile App", "deploy-script").
    pub name: String,
    /// Profile id (`pandabase`, `pixlpay`, `pacspace`, `commerce`, `shipped`, `custom`, or a user profile).
    pub provider: String,
    pub environment: Environment,
    pub kind: TokenKind,
    pub auth_mode: AuthMode,
    /// Header name for `apiKey` / `custom` modes (default `X-Api-Key` / `Authorization`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub auth_header: Option<String>,
    /// Value prefix for `custom` mode (e.g. `Token `).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub auth_prefix: Option<String>,
    /// Public token id (Pandabase `stk_…`); not a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub token_id: Option<String>,
    /// Store id where the provider needs one (Pandabase `shp_…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub store_id: Option<String>,
    /// Base URL override (a sandbox, a self-hosted Commerce domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Requests per minute, 1–1000.
    pub rate_limit: u32,
    pub created: DateTime<Utc>,
    /// `None` = never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub expires: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub last_used: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub last_rotated: Option<DateTime<Utc>>,
    /// Days between rotations, default 90.
    pub rotation_days: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub revoked_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// Screenshot-safe form of the secret (`sk_live_••••wxyz`), computed when it is stored.
    pub masked: String,
    /// Ask before sending this live token to a host outside its profile.
    #[serde(default = "yes")]
    pub confirm_foreign_host: bool,
    /// Ask before POST/PUT/PATCH/DELETE with this live token.
    #[serde(default = "yes")]
    pub confirm_writes: bool,
    /// Keyed fingerprint of the secret (hex HMAC-SHA256, see `fingerprint.rs`), to notice the
    /// same secret under two names. Reveals nothing without the install key in the keychain.
    /// Kept in the metadata file only: views and exports leave it out. `None` until the
    /// secret is stored or next read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(skip)]
    pub fingerprint: Option<String>,
}

fn yes() -> bool {
    true
}

impl TokenRecord {
    /// A live Bearer secret key named `name` for `provider`, created at `created`, with every
    /// other field at its default (no expiry, no scopes, the default rate limit and rotation
    /// interval, not yet used, rotated or revoked, both guardrail questions on, no mask, no fingerprint). The one
    /// place a record is built from nothing: the add flow fills in the rest, tests set what
    /// they need on top.
    pub fn new(id: impl Into<String>, name: impl Into<String>, provider: impl Into<String>, created: DateTime<Utc>) -> Self {
        TokenRecord {
            id: id.into(),
            name: name.into(),
            provider: provider.into(),
            environment: Environment::Live,
            kind: TokenKind::SecretKey,
            auth_mode: AuthMode::Bearer,
            auth_header: None,
            auth_prefix: None,
            token_id: None,
            store_id: None,
            base_url: None,
            scopes: Vec::new(),
            rate_limit: DEFAULT_RATE_LIMIT,
            created,
            expires: None,
            last_used: None,
            last_rotated: None,
            rotation_days: DEFAULT_ROTATION_DAYS,
            revoked_at: None,
            tags: Vec::new(),
            notes: String::new(),
            masked: String::new(),
            confirm_foreign_host: true,
            confirm_writes: true,
            fingerprint: None,
        }
    }
}

/// Default requests per minute (Pixlpay's documented default).
pub const DEFAULT_RATE_LIMIT: u32 = 60;
/// Default rotation interval (Pixlpay recommends 90 days).
pub const DEFAULT_ROTATION_DAYS: u32 = 90;
/// Longest secret every platform keychain stores (Windows: 2560 bytes of UTF-16).
pub const MAX_SECRET_CHARS: usize = 1280;
