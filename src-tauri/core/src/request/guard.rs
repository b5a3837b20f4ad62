//! Guardrails before a request leaves: a live token going to a host its provider does not
//! use, or a live token about to change data, must be confirmed first; a provider that only
//! speaks HTTPS never gets plain HTTP to another machine. Plain HTTP to a loopback host is
//! always allowed, however the URL was given (the token's base URL, `--base-url`, a full URL):
//! it never leaves the machine, and it is how the sandbox and local servers are tested. The
//! checks are pure so the app, the CLI and the tests all ask the same questions.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use url::Url;

use crate::error::{Error, Result};
use crate::profile::Profile;
use crate::token::{Environment, TokenRecord};

/// Which question needs a yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ConfirmationKind {
    /// The live token would go to a host outside its provider's hosts and its own base URL.
    ForeignHost,
    /// POST/PUT/PATCH/DELETE with a live token.
    Write,
}

/// A question to ask before sending, with the words to ask it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Confirmation {
    pub kind: ConfirmationKind,
    pub message: String,
}

/// The confirmations sending `method url` with `record` needs (none for test tokens). A
/// URL that does not parse counts as a foreign host. Each question can be switched off on
/// the token (`confirm_foreign_host`, `confirm_writes`).
pub fn confirmations(record: &TokenRecord, profile: &Profile, method: &str, url: &str) -> Vec<Confirmation> {
    let mut out = Vec::new();
    if record.environment != Environment::Live {
        return out;
    }
    if record.confirm_foreign_host {
        let host = Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase));
        let mut known: Vec<String> = profile.hosts().into_iter().map(|h| h.to_ascii_lowercase()).collect();
        if let Some(own) =
            record.base_url.as_deref().and_then(|b| Url::parse(b.trim()).ok()).and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        {
            known.push(own);
        }
        let trusted = host.as_ref().is_some_and(|h| known.contains(h));
        if !trusted {
            let shown = host.unwrap_or_else(|| "an unparsable URL".to_string());
            let expected = if known.is_empty() {
                format!("{} has no known host and the token has no base URL", profile.name)
            } else {
                format!("{} uses {}", profile.name, known.join(", "))
            };
            out.push(Confirmation {
                kind: ConfirmationKind::ForeignHost,
                message: format!(
                    "The live token '{}' would be sent to {shown}, but {expected}. Send it there anyway? (Check the host is yours; set the token's base URL to stop this question.)",
                    record.name
                ),
            });
        }
    }
    let method = method.trim().to_ascii_uppercase();
    if record.confirm_writes && matches!(method.as_str(), "POST" | "PUT" | "PATCH" | "DELETE") {
        out.push(Confirmation {
            kind: ConfirmationKind::Write,
            message: format!("{method} with the live token '{}' may change real data in {}. Send it?", record.name, profile.name),
        });
    }
    out
}

/// Ok when every confirmation's kind is in `confirmed`; otherwise
/// [`Error::NeedsConfirmation`] carrying the first unanswered question.
pub fn require_confirmed(confirmations: &[Confirmation], confirmed: &[ConfirmationKind]) -> Result<()> {
    match confirmations.iter().find(|c| !confirmed.contains(&c.kind)) {
        Some(c) => Err(Error::NeedsConfirmation(c.message.clone())),
        None => Ok(()),
    }
}

/// Refuses URLs the provider would reject or that would expose the token: anything but
/// http(s), and `http://` to another machine when `profile.requires_https`. A loopback host
/// (`localhost`, `127.0.0.0/8`, `::1`) may always use `http://`. The refusal says how to test
/// against a local server instead.
pub fn https_required(profile: &Profile, url: &str) -> Result<()> {
    let parsed = Url::parse(url)
        .map_err(|e| Error::Invalid(format!("the request URL is not valid ({e}); write it like https://api.example.com/path")))?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if !profile.requires_https || is_loopback(&parsed) => Ok(()),
        "http" => Err(Error::Invalid(format!(
            "{} only accepts HTTPS: plain http:// would expose the token on the network. Use https://{}; to test against a local server, use http://127.0.0.1:PORT or http://localhost:PORT (plain HTTP to this machine is allowed).",
            profile.name,
            parsed.host_str().unwrap_or("the-host")
        ))),
        other => Err(Error::Invalid(format!("'{other}:' URLs cannot be sent: use https://"))),
    }
}

