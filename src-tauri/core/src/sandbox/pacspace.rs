//! PacSpace's Balance API as its document describes it: `X-Api-Key: pk_{environment}_{publicId}.{secret}`
//! (the full key, public id and secret joined by a dot) on `/api/v1/*`; 401 for a missing or
//! invalid key; 429 past the key's rate limit. Rotation without downtime needs nothing here:
//! both keys are separate tokens and stay valid until one is revoked.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use serde_json::json;

use super::credentials::header;
use super::fixtures::pacspace_balance;
use super::reply::{ok, Reject};
use super::state::Sandbox;
use crate::secret::Secret;
use crate::token::Environment;

const PROVIDER: &str = "pacspace";

/// Routes under `/pacspace`.
pub(crate) fn router() -> Router<Arc<Sandbox>> {
    Router::new().route("/api/v1/balance/derive/{customer_id}", any(derive))
}

/// `pk_live_PUBLIC.SECRET` or `pk_test_PUBLIC.SECRET`, both parts non-empty.
fn well_formed(key: &str) -> bool {
    let rest = key.strip_prefix("pk_live_").or_else(|| key.strip_prefix("pk_test_"));
    rest.and_then(|r| r.split_once('.')).is_some_and(|(public, secret)| {
        let ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        ok(public) && ok(secret)
    })
}

async fn derive(
    State(sb): State<Arc<Sandbox>>,
    Path(customer_id): Path<String>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, Reject> {
    if method != Method::GET {
        return Err(Reject::method_not_allowed("GET"));
    }
    let key = header(&headers, "x-api-key")
        .ok_or_else(|| Reject::unauthorized("Missing API key: send the full key in X-Api-Key: pk_{environment}_{publicId}.{secret}."))?;
    if !well_formed(key) {
        return Err(Reject::unauthorized(
            "Invalid API key format: expected pk_{environment}_{publicId}.{secret}, the public id and the secret joined by a dot.",
        ));
    }
    let key = Secret::new(key);
    let token = sb
        .find(PROVIDER, |t| t.secret == key)
        .await
        .ok_or_else(|| Reject::unauthorized("Invalid API key: no key matches (revoked? only the public id sent?)."))?;
    sb.admit(&token)?;
    let environment = match token.record.environment {
        Environment::Live => "live",
        Environment::Test => "test",
    };
    Ok(ok(json!({
        "success": true,
        "data": {
            "customerId": customer_id,
            "balance": pacspace_balance(&customer_id),
            "currency": "USD",
            "environment": environment,
            "derivedAt": sb.now().to_rfc3339(),
        }
    })))
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn only_the_documented_key_form_is_well_formed() {
        assert!(well_formed("pk_live_PUBLIC.SECRET"));
        assert!(well_formed("pk_test_ab-1.c_d"));
        assert!(!well_formed("pk_live_PUBLIC"), "the secret half is required");
        assert!(!well_formed("pk_live_.SECRET"), "the public id is required");
        assert!(!well_formed("sk_live_PUBLIC.SECRET"));
        assert!(!well_formed("pk_prod_PUBLIC.SECRET"), "only live and test environments exist");
    }
}
