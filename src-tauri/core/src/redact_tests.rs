//! Why these exist: a server that echoes the request must not put the secret on screen in any
//! form a person (or a screenshot) could read it back from. Each test encodes the secret the way
//! real servers and clients do and checks the redactor finds it; none builds the expected text
//! with the redactor's own helpers.

use base64::Engine as _;

use super::*;

const ECHOED: &str = "sk_test_Qw3rTy8uIoP1aSdFgH4jKl";

fn redactor(secrets: &[&str], level: MaskLevel) -> Redactor {
    let owned: Vec<Secret> = secrets.iter().map(|s| Secret::new(*s)).collect();
    let refs: Vec<&Secret> = owned.iter().collect();
    Redactor::new(&refs, &Profiles::bundled(), level)
}

fn normal(secret: &str) -> Redactor {
    redactor(&[secret], MaskLevel::Normal)
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn an_echoed_authorization_header_shows_the_mask_not_the_secret() {
    let text = format!("x-echo: Bearer {ECHOED}");
    let (out, n) = normal(ECHOED).redact(&text);
    assert_eq!(out, "x-echo: Bearer sk_test_••••4jKl", "the provider prefix and the last four, as everywhere else");
    assert_eq!(n, 1);
}

#[test]
fn url_encoded_forms_are_found_whatever_is_encoded_and_whatever_the_hex_case() {
    let upper = ECHOED.replace('_', "%5F");
    let lower = ECHOED.replace('_', "%5f");
    // Every character percent-encoded, as some clients do for query values.
    let all: String = ECHOED.bytes().map(|b| format!("%{b:02X}")).collect();
    let mixed = format!("{}%51{}", &ECHOED[..8], &ECHOED[9..]); // only the 'Q' (0x51) encoded
    for form in [upper, lower, all, mixed] {
        let text = format!("{{\"url\":\"https://echo.example/anything?key={form}&page=2\"}}");
        let (out, n) = normal(ECHOED).redact(&text);
        assert_eq!(n, 1, "{form} was not found in {text}");
        assert!(!out.contains(&form) && out.contains("&page=2"), "only the secret goes: {out}");
    }
}

#[test]
fn json_escaped_forms_are_found() {
    // JSON allows any character as \uXXXX and '/' as '\/'.
    let secret = "tok/abc_DEF/123456";
    let escaped = r"tok\/abc\u005fDEF\/123456";
    let unicode_escaped = r"\u0074ok/abc_DEF/12345\u0036";
    for form in [escaped, unicode_escaped] {
        let text = format!("{{\"echo\":\"{form}\"}}");
        let (out, n) = normal(secret).redact(&text);
        assert_eq!(n, 1, "{form}");
        assert!(!out.contains("DEF"), "{out}");
    }
}

#[test]
fn base64_forms_are_found_at_every_alignment_and_in_both_alphabets() {
    for before in ["", "u", "us", "user:", "ab", "abc"] {
        for after in ["", "x", "xy", ":tail"] {
            let plain = format!("{before}{ECHOED}{after}");
            let standard = b64(plain.as_bytes());
            let url_safe = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(plain.as_bytes());
            for encoded in [standard, url_safe] {
                let text = format!("Authorization: Basic {encoded}");
                let (out, n) = normal(ECHOED).redact(&text);
                assert!(n >= 1, "base64 of {plain:?} ({encoded}) was not found");
                // What is left of the encoded value must not decode back to the secret.
                assert!(!out.contains(&encoded), "{out}");
            }
        }
    }
}

#[test]
fn a_secret_that_matches_no_provider_shape_is_still_redacted() {
    let custom = "internal-deploy-key-9f8e7d6c5b4a";
    let text = format!("{{\"headers\":{{\"X-Internal\":\"{custom}\"}}}}");
    let (out, n) = normal(custom).redact(&text);
    assert_eq!(n, 1);
    assert!(out.contains("••••5b4a"), "an unrecognized secret keeps only its last four: {out}");
    assert!(!out.contains("deploy-key"), "{out}");
}

#[test]
fn presentation_level_shows_no_tail() {
    let (out, _) = redactor(&[ECHOED], MaskLevel::Presentation).redact(ECHOED);
    assert_eq!(out, "sk_test_••••");
}

#[test]
fn the_secret_part_of_a_pacspace_key_is_redacted_on_its_own_too() {
    let key = "pk_live_pub123.s3cr3tP4rtOfTheKey99";
    let text = "{\"received\":\"pk_live_pub123.s3cr3tP4rtOfTheKey99\",\"secretOnly\":\"s3cr3tP4rtOfTheKey99\"}";
    let (out, n) = normal(key).redact(text);
    assert_eq!(n, 2, "{out}");
    assert!(!out.contains("s3cr3tP4rt"), "{out}");
    assert!(out.contains("pk_live_••••ey99"), "the whole key keeps its mask, not two masks: {out}");
}

#[test]
fn text_without_the_secret_is_returned_untouched_and_borrowed() {
    let text = "{\"data\":{\"items\":[]},\"note\":\"sk_test_ is a prefix, not a secret\"}";
    let (out, n) = normal(ECHOED).redact(text);
    assert_eq!(n, 0);
    assert!(matches!(out, Cow::Borrowed(_)));
}

#[test]
fn very_short_secrets_are_not_searched_for_and_an_empty_redactor_changes_nothing() {
    assert!(normal("abc").is_empty(), "a 3-character secret would match everywhere");
    assert!(redactor(&[], MaskLevel::Normal).redact("anything").1 == 0);
}

#[test]
fn many_secrets_at_once_each_get_their_own_mask() {
    let a = "sk_live_AAAAbbbbCCCCdddd1111";
    let b = "opt_live_ZZZZyyyyXXXXwwww2222";
    let r = redactor(&[a, b], MaskLevel::Normal);
    let text = format!("{a} and {b} and {a}");
    let (out, n) = r.redact(&text);
    assert_eq!(n, 3);
    assert_eq!(out, "sk_live_••••1111 and opt_live_••••2222 and sk_live_••••1111");
}

/// Deterministic xorshift: arbitrary secrets and surroundings, reproducible without a crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick(&mut self, from: &[char]) -> char {
        from[usize::try_from(self.next() % from.len() as u64).expect("fits")]
    }
}

#[test]
fn for_arbitrary_secrets_and_surroundings_no_encoding_survives() {
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~+/=:é".chars().collect();
    let noise: Vec<char> = "abc XYZ 019 _-./:;\"{}[]=&?%+\\".chars().collect();
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    for _ in 0..300 {
        let len = 8 + (rng.next() % 40) as usize;
        let secret: String = (0..len).map(|_| rng.pick(&alphabet)).collect();
        let before: String = (0..(rng.next() % 6) as usize).map(|_| rng.pick(&noise)).collect();
        let after: String = (0..(rng.next() % 6) as usize).map(|_| rng.pick(&noise)).collect();
        let encodings = [
            secret.clone(),
            secret.bytes().map(|b| format!("%{b:02X}")).collect::<String>(),
            serde_json::to_string(&secret).expect("json").trim_matches('"').to_owned(),
            b64(format!("{before}{secret}{after}").as_bytes()),
        ];
        let r = normal(&secret);
        for (i, enc) in encodings.iter().enumerate() {
            let text = format!("{before}{enc}{after}");
            let (out, n) = r.redact(&text);
            assert!(n >= 1, "encoding {i} of {secret:?} not found in {text:?}");
            assert!(!out.contains(&secret), "the plain secret survived in {out:?}");
        }
    }
}
