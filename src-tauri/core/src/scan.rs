//! Finding tokens in pasted text or a `.env` file, so a user moving to Tokenbench can import
//! the secrets scattered in their projects without retyping them. Every value is recognized
//! against the profiles; only values worth storing (secret or publishable keys) become
//! [`Found`] entries. Public companions found beside them — a Pandabase `stk_` token id, a
//! `shp_` store id — are attached to the secret they belong with (same provider, preferably
//! the same variable-name prefix, as in `PANDABASE_TOKEN_ID` + `PANDABASE_TOKEN_SECRET`).
//!
//! The secrets stay inside [`Found::value`] ([`Secret`]); `Found` is deliberately not
//! `Serialize`. The app keeps them and sends the UI only proposals built from the rest.

use std::collections::{HashMap, HashSet};

use crate::profile::{Profiles, ValueRole};
use crate::recognize::{Recognition, ShapeMatcher, HOST_BONUS};
use crate::secret::Secret;
use crate::token::{AuthMode, Environment, TokenKind};

/// Characters that end a bare token in free text (besides whitespace).
const WORD_BREAKS: &str = "\"'`=:,;()[]{}<>/\\?&|!*";

/// One storable token found in the text.
#[derive(Debug, Clone)]
pub struct Found {
    /// Where it was: `line 3 (PANDABASE_API_TOKEN)` or `line 7`.
    pub source: String,
    /// From the variable name (`pandabase-api-token`) or `<provider>-<env>-<n>`; unique in the scan.
    pub suggested_name: String,
    /// The value, trimmed and unquoted; store it in the keychain only.
    pub value: Secret,
    /// Recognition of the value, adjusted by the variable name and any paired token id.
    pub recognition: Recognition,
    /// A public token id (`stk_…`) found beside it.
    pub token_id: Option<String>,
    /// A store id (`shp_…`) found beside it.
    pub store_id: Option<String>,
}

/// A recognized value and where it came from. Holds the plain value only while scanning.
struct Hit {
    line: usize,
    key: Option<String>,
    value: String,
    recognition: Recognition,
}

impl Hit {
    fn has_role(&self, roles: &[ValueRole]) -> bool {
        self.recognition.candidates.iter().any(|c| roles.contains(&c.role))
    }

    /// Providers whose candidate for this value has `role`.
    fn providers_with(&self, role: ValueRole) -> Vec<String> {
        self.recognition.candidates.iter().filter(|c| c.role == role).map(|c| c.provider.clone()).collect()
    }

    /// `provider` is a candidate with the best confidence (alone or tied): nothing speaks against it.
    fn among_best(&self, provider: &str) -> bool {
        let top = self.recognition.best().map_or(0, |c| c.confidence);
        self.recognition.candidates.iter().any(|c| c.provider == provider && c.confidence >= top)
    }
}

/// Every storable token in `text`: `.env` assignments (`KEY=VALUE`, `export KEY=…`, single or
/// double quotes, `#` comments, CRLF) and bare tokens anywhere in free text. Values are
/// de-duplicated (first occurrence wins), kept only if recognized as a secret or publishable
/// key, and returned in the order they appear. Never fails; text with no tokens gives `[]`.
pub fn scan(text: &str, profiles: &Profiles) -> Vec<Found> {
    let matcher = ShapeMatcher::new(profiles);
    let mut hits = collect(text, &matcher);
    for hit in &mut hits {
        apply_name_hint(hit, profiles);
    }
    let (mut keep, ids): (Vec<Hit>, Vec<Hit>) =
        hits.into_iter().partition(|h| h.has_role(&[ValueRole::Secret, ValueRole::Publishable]));
    let token_ids = pair_token_ids(&mut keep, &ids, profiles);
    let store_ids = pair_store_ids(&keep, &ids);
    let mut used = HashSet::new();
    let mut counters = HashMap::new();
    keep.into_iter()
        .zip(token_ids.into_iter().zip(store_ids))
        .map(|(hit, (token_id, store_id))| Found {
            source: match &hit.key {
                Some(key) => format!("line {} ({key})", hit.line),
                None => format!("line {}", hit.line),
            },
            suggested_name: suggest_name(&hit, &mut used, &mut counters),
            value: Secret::new(hit.value),
            recognition: hit.recognition,
            token_id,
            store_id,
        })
        .collect()
}

/// Every recognized value in the text, de-duplicated, in order.
fn collect(text: &str, matcher: &ShapeMatcher<'_>) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    let mut push = |line: usize, key: Option<&str>, value: &str| -> bool {
        let value = value.trim();
        if value.is_empty() {
            return false;
        }
        let recognition = matcher.recognize(value, None);
        if recognition.candidates.is_empty() {
            return false;
        }
        if !hits.iter().any(|h| h.value == value) {
            hits.push(Hit { line, key: key.map(str::to_owned), value: value.to_owned(), recognition });
        }
        true
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.trim_end_matches('\r').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = match parse_assignment(line) {
            Some((key, value)) => (Some(key), value),
            None => (None, line),
        };
        if key.is_some() && push(i + 1, key, rest) {
            continue;
        }
        for word in words(rest) {
            push(i + 1, key, word);
        }
    }
    hits
}

/// `KEY=VALUE` with optional `export `, quotes and a trailing ` # comment`. `None` if the line
/// is not an assignment (then it is scanned as free text).
fn parse_assignment(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("export ").map_or(line, str::trim_start);
    let (key, value) = rest.split_once('=')?;
    let key = key.trim();
    let key_ok = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !key_ok {
        return None;
    }
    let value = value.trim_start();
    let value = match value.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let inner = &value[1..];
            inner.find(q).map_or(inner, |end| &inner[..end])
        }
        _ => {
            let comment = value.char_indices().find(|&(i, c)| c == '#' && (i == 0 || value[..i].ends_with([' ', '\t'])));
            comment.map_or(value, |(i, _)| &value[..i])
        }
    };
    Some((key, value.trim()))
}

