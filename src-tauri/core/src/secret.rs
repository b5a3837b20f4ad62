//! The one type a secret lives in. It cannot be printed (`Debug` says `<redacted>`), has no
//! `Display`, cannot be serialized (no `Serialize` impl), and is wiped from memory on drop.
//! The only way to the bytes is [`Secret::expose`], which is easy to grep for.

use secrecy::{ExposeSecret, SecretString};

/// A token secret in memory.
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    /// Wraps a value. The caller should drop its own copy.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(SecretString::from(value.into()))
    }

    /// The secret's text. Every call site is a place a secret leaves this type: keep them few.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// Length in characters, for validation messages that must not show the value.
    pub fn char_len(&self) -> usize {
        self.expose().chars().count()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl PartialEq for Secret {
    /// Constant-time comparison, so tests and verifiers do not leak by timing.
    fn eq(&self, other: &Self) -> bool {
        use subtle::ConstantTimeEq;
        self.expose().as_bytes().ct_eq(other.expose().as_bytes()).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_contains_the_secret() {
        let s = Secret::new("sk_live_supersecretvalue1234");
        let shown = format!("{s:?} {:?}", vec![s.clone()]);
        assert!(!shown.contains("supersecret"), "Debug leaked the secret: {shown}");
        assert!(shown.contains("redacted"));
    }
}
