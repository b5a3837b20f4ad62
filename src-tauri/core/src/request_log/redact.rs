//! What of a URL may be logged. The path is kept (a secret-shaped segment becomes `•••`), and
//! so is the query, except the values of parameters whose name looks like a credential
//! (`key`, `api_key`, `token`, `access_token`, `secret`, `signature`, `password`, `auth…`) and
//! any value recognized as a secret by the providers' token shapes: those become `•••`
//! (`api_key=•••`). Headers and bodies never reach the log at all.

use crate::profile::{Profiles, ValueRole};
use crate::recognize::ShapeMatcher;

/// What replaces a removed value.
pub const REMOVED: &str = "•••";

/// Parameter names (compared case-insensitively, `-` read as `_`) whose values are removed.
const SECRET_NAMES: &[&str] = &[
    "key",
    "apikey",
    "api_key",
    "token",
    "access_token",
    "refresh_token",
    "id_token",
    "secret",
    "client_secret",
    "signature",
    "sig",
    "password",
    "passwd",
    "pwd",
    "session",
    "sessionid",
    "private_key",
    "x_api_key",
];

/// Whether a query parameter's name says it carries a credential: one of the names above, a
/// name starting with `auth`, or one ending in `_key`, `_token`, `_secret` or `_signature`.
pub fn is_secret_name(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase().replace('-', "_");
    SECRET_NAMES.contains(&n.as_str())
        || n.starts_with("auth")
        || ["_key", "_token", "_secret", "_signature", "_password"].iter().any(|s| n.ends_with(s))
}

/// Recognizes secret-shaped values; the profiles' patterns are compiled once, on first use.
pub struct SecretSpotter<'a> {
    profiles: &'a Profiles,
    matcher: Option<ShapeMatcher<'a>>,
}

impl<'a> SecretSpotter<'a> {
    /// A spotter over `profiles`' token shapes.
    pub fn new(profiles: &'a Profiles) -> Self {
        SecretSpotter { profiles, matcher: None }
    }

    /// Whether `value` (or a word in it) is recognized as a secret. Values shorter than 12
    /// characters are never secrets here (no provider issues keys that short).
    pub fn is_secret(&mut self, value: &str) -> bool {
        let words: Vec<&str> = value
            .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .map(|w| w.trim_matches('.'))
            .filter(|w| w.len() >= 12)
            .collect();
        if words.is_empty() {
            return false;
        }
        let profiles = self.profiles;
        let matcher = self.matcher.get_or_insert_with(|| ShapeMatcher::new(profiles));
        words
            .iter()
            .any(|w| matcher.recognize(w, None).candidates.iter().any(|c| c.role == ValueRole::Secret))
    }
}

/// The query string (without `?`) as it may be logged: pairs in order, secret values removed.
/// Returns `""` for no query.
pub fn redact_query(query: Option<&str>, spotter: &mut SecretSpotter<'_>) -> String {
    let Some(query) = query.filter(|q| !q.is_empty()) else { return String::new() };
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if is_secret_name(&name) || spotter.is_secret(&value) {
            out.append_pair(&name, REMOVED);
        } else {
            out.append_pair(&name, &value);
        }
    }
    // The mark reads better unescaped, and it cannot be confused with a real value.
    out.finish().replace("%E2%80%A2%E2%80%A2%E2%80%A2", REMOVED)
}

/// `path` with every secret-shaped segment replaced by [`REMOVED`].
pub fn redact_path(path: &str, spotter: &mut SecretSpotter<'_>) -> String {
    if !path.split('/').any(|s| s.len() >= 12) {
        return path.to_owned();
    }
    path.split('/')
        .map(|segment| {
            let decoded = percent_decode(segment);
            if spotter.is_secret(&decoded) { REMOVED.to_owned() } else { segment.to_owned() }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(q: &str) -> String {
        let profiles = Profiles::bundled();
        redact_query(Some(q), &mut SecretSpotter::new(&profiles))
    }

    #[test]
    fn credential_named_parameters_lose_their_values_and_keep_their_names() {
        for name in ["key", "api_key", "API-KEY", "apikey", "token", "access_token", "secret", "client_secret", "signature", "password", "auth", "authorization", "auth_token", "shop_key"] {
            let got = query(&format!("page=2&{name}=hunter2hunter2&per_page=50"));
            assert!(!got.contains("hunter2"), "{name}'s value must be removed: {got}");
            assert!(got.contains(&format!("{}=•••", url::form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>())), "{name} keeps its name: {got}");
            assert!(got.starts_with("page=2&") && got.ends_with("&per_page=50"), "other pairs stay, in order: {got}");
        }
    }

    #[test]
    fn a_secret_shaped_value_is_removed_whatever_its_parameter_is_called() {
        let got = query("q=sk_live_AbCdEfGhIjKlMnOpQrSt&limit=5");
        assert_eq!(got, "q=•••&limit=5");
        let got = query("filter=pk_live_pub123.AbCdEfGhIjKlMnOpQr");
        assert_eq!(got, "filter=•••", "PacSpace keys are recognized by shape too");
    }

    #[test]
    fn ordinary_parameters_and_public_ids_are_kept() {
        assert_eq!(query("page=2&per_page=50&storeId=shp_acme_main_0001"), "page=2&per_page=50&storeId=shp_acme_main_0001");
        assert_eq!(query("tokenId=stk_9fQ2hd81abcdefgh"), "tokenId=stk_9fQ2hd81abcdefgh", "a public stk_ id is not a secret");
        assert_eq!(redact_query(None, &mut SecretSpotter::new(&Profiles::bundled())), "");
    }

    #[test]
    fn a_secret_in_the_path_is_removed_and_the_rest_of_the_path_kept() {
        let profiles = Profiles::bundled();
        let mut spotter = SecretSpotter::new(&profiles);
        assert_eq!(redact_path("/v1/keys/sk_live_AbCdEfGhIjKlMnOpQrSt/usage", &mut spotter), "/v1/keys/•••/usage");
        assert_eq!(redact_path("/v2/core/stores/shp_acme_main/products", &mut spotter), "/v2/core/stores/shp_acme_main/products");
    }
}
