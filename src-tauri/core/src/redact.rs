//! Redaction of known secrets in text Tokenbench did not write: an answer that echoes the
//! request (httpbin's `/anything`, postman-echo, most mock servers), a header a proxy copied,
//! a body the user typed. Shape-based masking (`tester::response_scrub`) only catches values
//! that look like a known token; a Custom token, or a secret that matches no profile, would pass
//! through it in full. The [`Redactor`] looks for the secrets themselves.
//!
//! A secret is found as it is and in the encodings a server or a client applies on the way:
//! URL-encoded (`sk%5Ftest%5F…`, any mix of encoded and plain characters, hex in either case),
//! JSON-escaped (`\u0073k_…`, `\/`), and base64 (standard and URL-safe, at any of the three byte
//! alignments it can have inside a longer encoded value, as in `Basic base64(user:secret)`). Each
//! occurrence is replaced by the secret's mask at the level asked for, so a person can still see
//! *which* token was echoed. Where a profile shape marks a `secret` group (PacSpace's
//! `pk_env_PUBLIC.SECRET`), that part alone is also redacted.

use std::borrow::Cow;
use std::fmt::Write as _;

use base64::Engine as _;
use regex::{Regex, RegexBuilder};

use crate::mask::{mask_with_prefix, MaskLevel, MASK};
use crate::profile::Profiles;
use crate::secret::Secret;
use crate::shape::ShapeMatcher;

/// Secrets shorter than this are not searched for: every 3-letter word would match.
pub const MIN_SECRET_CHARS: usize = 4;
/// A base64 core shorter than this is not searched for (too likely to occur by chance).
const MIN_BASE64_CORE: usize = 8;
/// Compiled-pattern budget: generous, since a vault-wide redactor holds one pattern per secret.
const REGEX_SIZE_LIMIT: usize = 64 * 1024 * 1024;

/// Finds known secrets in text and replaces them with their masks.
pub struct Redactor {
    /// One capture group per needle set; `None` when there is nothing to look for.
    pattern: Option<Regex>,
    /// The replacement for capture group `i + 1`.
    masks: Vec<String>,
}

impl Redactor {
    /// A redactor for `secrets`, masking each occurrence at `level` (the mask keeps the
    /// provider prefix `profiles` recognize). Secrets shorter than [`MIN_SECRET_CHARS`] are
    /// ignored. Never fails: a pattern that cannot be compiled (only possible beyond the size
    /// budget) falls back to looking for the plain secrets only.
    pub fn new(secrets: &[&Secret], profiles: &Profiles, level: MaskLevel) -> Self {
        let matcher = ShapeMatcher::new(profiles);
        let mut groups: Vec<String> = Vec::new();
        let mut plain: Vec<String> = Vec::new();
        let mut masks: Vec<String> = Vec::new();
        let mut add = |value: &str, mask: String| {
            if value.chars().count() < MIN_SECRET_CHARS || plain.iter().any(|p| p == value) {
                return;
            }
            groups.push(needles(value).join("|"));
            plain.push(regex::escape(value));
            masks.push(mask);
        };
        for secret in secrets {
            let value = secret.expose().trim();
            let matches = matcher.matches(value);
            let prefix = matches.iter().find_map(|m| m.prefix.clone());
            add(value, mask_with_prefix(value, prefix.as_deref(), level));
            for part in matches.iter().filter_map(|m| m.secret_part.as_deref()) {
                add(part, MASK.to_owned());
            }
        }
        // Longest first, so a secret is never half-replaced by a needle of one of its parts.
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(plain[i].len()));
        let build = |alternatives: &[String]| {
            let joined: Vec<String> = order.iter().map(|&i| format!("({})", alternatives[i])).collect();
            RegexBuilder::new(&joined.join("|")).size_limit(REGEX_SIZE_LIMIT).build().ok()
        };
        let pattern = if groups.is_empty() { None } else { build(&groups).or_else(|| build(&plain)) };
        let masks = order.iter().map(|&i| masks[i].clone()).collect();
        Redactor { pattern, masks }
    }

    /// True when there is no secret to look for.
    pub fn is_empty(&self) -> bool {
        self.pattern.is_none()
    }

    /// `text` with every occurrence of a secret (in any encoding above) replaced by its mask,
    /// and how many were replaced. Borrows when nothing was found.
    pub fn redact<'t>(&self, text: &'t str) -> (Cow<'t, str>, usize) {
        let Some(re) = &self.pattern else { return (Cow::Borrowed(text), 0) };
        let mut count = 0;
        let out = re.replace_all(text, |caps: &regex::Captures<'_>| {
            count += 1;
            let group = (1..caps.len()).find(|&i| caps.get(i).is_some()).unwrap_or(1);
            self.masks.get(group - 1).cloned().unwrap_or_else(|| MASK.to_owned())
        });
        (out, count)
    }

    /// Redacts `text` in place; returns how many occurrences were replaced.
    pub fn redact_in_place(&self, text: &mut String) -> usize {
        let (out, count) = self.redact(text);
        if count > 0 {
            *text = out.into_owned();
        }
        count
    }
}

