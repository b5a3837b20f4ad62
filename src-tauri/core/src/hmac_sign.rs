//! Pandabase's HMAC scheme, byte for byte as its documents write it:
//! `signing_key = hex(SHA-256(secret))` — the 64-character lowercase hex *string*, whose ASCII
//! bytes are the HMAC key (the TypeScript, Python and openssl examples all do this) — and
//! `signature = hex(HMAC-SHA256(signing_key, body))`. GET/DELETE sign the empty string.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::secret::Secret;

type HmacSha256 = Hmac<Sha256>;

/// The derived signing key: lowercase hex of SHA-256 of the secret's UTF-8 bytes. It is as
/// powerful as the secret for signing, so it comes back wrapped in [`Secret`].
pub fn signing_key(secret: &Secret) -> Secret {
    Secret::new(hex::encode(Sha256::digest(secret.expose().as_bytes())))
}

/// `hex(HMAC-SHA256(key = ASCII of signing_key, message = body))`, lowercase, 64 characters.
pub fn signature_with_key(signing_key: &Secret, body: &[u8]) -> String {
    hmac_sha256_hex(signing_key.expose().as_bytes(), body)
}

/// The `X-Signature` value for `body` signed with `secret` (derives the key first).
pub fn signature(secret: &Secret, body: &[u8]) -> String {
    signature_with_key(&signing_key(secret), body)
}

/// Checks a presented signature against `body` in constant time. Accepts only the documented
/// form: 64 lowercase hex characters.
pub fn verify(secret: &Secret, body: &[u8], presented: &str) -> bool {
    use subtle::ConstantTimeEq;
    let expected = signature(secret, body);
    presented.len() == 64 && bool::from(expected.as_bytes().ct_eq(presented.as_bytes()))
}

/// Raw HMAC-SHA256 with arbitrary key bytes, for the RFC 4231 test vectors.
pub fn hmac_sha256_hex(key: &[u8], message: &[u8]) -> String {
    let mut mac = match HmacSha256::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    };
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
#[path = "hmac_sign_tests.rs"]
mod tests;