/// Bare words of free text: split on whitespace and punctuation no token contains, trailing
/// sentence punctuation removed.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || WORD_BREAKS.contains(c))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
}

/// A variable name that mentions a provider (`PIXLPAY_API_KEY`) lifts that provider.
fn apply_name_hint(hit: &mut Hit, profiles: &Profiles) {
    let Some(key) = &hit.key else { return };
    let key_norm = alnum_upper(key);
    for p in profiles.all() {
        let id = alnum_upper(&p.id);
        let name = alnum_upper(&p.name);
        if (id.len() >= 3 && key_norm.contains(&id)) || (name.len() >= 3 && key_norm.contains(&name)) {
            let why = format!("The variable name {key} mentions {}.", p.name);
            hit.recognition.boost(&p.id, HOST_BONUS, &why);
        }
    }
}

fn alnum_upper(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// Leading `_`-separated segments two variable names share (`PANDABASE_TOKEN_ID` and
/// `PANDABASE_TOKEN_SECRET` share 2); 0 when either has no name.
fn shared_segments(a: Option<&str>, b: Option<&str>) -> usize {
    let (Some(a), Some(b)) = (a, b) else { return 0 };
    a.split('_').zip(b.split('_')).take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count()
}

/// The provider under which `secret` can take `id` (one of `providers`): the secret must have
/// a candidate of that provider in one of `roles`, and either share a variable-name prefix with
/// the id or have that provider among its best candidates.
fn fit(secret: &Hit, id: &Hit, providers: &[String], roles: &[ValueRole]) -> Option<String> {
    let shared = shared_segments(secret.key.as_deref(), id.key.as_deref());
    providers
        .iter()
        .find(|p| {
            let has = secret.recognition.candidates.iter().any(|c| &c.provider == *p && roles.contains(&c.role));
            has && (shared > 0 || secret.among_best(p))
        })
        .cloned()
}

/// How well `secret` and `id` go together: shared name prefix first, then nearness in the text.
fn closeness(secret: &Hit, id: &Hit) -> (usize, i64) {
    let distance = i64::try_from(secret.line.abs_diff(id.line)).unwrap_or(i64::MAX);
    (shared_segments(secret.key.as_deref(), id.key.as_deref()), -distance)
}

/// Gives each token id to the closest secret that [`fit`]s it (one token id per secret) and
/// switches that secret's candidate to HMAC. Returns the token id per secret, index-aligned.
fn pair_token_ids(secrets: &mut [Hit], ids: &[Hit], profiles: &Profiles) -> Vec<Option<String>> {
    let mut paired: Vec<Option<String>> = vec![None; secrets.len()];
    for id in ids.iter().filter(|h| h.has_role(&[ValueRole::TokenId])) {
        let providers = id.providers_with(ValueRole::TokenId);
        let best = (0..secrets.len())
            .filter(|&i| paired[i].is_none())
            .filter_map(|i| fit(&secrets[i], id, &providers, &[ValueRole::Secret]).map(|p| (i, p)))
            .max_by_key(|(i, _)| closeness(&secrets[*i], id));
        let Some((i, provider)) = best else { continue };
        paired[i] = Some(id.value.clone());
        let rec = &mut secrets[i].recognition;
        for c in rec.candidates.iter_mut().filter(|c| c.provider == provider) {
            c.auth_mode = AuthMode::Hmac;
            c.kind = TokenKind::HmacToken;
        }
        let name = profiles.get(&provider).map_or(provider.as_str(), |p| p.name.as_str());
        let why = format!("A {name} token ID on line {} belongs with it, so it signs requests with HMAC.", id.line);
        rec.boost(&provider, HOST_BONUS, &why);
    }
    paired
}

/// Gives each secret the closest store id that [`fit`]s it (several secrets of one store may
/// share it). Index-aligned with `secrets`.
fn pair_store_ids(secrets: &[Hit], ids: &[Hit]) -> Vec<Option<String>> {
    let store_ids: Vec<&Hit> = ids.iter().filter(|h| h.has_role(&[ValueRole::StoreId])).collect();
    secrets
        .iter()
        .map(|s| {
            store_ids
                .iter()
                .filter(|id| fit(s, id, &id.providers_with(ValueRole::StoreId), &[ValueRole::Secret, ValueRole::Publishable]).is_some())
                .max_by_key(|id| closeness(s, id))
                .map(|id| id.value.clone())
        })
        .collect()
}

/// `PANDABASE_API_TOKEN` → `pandabase-api-token`; without a name `<provider>-<env>-<n>`.
/// A name already used in this scan gets `-2`, `-3`….
fn suggest_name(hit: &Hit, used: &mut HashSet<String>, counters: &mut HashMap<String, usize>) -> String {
    let base = match &hit.key {
        Some(key) => key.to_ascii_lowercase().replace(['_', '.'], "-"),
        None => {
            let best = hit.recognition.best();
            let provider = best.map_or("token", |c| c.provider.as_str());
            let stem = match best.and_then(|c| c.environment) {
                Some(Environment::Live) => format!("{provider}-live"),
                Some(Environment::Test) => format!("{provider}-test"),
                None => provider.to_owned(),
            };
            let n = counters.entry(stem.clone()).or_insert(0);
            *n += 1;
            format!("{stem}-{}", *n)
        }
    };
    let mut name = base.clone();
    let mut k = 2;
    while !used.insert(name.clone()) {
        name = format!("{base}-{k}");
        k += 1;
    }
    name
}

#[cfg(test)]
mod tests;
