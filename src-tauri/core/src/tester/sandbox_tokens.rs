//! Sandbox tokens: tokens tagged `sandbox` whose base URL points at the loopback sandbox. The
//! sandbox reads them (and their secrets, from the vault) through [`InventorySource`], so a
//! token created in the app or the CLI is known to a running sandbox at once, and a secret the
//! sandbox rolls is stored back in the keychain.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::Result;
use crate::inventory::Inventory;
use crate::query::TokenView;
use crate::sandbox::{base_url_for, new_token_secret, SandboxToken, TokenSource};
use crate::secret::Secret;
use crate::token::{AuthMode, Environment, TokenKind};
use crate::token_input::{NewToken, SecretField};

/// The tag that marks a token as the sandbox's.
pub const SANDBOX_TAG: &str = "sandbox";

/// The sandbox's view of the inventory.
pub struct InventorySource {
    inventory: Arc<Inventory>,
    clock: Arc<dyn Clock>,
}

impl InventorySource {
    /// A source over `inventory`, dating what it writes back (a rolled secret) by `clock`.
    pub fn new(inventory: Arc<Inventory>, clock: Arc<dyn Clock>) -> Self {
        InventorySource { inventory, clock }
    }
}

impl TokenSource for InventorySource {
    fn tokens(&self) -> Vec<SandboxToken> {
        let records = self.inventory.records(self.clock.now()).unwrap_or_default();
        records
            .into_iter()
            .filter(|r| r.tags.iter().any(|t| t == SANDBOX_TAG))
            .filter_map(|record| {
                // Revoked tokens have no secret left; the sandbox answers 401 for unknown ones.
                let secret = self.inventory.vault().read(&record.id).ok()?;
                Some(SandboxToken { record, secret })
            })
            .collect()
    }

    fn on_secret_rolled(&self, token_record_id: &str, new_secret: Secret) {
        let _ = self.inventory.replace_secret(token_record_id, &new_secret, self.clock.now());
    }
}

/// What the user chooses for a new sandbox token; everything else is generated.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct NewSandboxToken {
    pub provider: String,
    #[ts(optional)]
    pub auth_mode: Option<AuthMode>,
    /// Default: every scope of the provider.
    #[ts(optional)]
    pub scopes: Option<Vec<String>>,
    #[ts(optional)]
    pub name: Option<String>,
}

/// Creates a token the sandbox on `port` accepts: a random secret of the provider's shape in the
/// keychain, base URL = the sandbox, tag `sandbox`, environment test, created at `now`.
pub fn create_sandbox_token(inventory: &Inventory, spec: NewSandboxToken, port: u16, now: DateTime<Utc>) -> Result<TokenView> {
    let profile = inventory.profiles().require(&spec.provider)?.clone();
    let mode = spec.auth_mode.unwrap_or_else(|| profile.default_auth_mode());
    let kind = if mode == AuthMode::Hmac { TokenKind::HmacToken } else { TokenKind::SecretKey };
    let (secret, token_id) = new_token_secret(&profile.id, kind, Environment::Test)?;
    let existing = inventory.records(now)?;
    let name = spec.name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| {
        let base = format!("{} sandbox{}", profile.name, if mode == AuthMode::Hmac { " (HMAC)" } else { "" });
        (1..)
            .map(|n| if n == 1 { base.clone() } else { format!("{base} {n}") })
            .find(|candidate| !existing.iter().any(|r| r.name.eq_ignore_ascii_case(candidate)))
            .unwrap_or(base)
    });
    let input = NewToken {
        name,
        provider: profile.id.clone(),
        environment: Environment::Test,
        kind,
        auth_mode: mode,
        auth_header: None,
        auth_prefix: None,
        token_id,
        store_id: profile.store_id_pattern.as_ref().map(|_| "shp_sandbox".to_owned()),
        base_url: Some(base_url_for(port, &profile.id)),
        scopes: spec.scopes.unwrap_or_else(|| profile.scopes.clone()),
        rate_limit: Some(profile.rate_limit.default),
        expires: None,
        rotation_days: None,
        tags: vec![SANDBOX_TAG.to_owned()],
        notes: "Created for the local sandbox (tokenbench sandbox); not valid anywhere else.".into(),
        secret: SecretField(secret),
    };
    inventory.create(input, now)
}
