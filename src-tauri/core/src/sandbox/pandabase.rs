//! Pandabase's Store API as its document describes it: Bearer `sk_` secrets or HMAC (`stk_`
//! token id + `X-Signature` over the exact body, keyed by hex(SHA-256(secret)), GET signs the
//! empty string); permissions such as `PRODUCTS_READ`, with 403 listing the missing ones; a
//! token only reaches its own store; `roll-secret` kills the old secret at once; every request
//! is logged for `api-logs`.
//!
//! Sandbox choices the document leaves open: a token may roll its own secret; rolling another
//! token of the store needs `STORE_WRITE`. Lists answer `{"data": {"items": [...]}}` as the
//! document's example reads them.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::middleware;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use super::credentials::{bearer, header};
use super::fixtures::pandabase_products;
use super::keys::new_token_secret;
use super::reply::{created, ok, Reject};
use super::api_logs::{log_store_requests, RETENTION_DAYS};
use super::source::SandboxToken;
use super::state::{missing_scopes, Sandbox};
use crate::hmac_sign;
use crate::secret::Secret;
use crate::token::{AuthMode, TokenKind};

const PROVIDER: &str = "pandabase";
const HOW: &str = "send `Authorization: Bearer sk_…` (Bearer mode) or `Authorization: Bearer stk_…` with `X-Signature` (HMAC mode)";

/// Routes under `/pandabase`.
pub(crate) fn router(sandbox: Arc<Sandbox>) -> Router<Arc<Sandbox>> {
    Router::new()
        .route(
            "/v2/core/stores/{store_id}/products",
            get(list_products).post(create_product).fallback(|| async { Reject::method_not_allowed("GET, POST") }),
        )
        .route("/v2/stores/{store_id}/api-logs", get(api_logs).fallback(|| async { Reject::method_not_allowed("GET") }))
        .route(
            "/v2/stores/{store_id}/tokens/{token_id}/roll-secret",
            post(roll_secret).fallback(|| async { Reject::method_not_allowed("POST") }),
        )
        .layer(middleware::from_fn_with_state(sandbox, log_store_requests))
}

fn is_hmac(t: &SandboxToken) -> bool {
    t.record.auth_mode == AuthMode::Hmac || t.record.kind == TokenKind::HmacToken
}

/// Identifies the caller (Bearer secret or HMAC signature over `body`) and admits it.
async fn authenticate(sandbox: &Sandbox, headers: &HeaderMap, body: &[u8]) -> Result<SandboxToken, Reject> {
    let presented = bearer(headers, HOW)?;
    let token = if presented.starts_with("stk_") {
        let token = sandbox
            .find(PROVIDER, |t| is_hmac(t) && t.record.token_id.as_deref() == Some(presented))
            .await
            .ok_or_else(|| Reject::unauthorized("Unknown token id: no HMAC token has this stk_ id. Check the token id."))?;
        let signature = header(headers, "x-signature").ok_or_else(|| {
            Reject::unauthorized("HMAC mode needs X-Signature: hex(HMAC-SHA256(key = hex(SHA-256(secret)), message = body)); GET and DELETE sign the empty string.")
        })?;
        if !hmac_sign::verify(&token.secret, body, signature) {
            return Err(Reject::unauthorized(
                "X-Signature does not match the request body. Sign the exact body bytes sent, with HMAC-SHA256 keyed by hex(SHA-256(secret)); GET and DELETE sign the empty string.",
            ));
        }
        token
    } else if presented.starts_with("sk_") {
        let presented = Secret::new(presented);
        let token = sandbox.find(PROVIDER, |t| t.secret == presented).await.ok_or_else(|| {
            Reject::unauthorized("Invalid API token: no token has this secret (rolled? deleted? copied with extra characters?).")
        })?;
        if is_hmac(&token) {
            return Err(Reject::unauthorized(
                "This token uses HMAC mode, whose secret must never be sent. Send `Authorization: Bearer stk_…` with `X-Signature`, and roll the secret: it travelled.",
            ));
        }
        token
    } else {
        return Err(Reject::unauthorized(format!("Unrecognized token format: {HOW}.")));
    };
    sandbox.admit(&token)?;
    Ok(token)
}

fn check_store(token: &SandboxToken, store_id: &str) -> Result<(), Reject> {
    match token.record.store_id.as_deref() {
        Some(own) if own == store_id => Ok(()),
        Some(_) => Err(Reject::forbidden(format!("This token belongs to another store; it cannot access store {store_id}."))),
        None => Err(Reject::forbidden("This token is not bound to a store: set its store id (shp_…).")),
    }
}

