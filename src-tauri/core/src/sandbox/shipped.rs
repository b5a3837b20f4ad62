//! Shipped Suite as its document describes it: `Authorization: <key>` with no scheme (a
//! `Bearer ` prefix is refused with a message saying so); secret `sk_` keys work everywhere,
//! publishable `pk_` keys only on the few client-side endpoints in [`PUBLISHABLE_ENDPOINTS`].
//! Any other path answers with an echo, since the document lists no endpoints.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use serde_json::json;

use super::credentials::header;
use super::reply::{ok, Reject};
use super::state::Sandbox;
use crate::secret::Secret;
use crate::token::TokenKind;

const PROVIDER: &str = "shipped";

/// (method, path) pairs a publishable key may call; secret keys may call everything.
pub const PUBLISHABLE_ENDPOINTS: &[(&str, &str)] = &[("GET", "/v1/widgets/config")];

/// Routes under `/shipped`.
pub(crate) fn router() -> Router<Arc<Sandbox>> {
    Router::new().route("/{*path}", any(anything))
}

async fn anything(
    State(sb): State<Arc<Sandbox>>,
    Path(path): Path<String>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, Reject> {
    let path = format!("/{}", path.trim_start_matches('/'));
    let key = header(&headers, "authorization")
        .ok_or_else(|| Reject::unauthorized("Missing API key: send the key itself in Authorization (Authorization: sk_…), no scheme."))?;
    if key.split_once(' ').is_some_and(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer")) {
        return Err(Reject::unauthorized(
            "Shipped expects the raw key in Authorization, without the Bearer scheme: send `Authorization: sk_…`, not `Authorization: Bearer sk_…`.",
        ));
    }
    let key = Secret::new(key);
    let token = sb
        .find(PROVIDER, |t| t.secret == key)
        .await
        .ok_or_else(|| Reject::unauthorized("Invalid API key: it was deleted, rotated or mistyped."))?;
    sb.admit(&token)?;
    let publishable = token.record.kind == TokenKind::PublishableKey || token.secret.expose().starts_with("pk_");
    let public = PUBLISHABLE_ENDPOINTS.iter().any(|(m, p)| *m == method.as_str() && *p == path);
    if publishable && !public {
        return Err(Reject::forbidden(format!(
            "A publishable (pk_) key cannot call {method} {path}; use a secret (sk_) key, from a server only."
        )));
    }
    if path == "/v1/widgets/config" && method == Method::GET {
        return Ok(ok(json!({
            "data": { "widgets": ["shipping-protection", "green-shipping"], "theme": "light", "currency": "USD" }
        })));
    }
    Ok(ok(json!({
        "ok": true,
        "method": method.as_str(),
        "path": path,
        "keyType": if publishable { "publishable" } else { "secret" },
    })))
}
