//! Error answers, one JSON shape for every provider: `{"error": "<code>", "message": "…"}`,
//! the shape Pandabase documents for its 403 (`Missing permissions: PRODUCTS_WRITE`). Messages
//! say what to do and never contain a presented credential.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

/// A refused request.
#[derive(Debug)]
pub(crate) struct Reject {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<u64>,
    allow: Option<&'static str>,
}

impl Reject {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Reject { status, code, message: message.into(), retry_after: None, allow: None }
    }

    pub(crate) fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub(crate) fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    /// 405 with an `Allow` header.
    pub(crate) fn method_not_allowed(allow: &'static str) -> Self {
        let mut r = Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            format!("This endpoint only accepts {allow}."),
        );
        r.allow = Some(allow);
        r
    }

    /// 429 with `Retry-After: seconds`.
    pub(crate) fn rate_limited(limit: u32, retry_after: u64) -> Self {
        let mut r = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!(
                "Rate limit of {limit} requests per minute exceeded. Retry after {retry_after} s and back off exponentially."
            ),
        );
        r.retry_after = Some(retry_after);
        r
    }

    /// `Missing permissions: A, B` (or the provider's own wording via `label`).
    pub(crate) fn missing(label: &str, missing: &[&str]) -> Self {
        Self::forbidden(format!("{label}: {}", missing.join(", ")))
    }

    #[cfg(test)]
    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }
}

impl IntoResponse for Reject {
    fn into_response(self) -> Response {
        let body = Json(serde_json::json!({ "error": self.code, "message": self.message }));
        let mut response = (self.status, body).into_response();
        if let Some(secs) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if let Some(allow) = self.allow {
            response.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
        }
        response
    }
}

/// 200 with a JSON body.
pub(crate) fn ok(value: serde_json::Value) -> Response {
    (StatusCode::OK, Json(value)).into_response()
}

/// 201 with a JSON body.
pub(crate) fn created(value: serde_json::Value) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}
