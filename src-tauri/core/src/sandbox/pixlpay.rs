//! Pixlpay's store API as its document describes it: `Authorization: Bearer sk_live_…` or
//! `sk_test_…`; 401 for a missing, badly formatted, expired or revoked token; 403 when the
//! token lacks the endpoint's scope (`products:read`…); 429 past the token's per-minute limit.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use serde_json::json;

use super::credentials::bearer;
use super::fixtures::pixlpay_list;
use super::reply::{ok, Reject};
use super::state::{missing_scopes, Sandbox};
use crate::secret::Secret;

const PROVIDER: &str = "pixlpay";
const HOW: &str = "send `Authorization: Bearer sk_live_…` (or `sk_test_…`)";
const RESOURCES: &[&str] = &["products", "orders", "customers"];

/// Routes under `/pixlpay`.
pub(crate) fn router() -> Router<Arc<Sandbox>> {
    Router::new().route("/v1/store/{resource}", any(list))
}

async fn list(
    State(sb): State<Arc<Sandbox>>,
    Path(resource): Path<String>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, Reject> {
    if !RESOURCES.contains(&resource.as_str()) {
        return Err(Reject::not_found(format!(
            "No endpoint /v1/store/{resource}. The sandbox serves /v1/store/products, /v1/store/orders and /v1/store/customers."
        )));
    }
    if method != Method::GET {
        return Err(Reject::method_not_allowed("GET"));
    }
    let presented = bearer(&headers, HOW)?;
    if !(presented.starts_with("sk_live_") || presented.starts_with("sk_test_")) {
        return Err(Reject::unauthorized(
            "Token format is incorrect: it should start with sk_live_ or sk_test_. Copy the token value shown at creation, not the token ID.",
        ));
    }
    let presented = Secret::new(presented);
    let token = sb.find(PROVIDER, |t| t.secret == presented).await.ok_or_else(|| {
        Reject::unauthorized("Invalid token: no active token has this value (rotated? copied with extra characters?).")
    })?;
    sb.admit(&token)?;
    let scope = format!("{resource}:read");
    let missing = missing_scopes(&token, &[scope.as_str()]);
    if !missing.is_empty() {
        return Err(Reject::missing("Missing scopes", &missing));
    }
    Ok(ok(json!({ "data": pixlpay_list(&resource) })))
}
