//! Tokenbench's core: the domain every face (desktop app, CLI) shares. It knows nothing of
//! Tauri or of any UI. Time is always passed in (`now`) so decisions about expiry, rotation
//! and rate limits are testable with a fixed clock. Secrets only ever travel as [`secret::Secret`].

pub mod error;
pub mod hmac_sign;
pub mod profile;
pub mod request;
pub mod secret;
pub mod token;
pub mod vault;

pub use error::{Error, ErrorPayload, Result};
pub use secret::Secret;
