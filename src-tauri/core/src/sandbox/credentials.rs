//! Reading credentials off a request, the same way for every provider: a header's text, and
//! the token after an `Authorization: Bearer` scheme. Nothing here ever echoes the value.

use axum::http::HeaderMap;

use super::reply::Reject;

/// The text of header `name`; `None` when absent or not visible ASCII.
pub(crate) fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty())
}

/// The token after `Authorization: Bearer `. `how` finishes the sentences ("send
/// `Authorization: Bearer sk_live_…`") so each provider's 401 says what it expects.
pub(crate) fn bearer<'a>(headers: &'a HeaderMap, how: &str) -> Result<&'a str, Reject> {
    let value = header(headers, "authorization")
        .ok_or_else(|| Reject::unauthorized(format!("The token is missing from the request: {how}.")))?;
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => Ok(token.trim()),
        _ => Err(Reject::unauthorized(format!("Authorization must use the Bearer scheme: {how}."))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn bearer_needs_the_scheme_and_a_token() {
        let mut h = HeaderMap::new();
        assert_eq!(bearer(&h, "x").expect_err("missing").status(), 401);
        h.insert("authorization", HeaderValue::from_static("sk_live_abc"));
        assert_eq!(bearer(&h, "x").expect_err("no scheme").status(), 401);
        h.insert("authorization", HeaderValue::from_static("bearer sk_live_abc"));
        assert_eq!(bearer(&h, "x").expect("scheme is case-insensitive"), "sk_live_abc");
    }
}
