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
    /// What kind of error this is: the stable code the faces switch on.
    pub fn kind(&self) -> ErrorCode {
        match self {
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::DuplicateName(_) => ErrorCode::DuplicateName,
            Error::Invalid(_) => ErrorCode::Invalid,
            Error::KeychainLocked => ErrorCode::KeychainLocked,
            Error::KeychainUnavailable(_) => ErrorCode::KeychainUnavailable,
            Error::SecretMissing(_) => ErrorCode::SecretMissing,
            Error::Keychain(_) => ErrorCode::KeychainError,
            Error::Corrupt { .. } => ErrorCode::CorruptMetadata,
            Error::Io { .. } => ErrorCode::Io,
            Error::Revoked(_) => ErrorCode::Revoked,
            Error::Network { .. } => ErrorCode::Network,
            Error::RequestLog(_) => ErrorCode::RequestLog,
            Error::NeedsConfirmation(_) => ErrorCode::NeedsConfirmation,
        }
    }

    /// The stable, machine-readable code for this error (`not_found`, `keychain_locked`…).
    pub fn code(&self) -> &'static str {
        self.kind().as_str()
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
        ErrorPayload { code: self.kind(), message: self.to_string() }
    }
}

/// Every code an error can carry. Exported to TypeScript (type and list), so the UI's idea of
/// the codes is generated from this enum, never copied by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    DuplicateName,
    Invalid,
    KeychainLocked,
    KeychainUnavailable,
    SecretMissing,
    KeychainError,
    CorruptMetadata,
    Io,
    Revoked,
    Network,
    RequestLog,
    NeedsConfirmation,
    /// A face's own failure (a background task that stopped), not the core's.
    Internal,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::NotFound,
        ErrorCode::DuplicateName,
        ErrorCode::Invalid,
        ErrorCode::KeychainLocked,
        ErrorCode::KeychainUnavailable,
        ErrorCode::SecretMissing,
        ErrorCode::KeychainError,
        ErrorCode::CorruptMetadata,
        ErrorCode::Io,
        ErrorCode::Revoked,
        ErrorCode::Network,
        ErrorCode::RequestLog,
        ErrorCode::NeedsConfirmation,
        ErrorCode::Internal,
    ];

    /// The code as the wire carries it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::DuplicateName => "duplicate_name",
            ErrorCode::Invalid => "invalid",
            ErrorCode::KeychainLocked => "keychain_locked",
            ErrorCode::KeychainUnavailable => "keychain_unavailable",
            ErrorCode::SecretMissing => "secret_missing",
            ErrorCode::KeychainError => "keychain_error",
            ErrorCode::CorruptMetadata => "corrupt_metadata",
            ErrorCode::Io => "io",
            ErrorCode::Revoked => "revoked",
            ErrorCode::Network => "network",
            ErrorCode::RequestLog => "request_log",
            ErrorCode::NeedsConfirmation => "needs_confirmation",
            ErrorCode::Internal => "internal",
        }
    }
}

/// The serialized form of an [`Error`]: the UI switches on `code`, shows `message`.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_code_once_and_each_serializes_as_its_wire_name() {
        // `as_str` is an exhaustive match, so a new variant cannot compile without a name; this
        // checks that ALL holds each one, and that serde writes the same name the CLI prints.
        let names: std::collections::HashSet<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), ErrorCode::ALL.len(), "no two codes share a name");
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).expect("json"), serde_json::json!(code.as_str()));
        }
        let internal = ErrorPayload { code: ErrorCode::Internal, message: "x".into() };
        assert_eq!(serde_json::to_value(internal).expect("json")["code"], "internal");
    }
}