/// The alternatives that find `value`: the character-flexible form (plain, percent-encoded or
/// JSON-escaped, character by character) and the base64 cores.
fn needles(value: &str) -> Vec<String> {
    let mut out = vec![flexible(value)];
    out.extend(base64_cores(value.as_bytes()).iter().map(|c| regex::escape(c)));
    out
}

/// A pattern matching `value` where each character may appear as itself, percent-encoded
/// (UTF-8 bytes, hex in either case) or JSON-escaped (`\uXXXX`, `\/`).
fn flexible(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars() {
        let mut alternatives = vec![regex::escape(c.encode_utf8(&mut [0; 4]))];
        let mut utf8 = [0; 4];
        let percent: String = c.encode_utf8(&mut utf8).bytes().map(|b| format!("%{}", hex_any_case(b))).collect();
        alternatives.push(percent);
        let mut units = [0u16; 2];
        let json: String = c.encode_utf16(&mut units).iter().map(|u| format!("\\\\u{}", hex_any_case_u16(*u))).collect();
        alternatives.push(json);
        if c == '/' {
            alternatives.push(r"\\/".to_owned());
        }
        let _ = write!(out, "(?:{})", alternatives.join("|"));
    }
    out
}

/// `[0-9]`-or-either-case classes for one byte's two hex digits.
fn hex_any_case(b: u8) -> String {
    format!("{}{}", hex_digit(b >> 4), hex_digit(b & 0xF))
}

fn hex_any_case_u16(u: u16) -> String {
    u.to_be_bytes().iter().map(|b| hex_any_case(*b)).collect()
}

fn hex_digit(n: u8) -> String {
    let lower = char::from_digit(u32::from(n), 16).unwrap_or('0');
    if lower.is_ascii_digit() {
        lower.to_string()
    } else {
        format!("[{lower}{}]", lower.to_ascii_uppercase())
    }
}

/// The part of base64(`value`) that is the same whatever bytes surround it, for each of the
/// three alignments the value can have in a longer encoded string, in both alphabets.
fn base64_cores(value: &[u8]) -> Vec<String> {
    let mut cores = Vec::new();
    for offset in 0..3usize {
        let mut padded = vec![0u8; offset];
        padded.extend_from_slice(value);
        // Characters fully determined by `value`: from the first whose 6 bits start at or after
        // the value's first bit, to the last whose 6 bits end at or before its last bit.
        let first = (offset * 8).div_ceil(6);
        let last = (padded.len() * 8) / 6;
        if last <= first || last - first < MIN_BASE64_CORE {
            continue;
        }
        for engine in [&base64::engine::general_purpose::STANDARD_NO_PAD, &base64::engine::general_purpose::URL_SAFE_NO_PAD] {
            let encoded = engine.encode(&padded);
            if let Some(core) = encoded.get(first..last) {
                if !cores.iter().any(|c| c == core) {
                    cores.push(core.to_owned());
                }
            }
        }
    }
    cores
}

#[cfg(test)]
#[path = "redact_tests.rs"]
mod tests;
