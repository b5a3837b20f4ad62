//! Screenshot-safe display of a secret. A masked value must let a person tell their tokens
//! apart (which provider, which environment, which of two keys) while being useless to anyone
//! who sees it: at most the public prefix the provider puts on every key (`sk_live_`) and the
//! last four characters. Short values keep no tail at all, because four characters of a short
//! secret are too large a share of it. Presentation mode (demos, screen sharing) drops the tail.

use serde::{Deserialize, Serialize};

use crate::profile::Profiles;
use crate::shape::ShapeMatcher;

/// What replaces the hidden part.
pub const MASK: &str = "••••";
/// Characters shown from the end in [`MaskLevel::Normal`].
pub const TAIL_CHARS: usize = 4;
/// Values shorter than this never show a tail.
pub const MIN_CHARS_FOR_TAIL: usize = 12;

/// How much a mask may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MaskLevel {
    /// Prefix + `••••` + last four (when the value is long enough).
    #[default]
    Normal,
    /// Prefix + `••••`: nothing of the secret body at all.
    Presentation,
}

/// The masked form of `value` (trimmed first): the prefix of the first profile shape it matches
/// (`sk_live_`, `pk_production_`, `stk_`), then `••••`, then — in `Normal` level, when the value
/// has at least [`MIN_CHARS_FOR_TAIL`] characters and prefix + tail is at most half of it — the
/// last four characters. An unrecognized value gets no prefix. An empty value gives `""`.
/// Never fails and never splits a multi-byte character.
pub fn mask(value: &str, profiles: &Profiles, level: MaskLevel) -> String {
    Masker::new(profiles, level).mask(value)
}

/// [`mask`] with the profiles' shapes compiled once, for masking many values at one level
/// (a preview's headers, a list of found credentials, a diagnosis).
pub struct Masker<'a> {
    matcher: ShapeMatcher<'a>,
    level: MaskLevel,
}

impl<'a> Masker<'a> {
    /// A masker over `profiles`' shapes at `level`.
    pub fn new(profiles: &'a Profiles, level: MaskLevel) -> Self {
        Masker { matcher: ShapeMatcher::new(profiles), level }
    }

    /// The level it masks at.
    pub fn level(&self) -> MaskLevel {
        self.level
    }

    /// The masked form of `value`: exactly [`mask`]'s rule.
    pub fn mask(&self, value: &str) -> String {
        let value = value.trim();
        mask_with_prefix(value, self.matcher.prefix(value).as_deref(), self.level)
    }
}

