//! New sandbox credentials of the right shape for each provider, so "create a sandbox token"
//! gives a value that recognition, masking and the sandbox all treat like the real thing.
//! Randomness comes from UUID v4 bytes (the OS random source behind `uuid`), skipping the
//! bits the UUID format fixes.

use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::token::{Environment, TokenKind};

const ALPHANUMERIC: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Providers the sandbox serves, each mounted at `/<id>`.
pub const PROVIDERS: &[&str] = &["pandabase", "pixlpay", "pacspace", "commerce", "shipped"];

/// A fresh secret (and, for a Pandabase HMAC token, its public `stk_` token id) for
/// `profile_id`:
/// - pandabase: `sk_{live|test}_` + 40 letters/digits; `HmacToken` also gets `stk_` + 24.
/// - pixlpay: `sk_{live|test}_` + 40.
/// - pacspace: `pk_{live|test}_<16>.<32>` (public id and secret joined by a dot).
/// - commerce: `opt_{live|test}_` + 48.
/// - shipped: `sk_{production|test}_` + 64 hex, or `pk_…` for a `PublishableKey`.
///
/// Fails with [`Error::Invalid`] for a provider the sandbox does not serve.
pub fn new_token_secret(profile_id: &str, kind: TokenKind, env: Environment) -> Result<(Secret, Option<String>)> {
    let env_word = match env {
        Environment::Live => "live",
        Environment::Test => "test",
    };
    let made = match profile_id {
        "pandabase" => {
            let token_id = (kind == TokenKind::HmacToken).then(|| format!("stk_{}", alphanumeric(24)));
            (format!("sk_{env_word}_{}", alphanumeric(40)), token_id)
        }
        "pixlpay" => (format!("sk_{env_word}_{}", alphanumeric(40)), None),
        "pacspace" => (format!("pk_{env_word}_{}.{}", alphanumeric(16), alphanumeric(32)), None),
        "commerce" => (format!("opt_{env_word}_{}", alphanumeric(48)), None),
        "shipped" => {
            let prefix = if kind == TokenKind::PublishableKey { "pk" } else { "sk" };
            let shipped_env = if env == Environment::Live { "production" } else { "test" };
            (format!("{prefix}_{shipped_env}_{}", hex::encode(random_bytes(32))), None)
        }
        other => {
            return Err(Error::Invalid(format!(
                "the sandbox does not serve provider '{other}'; it serves {}.",
                PROVIDERS.join(", ")
            )))
        }
    };
    Ok((Secret::new(made.0), made.1))
}

/// `n` random bytes from UUID v4s, leaving out bytes 6 and 8 (version and variant bits).
pub(crate) fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 14);
    while out.len() < n {
        let bytes = uuid::Uuid::new_v4().into_bytes();
        out.extend(bytes.iter().enumerate().filter(|(i, _)| *i != 6 && *i != 8).map(|(_, b)| *b));
    }
    out.truncate(n);
    out
}

/// `n` characters from [A-Za-z0-9], unbiased (bytes ≥ 248 are rejected).
fn alphanumeric(n: usize) -> String {
    let mut out = String::with_capacity(n);
    while out.len() < n {
        for b in random_bytes(n) {
            if b < 248 && out.len() < n {
                out.push(char::from(ALPHANUMERIC[usize::from(b) % ALPHANUMERIC.len()]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profiles;
    use regex::Regex;

    /// Each generated value must match its provider's own shape (from the profile data), so
    /// recognition classifies a sandbox token exactly like a real one.
    #[test]
    fn every_generated_value_matches_its_profile_shape() {
        let profiles = Profiles::bundled();
        let cases = [
            ("pandabase", TokenKind::SecretKey, "secret"),
            ("pandabase", TokenKind::HmacToken, "secret"),
            ("pixlpay", TokenKind::SecretKey, "secret"),
            ("pacspace", TokenKind::SecretKey, "secret"),
            ("commerce", TokenKind::SecretKey, "secret"),
            ("shipped", TokenKind::SecretKey, "secret"),
            ("shipped", TokenKind::PublishableKey, "publishable"),
        ];
        for env in [Environment::Live, Environment::Test] {
            for (provider, kind, role) in cases {
                let (secret, token_id) = new_token_secret(provider, kind, env).expect("served provider");
                let profile = profiles.require(provider).expect("bundled profile");
                let fits = |value: &str, role: &str| {
                    profile.shapes.iter().any(|s| {
                        serde_json::to_value(s.role).ok().and_then(|v| v.as_str().map(str::to_owned)).as_deref() == Some(role)
                            && Regex::new(&s.pattern).is_ok_and(|r| r.is_match(value))
                    })
                };
                assert!(fits(secret.expose(), role), "{provider} {kind:?} {env:?}: generated value fits no {role} shape");
                match (kind, token_id) {
                    (TokenKind::HmacToken, Some(id)) => assert!(fits(&id, "tokenId"), "{id} is not a stk_ token id"),
                    (TokenKind::HmacToken, None) => panic!("an HMAC token needs a token id"),
                    (_, id) => assert!(id.is_none(), "only HMAC tokens get a token id"),
                }
                let env_word = if env == Environment::Live { "_live_" } else { "_test_" };
                if provider != "shipped" {
                    assert!(secret.expose().contains(env_word), "{provider}: environment missing from the value");
                }
            }
        }
    }

    #[test]
    fn values_are_random_not_repeated() {
        let a = new_token_secret("pixlpay", TokenKind::SecretKey, Environment::Test).expect("served");
        let b = new_token_secret("pixlpay", TokenKind::SecretKey, Environment::Test).expect("served");
        assert_ne!(a.0, b.0, "two new secrets must differ");
    }

    #[test]
    fn an_unserved_provider_is_refused_with_the_list() {
        let err = new_token_secret("custom", TokenKind::SecretKey, Environment::Test).expect_err("custom is not served");
        assert!(err.to_string().contains("pandabase, pixlpay"), "{err}");
    }
}
