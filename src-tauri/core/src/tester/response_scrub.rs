//! Answers can carry secrets too: Pandabase's `roll-secret` returns the new secret in its
//! body, and a careless server may echo a key. Before a face sees a response, every value in
//! its text that is recognized as a secret is replaced by its mask, and the values found are
//! handed back so a rotation can be stored in the keychain instead of shown.

use crate::mask::{mask_with_prefix, MaskLevel};
use crate::profile::{Profiles, ValueRole};
use crate::recognize::ShapeMatcher;
use crate::secret::Secret;
use crate::send::HttpResponse;

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// The secret-shaped words of `text` (recognized with the role Secret), in order of
/// appearance, without duplicates.
fn secret_words(text: &str, matcher: &ShapeMatcher) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in text.split(|c: char| !is_token_char(c)).map(|w| w.trim_matches('.')) {
        if word.len() < 12 || found.iter().any(|f| f == word) {
            continue;
        }
        if matcher.recognize(word, None).candidates.iter().any(|c| c.role == ValueRole::Secret) {
            found.push(word.to_owned());
        }
    }
    found
}

/// `text` with every secret-shaped word replaced by its mask, and the words found.
/// The profiles' patterns are compiled once per call, not once per word.
pub fn mask_secrets(text: &str, profiles: &Profiles) -> (String, Vec<String>) {
    let matcher = ShapeMatcher::new(profiles);
    let found = secret_words(text, &matcher);
    let mut out = text.to_owned();
    for word in &found {
        out = out.replace(word.as_str(), &mask_with_prefix(word, matcher.prefix(word).as_deref(), MaskLevel::Normal));
    }
    (out, found)
}

/// Masks every secret-shaped word in the response's text forms (the raw bytes never reach a
/// face) and returns the secrets found, in order of appearance, without duplicates.
pub fn scrub_response(response: &mut HttpResponse, profiles: &Profiles) -> Vec<Secret> {
    let Some(text) = response.body_text.clone() else { return Vec::new() };
    let (masked, found) = mask_secrets(&text, profiles);
    if found.is_empty() {
        return Vec::new();
    }
    response.body_text = Some(masked);
    if let Some(pretty) = response.body_json_pretty.as_mut() {
        *pretty = mask_secrets(pretty, profiles).0;
    }
    response.notices.push(format!(
        "{} secret-shaped value(s) in the answer were masked; Tokenbench never shows a secret it did not reveal on request.",
        found.len()
    ));
    found.into_iter().map(Secret::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_in_an_answer_is_masked_in_every_text_form_and_handed_back() {
        let body = br#"{"data":{"secret":"sk_live_rolledNEWsecret12345","tokenId":"stk_abc123"}}"#;
        let mut r = HttpResponse::from_parts(200, vec![], body.to_vec(), false);
        let found = scrub_response(&mut r, &Profiles::bundled());
        assert_eq!(found.len(), 1, "only the secret, not the public token id");
        assert_eq!(found[0].expose(), "sk_live_rolledNEWsecret12345");
        for text in [r.body_text.as_deref(), r.body_json_pretty.as_deref()].into_iter().flatten() {
            assert!(!text.contains("rolledNEWsecret"), "masked: {text}");
            assert!(text.contains("stk_abc123"), "public ids stay readable: {text}");
        }
        assert_eq!(r.notices.len(), 1);
    }

    #[test]
    fn an_answer_without_secrets_is_left_as_is() {
        let body = br#"{"data":{"items":[{"name":"New Product","amount":2999}]}}"#;
        let mut r = HttpResponse::from_parts(200, vec![], body.to_vec(), false);
        let before = r.body_json_pretty.clone();
        assert!(scrub_response(&mut r, &Profiles::bundled()).is_empty());
        assert_eq!(r.body_json_pretty, before);
        assert!(r.notices.is_empty());
    }
}
