//! Provider profiles are data. Each provider Tokenbench speaks is one JSON file (bundled ones
//! live in `src-tauri/core/profiles/`, users add their own to `<data dir>/profiles/`): auth
//! modes, base URLs per environment, token shapes, scopes, endpoints and what its error codes
//! mean. Adding a provider is adding a file; no Rust changes.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::token::{AuthMode, Environment, TokenKind};

/// What a recognized value is, as opposed to what kind of token record it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ValueRole {
    /// A value that authenticates: store it in the keychain.
    Secret,
    /// A publishable (client-side) key: authenticates only a few endpoints.
    Publishable,
    /// A public token id (`stk_…`): goes in the record, never where a secret is expected.
    TokenId,
    /// A store id (`shp_…`): not a secret at all.
    StoreId,
}

/// One token shape a provider hands out, as a regular expression. A named group `env`
/// (`live`, `production`, `test`, `sandbox`…) sets the environment when `environment` is absent.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Shape {
    pub pattern: String,
    pub role: ValueRole,
    pub kind: TokenKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub environment: Option<Environment>,
    /// The literal prefix shown in masks (`sk_live_`); derived from the match when absent.
    #[serde(default)]
    pub label: String,
}

/// Where an environment's API lives. `base_url` is absent when each account has its own
/// (PacSpace sandbox, Commerce domains): the token's own `base_url` is then required.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EnvironmentSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// A query parameter or path variable an endpoint takes.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Param {
    pub name: String,
    #[serde(default)]
    pub example: String,
}

/// One entry of a provider's endpoint catalogue.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    pub id: String,
    pub name: String,
    pub method: String,
    /// Path template with `{storeId}`, `{tokenId}`, `{id}`, `{customerId}` variables.
    pub path: String,
    #[serde(default)]
    pub query: Vec<Param>,
    /// Example JSON body for write endpoints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub body: Option<serde_json::Value>,
    /// Scopes the provider requires for this endpoint.
    #[serde(default)]
    pub scopes: Vec<String>,
}

/// Rate limit bounds the provider allows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RateLimitSpec {
    pub default: u32,
    pub max: u32,
}

/// A provider, loaded from JSON.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Auth modes the provider accepts; the first is the default.
    pub auth_modes: Vec<AuthMode>,
    /// Header for `apiKey` mode (`X-Api-Key`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub auth_header: Option<String>,
    pub environments: BTreeMap<Environment, EnvironmentSpec>,
    /// Plain-HTTP requests are refused (loopback may be allowed explicitly).
    #[serde(default)]
    pub requires_https: bool,
    /// Pattern a store id must match when the provider needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub store_id_pattern: Option<String>,
    /// Scope vocabulary; empty = free text (or a single fixed scope).
    #[serde(default)]
    pub scopes: Vec<String>,
    pub shapes: Vec<Shape>,
    #[serde(default)]
    pub endpoints: Vec<Endpoint>,
    /// What the provider's 401/403/429 answers mean, in its own words.
    #[serde(default)]
    pub errors: BTreeMap<String, String>,
    pub rate_limit: RateLimitSpec,
    /// Recommended days between rotations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rotation_days: Option<u32>,
    /// Regex with a group `perms` that finds missing permissions in a 403 body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub missing_permissions_pattern: Option<String>,
    /// Where the provider keeps its own request logs, when it offers them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub provider_logs: Option<ProviderLogsSpec>,
    /// `store_id_pattern`, compiled on first use (an import checks thousands of store ids).
    #[serde(skip)]
    #[ts(skip)]
    store_id_regex: std::sync::OnceLock<std::result::Result<regex::Regex, String>>,
}

/// How to read a provider's own request logs (Pandabase's `api-logs`): the catalogue endpoint
/// that lists them, where the rows sit in its JSON answer, and what each field is called.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderLogsSpec {
    /// Id of the endpoint in this profile's catalogue.
    pub endpoint_id: String,
    /// JSON pointer to the array of rows (default `/data/items`).
    #[serde(default = "default_items")]
    pub items: String,
    /// JSON pointer to the provider's retention in days, if it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub retention_days: Option<String>,
    #[serde(default)]
    pub fields: ProviderLogFields,
}

/// Field names of one provider log row.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProviderLogFields {
    pub at: String,
    pub method: String,
    pub path: String,
    pub status: String,
    pub duration_ms: String,
    pub ip: String,
}

impl Default for ProviderLogFields {
    fn default() -> Self {
        ProviderLogFields {
            at: "timestamp".into(),
            method: "method".into(),
            path: "path".into(),
            status: "status".into(),
            duration_ms: "responseTimeMs".into(),
            ip: "ip".into(),
        }
    }
}

fn default_items() -> String {
    "/data/items".into()
}

