//! One error type for the core. Every variant has a stable `code` the faces switch on
//! (the UI never matches on message text) and a message that says what went wrong and
//! what to do. No variant ever carries a secret: constructors take names and ids only.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No token has this name or id.
    #[error("no token named '{0}'. Run `tokenbench token list` to see the names.")]
    NotFound(String),
    /// A name that is already taken.
    #[error("a token named '{0}' already exists. Pick another name or edit the existing one.")]
    DuplicateName(String),
    /// Input that fails validation; the message names the field and the fix.
    #[error("{0}")]
    Invalid(String),
    /// The keychain is locked (collection locked or prompt dismissed).
    #[error("the OS keychain is locked. Unlock it (log in to your desktop keyring) and try again; no data was changed.")]
    KeychainLocked,
    /// No keychain service could be reached at all.
    #[error("no OS keychain is available ({0}). On Linux start a Secret Service (gnome-keyring or KeePassXC); metadata is kept and nothing is written elsewhere.")]
    KeychainUnavailable(String),
    /// The keychain has no secret for a token whose metadata exists.
    #[error("the keychain holds no secret for '{0}'. Use 'Replace secret' to store it again.")]
    SecretMissing(String),
    /// Any other keychain failure, reported with the platform's words (never the secret).
    #[error("the OS keychain refused the operation: {0}")]
    Keychain(String),
    /// The metadata file could not be parsed; it was moved aside, not overwritten.
    #[error("the metadata file could not be read ({reason}). It was moved to '{quarantined}' and a new empty inventory started; restore it by fixing the file and running `tokenbench token import` on it.")]
    Corrupt { reason: String, quarantined: String },
    /// A file could not be read or written.
    #[error("could not {action} '{path}': {reason}")]
    Io { action: &'static str, path: String, reason: String },
    /// The token was revoked; it can no longer be used.
    #[error("token '{0}' is revoked; create a new one in the provider's dashboard and add it here.")]
    Revoked(String),
    /// A network failure while sending: what kind (so the request log can count DNS, connect,
    /// TLS and timeout failures apart) and what to do (no URL path or query, no secret).
    #[error("{message}")]
    Network { kind: NetworkKind, message: String },
    /// The request log (SQLite) could not be read or written; the message says what to do.
    /// A send never fails because of it: the answer is shown and the failure reported.
    #[error("{0}")]
    RequestLog(String),
    /// The user must confirm before this goes ahead (guardrails).
    #[error("{0}")]
    NeedsConfirmation(String),
}

/// What kind of transport failure stopped a send before an answer came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NetworkKind {
    /// The host name could not be resolved.
    Dns,
    /// No connection: refused (nothing listening), unreachable, reset while connecting.
    Connect,
    /// The TLS handshake failed (certificate, protocol).
    Tls,
    /// No answer in time (connect timeout or the whole send's timeout).
    Timeout,
    /// Anything else: a broken-off body, too many redirects, a client that could not start.
    Other,
}

/// Shorthand used across the core.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound(_) => "not_found",
            Error::DuplicateName(_) => "duplicate_name",
            Error::Invalid(_) => "invalid",
            Error::KeychainLocked => "keychain_locked",
            Error::KeychainUnavailable(_) => "keychain_unavailable",
            Error::SecretMissing(_) => "secret_missing",
            Error::Keychain(_) => "keychain_error",
            Error::Corrupt { .. } => "corrupt_metadata",
            Error::Io { .. } => "io",
            Error::Revoked(_) => "revoked",
            Error::Network { .. } => "network",
            Error::RequestLog(_) => "request_log",
            Error::NeedsConfirmation(_) => "needs_confirmation",
        }
    }

    /// Builds an [`Error::Network`] of `kind` saying `message`.
    pub fn network(kind: NetworkKind, message: impl Into<String>) -> Self {
        Error::Network { kind, message: message.into() }
    }

    /// Builds an [`Error::Io`] from an `std::io::Error`.
    pub fn io(action: &'static str, path: &std::path::Path, err: &std::io::Error) -> Self {
        Error::Io { action, path: path.display().to_string(), reason: err.to_string() }
    }

    /// The `{code, message}` form sent to the UI and printed by the CLI with `--json`.
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload { code: self.code().to_string(), message: self.to_string() }
    }
}

/// The serialized form of an [`Error`]: the UI switches on `code`, shows `message`.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}
