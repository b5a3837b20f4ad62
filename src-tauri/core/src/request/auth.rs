//! One signer per auth mode, byte for byte as the providers document them:
//!
//! | mode | headers |
//! |---|---|
//! | bearer | `Authorization: Bearer <secret>` (Pandabase bearer, Pixlpay, Commerce) |
//! | hmac | `Authorization: Bearer <stk_ token id>` + `X-Signature: hex(HMAC-SHA256(hex(SHA-256(secret)), body))` (Pandabase) |
//! | apiKey | `<header>: <full key>`, `X-Api-Key` by default (PacSpace) |
//! | raw | `Authorization: <secret>`, no scheme (Shipped Suite) |
//! | custom | `<header>: <prefix><secret>` |
//! | none | nothing |
//!
//! The signer takes the body as the bytes that will be sent and never re-serializes it: a
//! signature over `{"a": 1}` does not verify `{"a":1}`. Every header value is a [`Secret`];
//! [`AuthHeader::shown`] is what a screen or log may show, masked by the one masking rule
//! (`mask::Masker`) at the level the face asks for (the HMAC signature and the `stk_` token id
//! are not secret and are shown in full).

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::hmac_sign;
use crate::mask::Masker;
use crate::profile::Profile;
use crate::secret::Secret;
use crate::token::{AuthMode, TokenRecord};

/// One authentication header: the real value (for the wire only) and which part of it is secret.
#[derive(Debug, Clone)]
pub struct AuthHeader {
    pub name: String,
    pub value: Secret,
    /// Where the secret starts in `value` (after `Bearer ` or a custom prefix); `None` when the
    /// whole value is public (HMAC's token id and signature).
    secret_from: Option<usize>,
}

/// What the UI is shown of an auth header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShownHeader {
    pub name: String,
    pub value: String,
}

impl AuthHeader {
    fn secret(name: impl Into<String>, prefix: &str, secret: &Secret) -> Self {
        AuthHeader { name: name.into(), value: Secret::new(format!("{prefix}{}", secret.expose())), secret_from: Some(prefix.len()) }
    }

    fn public(name: impl Into<String>, value: String) -> Self {
        AuthHeader { name: name.into(), value: Secret::new(value), secret_from: None }
    }

    /// The value as screens and logs may show it: the public prefix (`Bearer `) as is, the
    /// secret masked by `masker`, public values (token id, signature) in full.
    pub fn display(&self, masker: &Masker<'_>) -> String {
        let value = self.value.expose();
        match self.secret_from {
            None => value.to_owned(),
            Some(at) => format!("{}{}", &value[..at], masker.mask(&value[at..])),
        }
    }

    /// The displayable form (name and masked value).
    pub fn shown(&self, masker: &Masker<'_>) -> ShownHeader {
        ShownHeader { name: self.name.clone(), value: self.display(masker) }
    }
}

/// The auth headers for `record`'s mode, signing `body` (the exact bytes to be sent) in HMAC
/// mode. The apiKey header falls back to `X-Api-Key` when the record names none; use
/// [`auth_headers_for`] to let the profile's header name apply too. Fails with
/// [`Error::Invalid`] if the secret is empty or has a line break, if HMAC mode has no token
/// id (or the token id is the secret), or a custom header name is not a header name.
pub fn auth_headers(record: &TokenRecord, secret: &Secret, body: &[u8]) -> Result<Vec<AuthHeader>> {
    auth_headers_for(record, None, secret, body)
}

/// [`auth_headers`], with the profile's `auth_header` as the apiKey fallback before `X-Api-Key`.
pub fn auth_headers_for(record: &TokenRecord, profile: Option<&Profile>, secret: &Secret, body: &[u8]) -> Result<Vec<AuthHeader>> {
    if record.auth_mode == AuthMode::None {
        return Ok(Vec::new());
    }
    check_secret(record, secret)?;
    let headers = match record.auth_mode {
        AuthMode::None => Vec::new(),
        AuthMode::Bearer => vec![AuthHeader::secret("Authorization", "Bearer ", secret)],
        AuthMode::Hmac => hmac_headers(record, secret, body)?,
        AuthMode::ApiKey => vec![AuthHeader::secret(checked_header_name(record, profile)?, "", secret)],
        AuthMode::Raw => vec![AuthHeader::secret("Authorization", "", secret)],
        AuthMode::Custom => {
            let name = checked_header_name(record, profile)?;
            let prefix = record.auth_prefix.clone().unwrap_or_default();
            if prefix.contains(['\r', '\n']) {
                return Err(Error::Invalid(format!(
                    "the auth prefix of '{}' contains a line break; edit the token and remove it",
                    record.name
                )));
            }
            vec![AuthHeader::secret(name, &prefix, secret)]
        }
    };
    Ok(headers)
}

fn hmac_headers(record: &TokenRecord, secret: &Secret, body: &[u8]) -> Result<Vec<AuthHeader>> {
    let token_id = record.token_id.as_deref().map(str::trim).filter(|t| !t.is_empty()).ok_or_else(|| {
        Error::Invalid(format!(
            "HMAC mode needs the stk_ token ID: edit '{}' and enter its token ID (the secret stays in the keychain)",
            record.name
        ))
    })?;
    // The token id travels in clear text; if it is the secret, HMAC mode would leak it.
    if Secret::new(token_id) == *secret {
        return Err(Error::Invalid(format!(
            "the token ID of '{}' is the same as its secret: enter the public stk_ token ID, not the secret",
            record.name
        )));
    }
    check_header_value(token_id, "token ID", &record.name)?;
    let signature = hmac_sign::signature(secret, body);
    Ok(vec![AuthHeader::public("Authorization", format!("Bearer {token_id}")), AuthHeader::public("X-Signature", signature)])
}

fn check_secret(record: &TokenRecord, secret: &Secret) -> Result<()> {
    if secret.expose().trim().is_empty() {
        return Err(Error::Invalid(format!("the secret of '{}' is empty: use 'Replace secret' to store the token's value", record.name)));
    }
    check_header_value(secret.expose(), "secret", &record.name)
}

/// A CR/LF (or NUL) in a header value would inject headers; never echo the value.
fn check_header_value(value: &str, what: &str, token: &str) -> Result<()> {
    if value.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) {
        return Err(Error::Invalid(format!(
            "the {what} of '{token}' contains a line break (a copy-paste slip?): replace it with the single-line value"
        )));
    }
    Ok(())
}

/// The header an apiKey or custom token is sent in: the record's choice, else (apiKey only)
/// the profile's, else `X-Api-Key` (apiKey) or `Authorization` (every other mode).
pub(crate) fn header_name(record: &TokenRecord, profile: Option<&Profile>) -> String {
    let chosen = record.auth_header.as_deref().map(str::trim).filter(|n| !n.is_empty());
    match record.auth_mode {
        AuthMode::ApiKey => chosen.or(profile.and_then(|p| p.auth_header.as_deref())).unwrap_or("X-Api-Key").to_string(),
        AuthMode::Custom => chosen.unwrap_or("Authorization").to_string(),
        _ => "Authorization".to_string(),
    }
}

fn checked_header_name(record: &TokenRecord, profile: Option<&Profile>) -> Result<String> {
    let name = header_name(record, profile);
    let valid = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if !valid {
        return Err(Error::Invalid(format!("'{name}' is not a valid header name: use letters, digits and dashes, like X-Api-Key")));
    }
    Ok(name)
}