/// [`mask`] with the prefix already known (recognition computes it once). A `prefix` that is
/// not a strict prefix of the trimmed value is ignored, so a wrong label can never make the
/// mask show part of the secret.
pub fn mask_with_prefix(value: &str, prefix: Option<&str>, level: MaskLevel) -> String {
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    let prefix = prefix.filter(|p| value.starts_with(*p) && p.len() < value.len()).unwrap_or("");
    let total = value.chars().count();
    let shown = prefix.chars().count() + TAIL_CHARS;
    let tail_allowed = level == MaskLevel::Normal && total >= MIN_CHARS_FOR_TAIL && shown * 2 <= total;
    let mut out = format!("{prefix}{MASK}");
    if tail_allowed {
        let start = value.char_indices().rev().nth(TAIL_CHARS - 1).map_or(0, |(i, _)| i);
        out.push_str(&value[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normal(v: &str) -> String {
        mask(v, &Profiles::bundled(), MaskLevel::Normal)
    }

    const BODY: &str = "AbCdEfGhIjKlMnOpQrStUvWxyz";

    #[test]
    fn every_documented_shape_keeps_its_prefix_and_last_four() {
        let hex64 = "a238d34b83d3e68628704c9b91d82bd18bd20a48cfe21bc8f2065f23af897a3f";
        let cases = [
            (format!("sk_live_{BODY}"), "sk_live_••••Wxyz"),
            (format!("sk_test_{BODY}"), "sk_test_••••Wxyz"),
            (format!("stk_{BODY}"), "stk_••••Wxyz"),
            (format!("pk_live_pub123.{BODY}"), "pk_live_••••Wxyz"),
            (format!("pk_test_pub123.{BODY}"), "pk_test_••••Wxyz"),
            (format!("pk_production_{hex64}"), "pk_production_••••7a3f"),
            (format!("sk_production_{BODY}"), "sk_production_••••Wxyz"),
            (format!("opt_live_{BODY}"), "opt_live_••••Wxyz"),
            (format!("shp_{BODY}"), "shp_••••Wxyz"),
        ];
        for (value, want) in cases {
            assert_eq!(normal(&value), want, "mask of a {} value", &want[..want.find('•').unwrap_or(0)]);
        }
    }

    #[test]
    fn an_unknown_shape_shows_only_the_last_four() {
        assert_eq!(normal("ghp_0123456789abcdefXYZW"), "••••XYZW", "no profile knows ghp_, so no prefix is claimed");
    }

    #[test]
    fn short_values_never_show_a_tail() {
        assert_eq!(normal("abcdefghijk"), "••••", "11 chars is below the tail threshold");
        assert_eq!(normal("abcdefghijkl"), "••••ijkl", "12 chars is the threshold");
        assert_eq!(normal("stk_abcd"), "stk_••••", "a short recognized value keeps only its prefix");
    }

    #[test]
    fn no_tail_when_prefix_and_tail_would_show_more_than_half() {
        // sk_live_ (8) + 4 = 12 shown: needs at least 24 characters.
        let v23 = format!("sk_live_{}", &BODY[..15]);
        let v24 = format!("sk_live_{}", &BODY[..16]);
        assert_eq!(normal(&v23), "sk_live_••••", "23 chars: 12 of 23 would be more than half");
        assert_eq!(normal(&v24), "sk_live_••••MnOp", "24 chars: exactly half is allowed");
    }

    #[test]
    fn presentation_level_shows_no_tail() {
        let p = Profiles::bundled();
        assert_eq!(mask(&format!("sk_live_{BODY}"), &p, MaskLevel::Presentation), "sk_live_••••");
        assert_eq!(mask("ghp_0123456789abcdefXYZW", &p, MaskLevel::Presentation), "••••");
    }

    #[test]
    fn multibyte_characters_are_never_split() {
        let v = "ключ-секрет-значение-ß😀é😀";
        assert_eq!(normal(v), "••••ß😀é😀", "the tail is four characters, not four bytes");
        assert_eq!(normal("😀😀😀😀😀😀😀😀😀😀😀😀"), "••••😀😀😀😀");
    }

    #[test]
    fn whitespace_around_the_value_is_not_part_of_the_mask() {
        assert_eq!(normal(&format!("  sk_live_{BODY}\n")), "sk_live_••••Wxyz");
        assert_eq!(normal("   "), "", "nothing to mask");
    }

    #[test]
    fn a_label_that_is_not_the_values_prefix_is_ignored() {
        assert_eq!(mask_with_prefix("abcdefghijklmnop", Some("zz_"), MaskLevel::Normal), "••••mnop");
        assert_eq!(mask_with_prefix("abcd", Some("abcd"), MaskLevel::Normal), "••••", "a prefix equal to the value would reveal it all");
    }

    /// Deterministic xorshift so the "property" test is reproducible without a crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % n as u64).expect("fits")
        }
    }

    #[test]
    fn the_mask_shown_while_pasting_is_the_mask_the_list_shows_after_saving() {
        // A person checks the mask in the add dialog (recognition's) before saving; the
        // inventory then shows `mask`. Two entry points, one promise: the same text.
        let p = Profiles::bundled();
        for v in ["sk_live_AbCdEfGhIjKlMnOpQrSt", "pk_live_pub123.AbCdEfGhIjKlMnOp", "stk_AbCdEfGhIjKlMnOp", "nothing-known-here-1234", "  sk_test_AbCdEfGhIjKlMnOpQrSt\n"] {
            assert_eq!(mask(v, &p, MaskLevel::Normal), crate::recognize::recognize(v, None, &p).masked, "dialog and list disagree on {v:?}");
        }
    }

    #[test]
    fn a_value_that_only_starts_like_a_known_key_claims_no_prefix() {
        // The prefix is a claim ("this is a Pixlpay live key"); a value without the key's shape
        // (spaces inside) does not earn it, and shows only the mask and its last four.
        assert_eq!(normal("sk_live_not a key, just words 1234"), "••••1234");
    }

    #[test]
    fn masked_output_never_contains_five_consecutive_characters_of_the_secret_body() {
        let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.é😀ß".chars().collect();
        let prefixes = ["", "sk_live_", "sk_test_", "stk_", "pk_live_", "pk_test_", "pk_production_", "opt_live_", "shp_", "sk_sandbox_"];
        let profiles = Profiles::bundled();
        // `mask` is exactly this composition; compiling the shapes once keeps the test fast.
        let matcher = ShapeMatcher::new(&profiles);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let prefix = prefixes[rng.below(prefixes.len())];
            let len = 1 + rng.below(70);
            let body: String = (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect();
            let value = format!("{prefix}{body}");
            for level in [MaskLevel::Normal, MaskLevel::Presentation] {
                let out = mask_with_prefix(&value, matcher.prefix(&value).as_deref(), level);
                let chars: Vec<char> = body.chars().collect();
                for w in chars.windows(5) {
                    let window: String = w.iter().collect();
                    assert!(!out.contains(&window), "mask {out:?} of a {len}-char body leaks the window {window:?}");
                }
                let revealed = out.replace(MASK, "").chars().count();
                assert!(revealed <= prefix.chars().count() + TAIL_CHARS, "mask {out:?} shows more than prefix + 4");
            }
        }
    }
}
