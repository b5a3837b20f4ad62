//! Known answers for the whole scheme, computed outside the project. The signer, the sandbox
//! and the signature verifier all call this module, so checking them against each other would
//! pass even with a wrong scheme; these literals would not.
//!
//! How the vectors were computed (by hand, once, in bash with OpenSSL 3.0 and a UTF-8 locale),
//! with the seed's own pipeline from Pandabase's documentation:
//!
//! ```sh
//! SIGNING_KEY=$(echo -n "$SECRET" | openssl dgst -sha256 | awk '{print $2}')
//! echo -n "$BODY" | openssl dgst -sha256 -hmac "$SIGNING_KEY"
//! ```
//!
//! and checked with Python's `hashlib`/`hmac` as the documents' Python snippet does. The key is
//! the ASCII of the 64-character lowercase hex of SHA-256(secret), not the 32 raw bytes.

use super::*;

const SEED_BODY: &str = r#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#;
const UNICODE_BODY: &str = "{\"name\":\"Café ☕ 製品\",\"note\":\"naïve — ok\"}";

/// One secret's known answers: the secret, its signing key (hex SHA-256 of the secret), and
/// (body, signature) pairs.
type Vector = (&'static str, &'static str, [(&'static str, &'static str); 3]);

const VECTORS: [Vector; 2] = [
    (
        "sk_live_abc123DEF456ghi789",
        "048b19a3d5465b87e879e13e7d5a9e4bce748db99d07e6b693f936645ada8319",
        [
            ("", "41ef798c1fcdc6de70e380cd24c808f244ec9ce2a1b965be3574b31aba928668"),
            (SEED_BODY, "1034befac5a37cfa19c1a52fc70a54c55abce56ae1f881bfef1f8406be623971"),
            (UNICODE_BODY, "7a666313f1477a15cb57445417a13ef382ffc7e62f9a895af7cc74b05a918b52"),
        ],
    ),
    (
        "sk_test_ünïcode-secret ☕",
        "10ea7e0e78d402995387787345499b9bd26b690fd6ae5c64727de6d43666efeb",
        [
            ("", "3612905668ffd76d81e2f115520427461353103a1133da98f1fe282739976ce3"),
            (SEED_BODY, "f64fdb5d4e5b319e8a0d50b017bfe80eca1947ba2bfeb06a5a80453ee1e213f1"),
            (UNICODE_BODY, "d6760c6721fa2e2fe2e68c40fbf3a275e741ae981ba15250ad9690a3e0cfa2c4"),
        ],
    ),
];

#[test]
fn the_signing_key_is_the_hex_sha256_of_the_secret_as_openssl_computes_it() {
    for (secret, key, _) in VECTORS {
        assert_eq!(signing_key(&Secret::new(secret)).expose(), key, "signing key of {secret:?}");
    }
}

#[test]
fn signatures_equal_the_seeds_openssl_pipeline_for_empty_json_and_unicode_bodies() {
    for (secret, _, cases) in VECTORS {
        for (body, expected) in cases {
            assert_eq!(signature(&Secret::new(secret), body.as_bytes()), expected, "signature of {body:?} with {secret:?}");
        }
    }
}

#[test]
fn verify_accepts_the_known_signature_and_rejects_any_other() {
    for (secret, _, cases) in VECTORS {
        let secret = Secret::new(secret);
        for (body, expected) in cases {
            assert!(verify(&secret, body.as_bytes(), expected), "the known signature of {body:?} verifies");
            let mut flipped = expected.to_owned();
            let last = if flipped.ends_with('0') { "1" } else { "0" };
            flipped.replace_range(63.., last);
            assert!(!verify(&secret, body.as_bytes(), &flipped), "a signature one digit off is refused");
            assert!(!verify(&secret, body.as_bytes(), &expected.to_uppercase()), "only the documented lowercase form is accepted");
        }
    }
}
