//! Tokenbench's core: the domain every face (desktop app, CLI) shares. It knows nothing of
//! Tauri or of any UI. Time is always passed in (`now`) so decisions about expiry, rotation
//! and rate limits are testable with a fixed clock. Secrets only ever travel as [`secret::Secret`].

pub mod app_info;
pub mod bindings;
pub mod clock;
pub mod error;
pub mod fingerprint;
pub mod hmac_sign;
pub mod intake;
pub mod inventory;
pub mod keychain;
pub mod mask;
pub mod metadata;
pub mod paths;
pub mod presentation;
pub mod profile;
pub mod proposals;
pub mod provider_logs;
pub mod query;
pub mod recognize;
pub mod redact;
pub mod request;
pub mod request_log;
pub mod sandbox;
pub mod scan;
pub mod secret;
pub mod settings;
pub mod shape;
pub mod send;
pub mod skip;
pub mod status;
pub mod tester;
pub mod token;
pub mod token_input;
pub mod transfer;
pub mod vault;

pub use error::{Error, ErrorCode, ErrorPayload, NetworkKind, Result};
pub use secret::Secret;