fn require(token: &SandboxToken, required: &[&str]) -> Result<(), Reject> {
    let missing = missing_scopes(token, required);
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Reject::missing("Missing permissions", &missing))
    }
}

/// Authentication, store and permission checks shared by the store routes.
async fn guard(sandbox: &Sandbox, headers: &HeaderMap, body: &[u8], store: &str, perms: &[&str]) -> Result<SandboxToken, Reject> {
    let token = authenticate(sandbox, headers, body).await?;
    check_store(&token, store)?;
    require(&token, perms)?;
    Ok(token)
}

async fn list_products(State(sb): State<Arc<Sandbox>>, Path(store): Path<String>, headers: HeaderMap) -> Result<Response, Reject> {
    guard(&sb, &headers, b"", &store, &["PRODUCTS_READ"]).await?;
    let mut items = pandabase_products(&store);
    if let Some(made) = sb.products.lock().unwrap_or_else(|p| p.into_inner()).get(&store) {
        items.extend(made.iter().cloned());
    }
    Ok(ok(json!({ "data": { "items": items } })))
}

async fn create_product(
    State(sb): State<Arc<Sandbox>>,
    Path(store): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Reject> {
    guard(&sb, &headers, &body, &store, &["PRODUCTS_WRITE"]).await?;
    const EXAMPLE: &str = r#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#;
    let value: Value = serde_json::from_slice(&body)
        .map_err(|e| Reject::bad_request(format!("The body is not valid JSON ({e}). Send for example {EXAMPLE}.")))?;
    let Value::Object(mut product) = value else {
        return Err(Reject::bad_request(format!("The body must be a JSON object, for example {EXAMPLE}.")));
    };
    if product.get("name").and_then(Value::as_str).is_none_or(|n| n.trim().is_empty()) {
        return Err(Reject::bad_request("name is required: a non-empty string."));
    }
    if product.get("amount").and_then(Value::as_u64).is_none() {
        return Err(Reject::bad_request("amount is required: a whole number of the smallest currency unit, ≥ 0 (2999 = 29.99)."));
    }
    match product.get("type") {
        None => {
            product.insert("type".into(), json!("ONE_TIME"));
        }
        Some(Value::String(_)) => {}
        Some(_) => return Err(Reject::bad_request("type must be a string such as \"ONE_TIME\".")),
    }
    let mut all = sb.products.lock().unwrap_or_else(|p| p.into_inner());
    let list = all.entry(store.clone()).or_default();
    product.insert("id".into(), json!(format!("prd_{store}_{:03}", 101 + list.len())));
    product.insert("createdAt".into(), json!(sb.now().to_rfc3339()));
    let product = Value::Object(product);
    list.push(product.clone());
    Ok(created(json!({ "data": product })))
}

async fn api_logs(
    State(sb): State<Arc<Sandbox>>,
    Path(store): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, Reject> {
    guard(&sb, &headers, b"", &store, &[]).await?;
    let limit = match query.get("limit") {
        None => 100,
        Some(v) => v.parse::<usize>().ok().filter(|n| (1..=1000).contains(n)).ok_or_else(|| {
            Reject::bad_request("limit must be a whole number from 1 to 1000.")
        })?,
    };
    let items = sb.logs.newest_first(&store, sb.now(), limit);
    Ok(ok(json!({ "data": { "items": items, "retentionDays": RETENTION_DAYS } })))
}

async fn roll_secret(
    State(sb): State<Arc<Sandbox>>,
    Path((store, token_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Reject> {
    let caller = guard(&sb, &headers, &body, &store, &[]).await?;
    let target = sb
        .all(PROVIDER)
        .await
        .into_iter()
        .find(|t| {
            t.record.store_id.as_deref() == Some(store.as_str())
                && (t.record.token_id.as_deref() == Some(token_id.as_str()) || t.record.id == token_id)
        })
        .ok_or_else(|| Reject::not_found(format!("No token {token_id} in store {store}.")))?;
    if target.record.id != caller.record.id {
        require(&caller, &["STORE_WRITE"])?;
    }
    if target.record.revoked_at.is_some_and(|at| at <= sb.now()) {
        return Err(Reject::conflict(format!("Token {token_id} is revoked; a revoked token cannot be rolled. Create a new one.")));
    }
    let (secret, _) = new_token_secret(PROVIDER, target.record.kind, target.record.environment)
        .map_err(|e| Reject::bad_request(e.to_string()))?;
    sb.roll(&target.record.id, secret.clone()).await;
    Ok(ok(json!({
        "data": {
            "tokenId": token_id,
            "secret": secret.expose(),
            "message": "Store this secret now: it is shown once. The old secret stopped working.",
        }
    })))
}