impl Profile {
    /// Host names of every environment's base URL, for recognition and guardrails.
    pub fn hosts(&self) -> Vec<String> {
        self.environments
            .values()
            .filter_map(|e| e.base_url.as_deref())
            .filter_map(|u| url::Url::parse(u).ok())
            .filter_map(|u| u.host_str().map(str::to_owned))
            .collect()
    }

    /// Whether `store` matches the profile's store id pattern (true when it has none). Fails
    /// with [`Error::Invalid`] naming the profile when the pattern does not compile (only
    /// possible in a user profile). The pattern is compiled once per profile.
    pub fn store_id_matches(&self, store: &str) -> Result<bool> {
        let Some(pattern) = &self.store_id_pattern else { return Ok(true) };
        match self.store_id_regex.get_or_init(|| regex::Regex::new(pattern).map_err(|e| e.to_string())) {
            Ok(re) => Ok(re.is_match(store)),
            Err(e) => Err(Error::Invalid(format!("profile '{}' has a bad store id pattern: {e}", self.id))),
        }
    }

    /// The default auth mode (first listed).
    pub fn default_auth_mode(&self) -> AuthMode {
        self.auth_modes.first().copied().unwrap_or(AuthMode::Bearer)
    }
}

const BUNDLED: &[(&str, &str)] = &[
    ("pandabase", include_str!("../profiles/pandabase.json")),
    ("pixlpay", include_str!("../profiles/pixlpay.json")),
    ("pacspace", include_str!("../profiles/pacspace.json")),
    ("commerce", include_str!("../profiles/commerce.json")),
    ("shipped", include_str!("../profiles/shipped.json")),
    ("custom", include_str!("../profiles/custom.json")),
];

/// The loaded profiles, bundled first, then the user's (which replace a bundled one of the same id).
#[derive(Debug, Clone)]
pub struct Profiles {
    list: Vec<Profile>,
}

impl Profiles {
    /// Only the bundled profiles. Panics never: the bundled files are checked by tests.
    pub fn bundled() -> Self {
        let list = BUNDLED
            .iter()
            .filter_map(|(_, text)| serde_json::from_str::<Profile>(text).ok())
            .collect();
        Profiles { list }
    }

    /// Bundled profiles plus every `*.json` in `dir` (if it exists). A broken user file is an
    /// error naming the file, so a typo never silently hides a provider.
    pub fn load(dir: Option<&Path>) -> Result<Self> {
        let mut profiles = Self::bundled();
        let Some(dir) = dir.filter(|d| d.is_dir()) else { return Ok(profiles) };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| Error::io("read", dir, &e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io("read", &path, &e))?;
            let profile: Profile = serde_json::from_str(&text).map_err(|e| {
                Error::Invalid(format!("provider profile '{}' is not valid: {e}. Fix or remove the file.", path.display()))
            })?;
            profiles.insert(profile);
        }
        Ok(profiles)
    }

    /// Adds or replaces a profile by id.
    pub fn insert(&mut self, profile: Profile) {
        self.list.retain(|p| p.id != profile.id);
        self.list.push(profile);
    }

    /// The profile with this id.
    pub fn get(&self, id: &str) -> Option<&Profile> {
        self.list.iter().find(|p| p.id == id)
    }

    /// The profile with this id, or an error listing the known ids.
    pub fn require(&self, id: &str) -> Result<&Profile> {
        self.get(id).ok_or_else(|| {
            let ids: Vec<&str> = self.list.iter().map(|p| p.id.as_str()).collect();
            Error::Invalid(format!("unknown provider '{id}'; known providers: {}", ids.join(", ")))
        })
    }

    /// All profiles, bundled first.
    pub fn all(&self) -> &[Profile] {
        &self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_profile_parses_and_its_patterns_compile() {
        for (id, text) in BUNDLED {
            let p: Profile = serde_json::from_str(text).unwrap_or_else(|e| panic!("{id}.json: {e}"));
            assert_eq!(&p.id, id, "file name and id must agree");
            for s in &p.shapes {
                regex::Regex::new(&s.pattern).unwrap_or_else(|e| panic!("{id}: {e}"));
            }
        }
        assert_eq!(Profiles::bundled().all().len(), BUNDLED.len());
    }

    #[test]
    fn a_user_profile_adds_a_provider_without_code() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = BUNDLED[0].1.replace("\"id\": \"pandabase\"", "\"id\": \"acme\"");
        std::fs::write(dir.path().join("acme.json"), text).expect("write");
        let profiles = Profiles::load(Some(dir.path())).expect("load");
        assert!(profiles.get("acme").is_some());
        assert!(profiles.get("pandabase").is_some());
    }

    #[test]
    fn a_broken_user_profile_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("bad.json"), "{ nope").expect("write");
        let err = Profiles::load(Some(dir.path())).expect_err("must fail");
        assert!(err.to_string().contains("bad.json"), "{err}");
    }
}
