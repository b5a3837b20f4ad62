//! Which parts of a pasted cURL command are credentials, and how to report them: the value
//! never goes into the draft, and the report shows it masked (or by the `$VARIABLE` it came
//! from), with the auth mode a vault token for the request should use. A `Bearer stk_…`
//! token id is public and kept in full so the matching vault token can be found.

use serde::Serialize;
use ts_rs::TS;

use crate::mask::{mask, MaskLevel};
use crate::profile::Profiles;
use crate::token::AuthMode;

/// A credential found in the pasted command and left out of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FoundCredential {
    /// Where it was: `header Authorization`, `query api_key`, `-u`, `cookie`.
    pub location: String,
    /// The value masked (or the `$VARIABLE` it came from).
    pub masked: String,
    /// The auth mode a vault token for this request should use.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_mode: Option<AuthMode>,
    /// A public `stk_…` token id sent as the bearer (HMAC mode), in full: it is not secret.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_id: Option<String>,
}

const SENSITIVE_HEADERS: &[&str] =
    &["authorization", "proxy-authorization", "x-api-key", "api-key", "x-signature", "cookie", "x-auth-token", "x-access-token"];
/// Endings of the vendor-specific key headers (`X-Auth-Key`, `X-Vault-Token`, `DD-API-KEY`,
/// `PRIVATE-TOKEN`, `X-Shopify-Access-Token`, `apikey`), taken out like the listed ones.
const SENSITIVE_HEADER_ENDINGS: &[&str] = &["key", "token", "secret", "password", "signature"];
/// Headers with a sensitive ending that carry no secret.
const NOT_SENSITIVE: &[&str] = &["idempotency-key", "x-idempotency-key", "x-csrf-token", "x-xsrf-token"];
const SENSITIVE_QUERY: &[&str] = &["api_key", "apikey", "access_token", "token", "key", "secret", "client_secret", "appid", "auth_token"];

/// True for a header that carries a credential.
fn sensitive_header(lower: &str) -> bool {
    SENSITIVE_HEADERS.contains(&lower)
        || (SENSITIVE_HEADER_ENDINGS.iter().any(|e| lower.ends_with(e)) && !NOT_SENSITIVE.contains(&lower))
}

/// The credential in header `name: value`, or `None` for an ordinary header. `from_var` is
/// the `$VARIABLE` the whole value came from, if it did.
pub(super) fn header_credential(name: &str, value: &str, from_var: Option<String>) -> Option<FoundCredential> {
    let lower = name.to_ascii_lowercase();
    if !sensitive_header(&lower) {
        return None;
    }
    let from_var = from_var.or_else(|| value.split_whitespace().last().filter(|v| v.starts_with('$')).map(str::to_owned));
    let mut token_id = None;
    let mode = match lower.as_str() {
        "authorization" => {
            let mut words = value.split_whitespace();
            match (words.next(), words.next()) {
                (Some(scheme), Some(v)) if scheme.eq_ignore_ascii_case("bearer") => {
                    if v.starts_with("stk_") {
                        token_id = Some(v.to_string());
                        Some(AuthMode::Hmac)
                    } else {
                        Some(AuthMode::Bearer)
                    }
                }
                (Some(_), Some(_)) => Some(AuthMode::Custom),
                (Some(_), None) => Some(AuthMode::Raw),
                _ => None,
            }
        }
        "x-signature" => Some(AuthMode::Hmac),
        "cookie" | "proxy-authorization" => None,
        _ => Some(AuthMode::ApiKey),
    };
    let masked = match &token_id {
        Some(id) => format!("Bearer {id}"),
        None if lower == "x-signature" => "(signature, computed per request)".to_string(),
        None => display(value, from_var),
    };
    Some(FoundCredential { location: format!("header {name}"), masked, suggested_mode: mode, token_id })
}

/// The credential in query parameter `name=value` (`api_key`, `access_token`…), if it is one.
pub(super) fn query_credential(name: &str, value: &str) -> Option<FoundCredential> {
    if !SENSITIVE_QUERY.contains(&name.to_ascii_lowercase().as_str()) {
        return None;
    }
    let from_var = value.starts_with('$').then(|| value.to_string());
    Some(credential(&format!("query {name}"), &display(value, from_var), Some(AuthMode::ApiKey)))
}

/// A found credential with no token id.
pub(super) fn credential(location: &str, masked: &str, mode: Option<AuthMode>) -> FoundCredential {
    FoundCredential { location: location.into(), masked: masked.into(), suggested_mode: mode, token_id: None }
}

/// `$VAR` when the value came from a variable, else the masked value (its last word, so
/// `Bearer sk_…` shows as `sk_live_••••wxyz`), by the one masking rule over the bundled shapes.
pub(super) fn display(value: &str, from_var: Option<String>) -> String {
    from_var.unwrap_or_else(|| mask(value.split_whitespace().last().unwrap_or(""), &Profiles::bundled(), MaskLevel::Normal))
}
