//! The Commerce client API as its document describes it: `Authorization: Bearer opt_live_…`,
//! read-only (`GET` only; anything else is 405), `/api/v1/me` and four resources with list and
//! detail routes. Lists paginate with `?page=N&per_page=N` and answer
//! `{"data": [...], "meta": {"current_page", "per_page", "total", "last_page"}}`. A revoked
//! token gets 401 on its next request.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use serde_json::json;

use super::credentials::bearer;
use super::fixtures::{commerce_item, commerce_me, COMMERCE_ITEMS, COMMERCE_RESOURCES};
use super::reply::{ok, Reject};
use super::source::SandboxToken;
use super::state::Sandbox;
use crate::secret::Secret;

const PROVIDER: &str = "commerce";
const HOW: &str = "send `Authorization: Bearer opt_live_…`";
/// Items per page when `per_page` is absent.
pub(crate) const DEFAULT_PER_PAGE: usize = 25;
/// Largest `per_page` honoured; larger values are lowered to it (and `meta.per_page` says so).
pub(crate) const MAX_PER_PAGE: usize = 100;

/// Routes under `/commerce`.
pub(crate) fn router() -> Router<Arc<Sandbox>> {
    Router::new()
        .route("/api/v1/me", any(me))
        .route("/api/v1/{resource}", any(list))
        .route("/api/v1/{resource}/{id}", any(detail))
}

async fn authenticate(sb: &Sandbox, method: &Method, headers: &HeaderMap) -> Result<SandboxToken, Reject> {
    if method != Method::GET {
        return Err(Reject::method_not_allowed("GET"));
    }
    let presented = bearer(headers, HOW)?;
    if !presented.starts_with("opt_") {
        return Err(Reject::unauthorized("Unauthenticated: Commerce API tokens start with opt_live_ (or opt_test_)."));
    }
    let presented = Secret::new(presented);
    let token = sb
        .find(PROVIDER, |t| t.secret == presented)
        .await
        .ok_or_else(|| Reject::unauthorized("Unauthenticated: the token is unknown or was revoked. Create a new token under Client → Profile → API Tokens."))?;
    sb.admit(&token)?;
    Ok(token)
}

fn known(resource: &str) -> Result<(), Reject> {
    if COMMERCE_RESOURCES.contains(&resource) {
        Ok(())
    } else {
        Err(Reject::not_found(format!(
            "No endpoint /api/v1/{resource}. Available: /api/v1/me, {}.",
            COMMERCE_RESOURCES.iter().map(|r| format!("/api/v1/{r}")).collect::<Vec<_>>().join(", ")
        )))
    }
}

fn positive(query: &HashMap<String, String>, name: &str, default: usize) -> Result<usize, Reject> {
    match query.get(name) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| Reject::bad_request(format!("{name} must be a whole number ≥ 1."))),
    }
}

async fn me(State(sb): State<Arc<Sandbox>>, method: Method, headers: HeaderMap) -> Result<Response, Reject> {
    let token = authenticate(&sb, &method, &headers).await?;
    Ok(ok(json!({ "data": commerce_me(&token.record.name) })))
}

async fn list(
    State(sb): State<Arc<Sandbox>>,
    Path(resource): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, Reject> {
    known(&resource)?;
    authenticate(&sb, &method, &headers).await?;
    let page = positive(&query, "page", 1)?;
    let per_page = positive(&query, "per_page", DEFAULT_PER_PAGE)?.min(MAX_PER_PAGE);
    let total = COMMERCE_ITEMS;
    let last_page = total.div_ceil(per_page).max(1);
    let first = (page - 1).saturating_mul(per_page) + 1;
    let data: Vec<_> = (first..first.saturating_add(per_page)).filter_map(|id| commerce_item(&resource, id)).collect();
    Ok(ok(json!({
        "data": data,
        "meta": { "current_page": page, "per_page": per_page, "total": total, "last_page": last_page },
    })))
}

async fn detail(
    State(sb): State<Arc<Sandbox>>,
    Path((resource, id)): Path<(String, String)>,
    method: Method,
    headers: HeaderMap,
) -> Result<Response, Reject> {
    known(&resource)?;
    authenticate(&sb, &method, &headers).await?;
    let singular = resource.trim_end_matches('s');
    let item = id
        .parse::<usize>()
        .ok()
        .and_then(|n| commerce_item(&resource, n))
        .ok_or_else(|| Reject::not_found(format!("No {singular} with id {id}. Ids run from 1 to {COMMERCE_ITEMS}.")))?;
    Ok(ok(json!({ "data": item })))
}