/// `localhost`, `127.0.0.0/8` or `::1`; a lookalike domain is not.
pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::test_support::{pandabase_hmac, profile, record};
    use crate::token::AuthMode;

    fn kinds(c: &[Confirmation]) -> Vec<ConfirmationKind> {
        c.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn a_live_token_to_its_own_providers_host_needs_no_confirmation_for_a_get() {
        let c =
            confirmations(&pandabase_hmac(), &profile("pandabase"), "GET", "https://api.pandabase.io/v2/core/stores/shp_abc123/products");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_live_token_to_a_lookalike_host_asks_first() {
        let p = profile("pandabase");
        for url in ["https://api.pandabase.io.evil.example/v2", "https://evil.example/api.pandabase.io", "not a url"] {
            let c = confirmations(&pandabase_hmac(), &p, "GET", url);
            assert_eq!(kinds(&c), vec![ConfirmationKind::ForeignHost], "{url} is not Pandabase's host");
        }
        let c = confirmations(&pandabase_hmac(), &p, "GET", "https://API.Pandabase.IO/v2");
        assert!(c.is_empty(), "host names compare case-insensitively");
    }

    #[test]
    fn the_tokens_own_base_url_host_is_trusted_and_the_check_can_be_switched_off() {
        let mut rec = record("commerce", AuthMode::Bearer);
        let p = profile("commerce");
        assert_eq!(
            kinds(&confirmations(&rec, &p, "GET", "https://billing.host.example/api/v1/me")),
            vec![ConfirmationKind::ForeignHost],
            "Commerce has no fixed host"
        );
        rec.base_url = Some("https://billing.host.example".into());
        assert!(confirmations(&rec, &p, "GET", "https://billing.host.example/api/v1/me").is_empty(), "its own base URL host is trusted");
        rec.base_url = None;
        rec.confirm_foreign_host = false;
        assert!(confirmations(&rec, &p, "GET", "https://elsewhere.example/").is_empty(), "the user switched the question off");
    }

    #[test]
    fn live_writes_ask_first_unless_switched_off_and_test_tokens_never_ask() {
        let p = profile("pandabase");
        let url = "https://api.pandabase.io/v2/core/stores/shp_abc123/products";
        for m in ["POST", "put", "Patch", "DELETE"] {
            assert_eq!(kinds(&confirmations(&pandabase_hmac(), &p, m, url)), vec![ConfirmationKind::Write], "{m} writes");
        }
        assert!(confirmations(&pandabase_hmac(), &p, "HEAD", url).is_empty());
        let mut rec = pandabase_hmac();
        rec.confirm_writes = false;
        assert!(confirmations(&rec, &p, "POST", url).is_empty());
        let mut test = pandabase_hmac();
        test.environment = Environment::Test;
        assert!(confirmations(&test, &p, "DELETE", "https://evil.example/").is_empty(), "test tokens are for trying things");
    }

    #[test]
    fn both_questions_can_apply_and_each_must_be_answered() {
        let c = confirmations(&pandabase_hmac(), &profile("pandabase"), "POST", "https://evil.example/");
        assert_eq!(kinds(&c), vec![ConfirmationKind::ForeignHost, ConfirmationKind::Write]);
        let err = require_confirmed(&c, &[ConfirmationKind::Write]).expect_err("host not confirmed");
        assert_eq!(err.code(), "needs_confirmation");
        assert!(err.to_string().contains("evil.example"), "{err}");
        assert!(require_confirmed(&c, &[ConfirmationKind::Write, ConfirmationKind::ForeignHost]).is_ok());
    }

    #[test]
    fn https_only_providers_refuse_plain_http_to_another_machine_and_say_how_to_test_locally() {
        let p = profile("commerce");
        assert!(https_required(&p, "https://host.example/api/v1/me").is_ok());
        let err = https_required(&p, "http://host.example/api/v1/me").expect_err("remote http exposes the token");
        let message = err.to_string();
        assert!(message.contains("HTTPS") && message.contains("https://host.example"), "{message}");
        assert!(message.contains("http://127.0.0.1:PORT"), "the refusal must say how to test locally: {message}");
        assert!(https_required(&p, "http://127.0.0.1.evil.example/").is_err(), "a lookalike is not loopback");
        assert!(https_required(&p, "http://localhost.evil.example/").is_err(), "a lookalike is not loopback");
        assert!(https_required(&profile("custom"), "http://intranet.example/").is_ok(), "custom profiles may use http");
        assert!(https_required(&profile("custom"), "file:///etc/passwd").is_err());
    }

    #[test]
    fn plain_http_to_loopback_is_allowed_for_every_profile_because_it_never_leaves_the_machine() {
        for provider in ["commerce", "pandabase", "pixlpay", "pacspace", "shipped"] {
            let p = profile(provider);
            for url in ["http://127.0.0.1:8080/x", "http://127.8.9.10/x", "http://localhost:1/x", "http://LOCALHOST/x", "http://[::1]:9/x"] {
                assert!(https_required(&p, url).is_ok(), "{provider}: {url} is this machine");
            }
        }
    }
}
