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

/// A control character found in a value that should be a token: where, and which. Describing
/// it reveals nothing of the value (no token contains one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControlChar {
    /// 1-based position in characters.
    pub position: usize,
    pub ch: char,
}

impl ControlChar {
    /// The first control character of `value` other than a line break (line breaks have their
    /// own message): NUL, tab, escape, DEL, the C1 range. No token contains one, and an HTTP
    /// header cannot carry most of them.
    pub fn find(value: &str) -> Option<ControlChar> {
        value
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r'))
            .map(|(i, ch)| ControlChar { position: i + 1, ch })
    }

    /// `U+0000 (NUL) at character 9`, for messages.
    pub fn describe(&self) -> String {
        let name = match self.ch {
            '\0' => " (NUL)",
            '\t' => " (tab)",
            '\u{1b}' => " (escape)",
            '\u{7f}' => " (DEL)",
            _ => "",
        };
        format!("U+{:04X}{name} at character {}", u32::from(self.ch), self.position)
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
    fn control_characters_are_found_and_described_without_the_value() {
        let found = ControlChar::find("sk_live_\0abc").expect("a NUL");
        assert_eq!(found, ControlChar { position: 9, ch: '\0' });
        assert_eq!(found.describe(), "U+0000 (NUL) at character 9");
        assert_eq!(ControlChar::find("a\tb").map(|c| c.describe()), Some("U+0009 (tab) at character 2".into()));
        assert_eq!(ControlChar::find("x\u{85}").map(|c| c.position), Some(2), "C1 controls count");
        assert_eq!(ControlChar::find("sk_live_abc\r\ndef"), None, "line breaks have their own message");
        assert_eq!(ControlChar::find("sk_live_ab c€"), None, "spaces and non-ASCII letters are not control characters");
    }

    #[test]
    fn debug_output_never_contains_the_secret() {
        let s = Secret::new("sk_live_supersecretvalue1234");
        let shown = format!("{s:?} {:?}", vec![s.clone()]);
        assert!(!shown.contains("supersecret"), "Debug leaked the secret: {shown}");
        assert!(shown.contains("redacted"));
    }
}
