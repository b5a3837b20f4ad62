//! Listing the inventory: search, filters and sort over records, producing the views the
//! faces show (record + derived status). Pure: records and `now` in, views out, so it is
//! tested with a fixed clock and benchmarked on 10,000 records.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::Profiles;
use crate::status::lifecycle;
use crate::token::{Environment, Status, TokenRecord};

/// A status filter: the three statuses plus the two lifecycle flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StatusFilter {
    Active,
    Expired,
    Revoked,
    ExpiresSoon,
    RotationDue,
}

/// Column to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SortKey {
    #[default]
    Name,
    Provider,
    Environment,
    Status,
    Expires,
    LastUsed,
    Created,
}

/// What to list. Every field is optional; the default lists everything by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ListQuery {
    /// Case-insensitive words, all of which must appear in name, provider, tags, notes,
    /// store id, token id or the masked value.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusFilter>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<SortKey>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub descending: bool,
}

/// A record as the faces show it: the metadata plus what is derived from it at `now`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TokenView {
    #[serde(flatten)]
    pub record: TokenRecord,
    pub status: Status,
    pub expires_soon: bool,
    pub rotation_due: bool,
    pub rotation_due_at: DateTime<Utc>,
    pub provider_name: String,
    /// Names of the other tokens that hold the same secret (compared by fingerprint, never by
    /// value): storing one secret twice is usually a mistake, and rotating one leaves the other
    /// stale. Empty when none, or when the secret has not been fingerprinted yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub same_secret_as: Vec<String>,
}

impl TokenView {
    /// Derives the view of `record` at `now` (without its fingerprint, which faces never get;
    /// `same_secret_as` is left empty: see [`SameSecret`]).
    pub fn of(mut record: TokenRecord, profiles: &Profiles, now: DateTime<Utc>) -> Self {
        record.fingerprint = None;
        let life = lifecycle(&record, now);
        let provider_name =
            profiles.get(&record.provider).map(|p| p.name.clone()).unwrap_or_else(|| record.provider.clone());
        TokenView {
            status: life.status,
            expires_soon: life.expires_soon,
            rotation_due: life.rotation_due,
            rotation_due_at: life.rotation_due_at,
            provider_name,
            record,
            same_secret_as: Vec::new(),
        }
    }
}

impl TokenView {
    /// A sentence warning that this token's secret is also stored under other names, naming
    /// them (never the value); `None` when it is not.
    pub fn same_secret_warning(&self) -> Option<String> {
        if self.same_secret_as.is_empty() {
            return None;
        }
        let others: Vec<String> = self.same_secret_as.iter().map(|n| format!("'{n}'")).collect();
        Some(format!(
            "'{}' holds the same secret as {}. One secret under two names is usually a mistake, and rotating one leaves the other with a dead secret.",
            self.record.name,
            others.join(", ")
        ))
    }
}

/// Which records share a secret, by fingerprint. Revoked records (whose secret is gone) and
/// records without a fingerprint share with nobody.
pub struct SameSecret<'a> {
    by_fingerprint: HashMap<&'a str, Vec<(&'a str, &'a str)>>,
}

impl<'a> SameSecret<'a> {
    /// Indexes `records` (linear; built once per listing).
    pub fn index(records: &'a [TokenRecord]) -> Self {
        let mut by_fingerprint: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        for r in records.iter().filter(|r| r.revoked_at.is_none()) {
            if let Some(fp) = r.fingerprint.as_deref() {
                by_fingerprint.entry(fp).or_default().push((r.id.as_str(), r.name.as_str()));
            }
        }
        SameSecret { by_fingerprint }
    }

    /// Names of the records other than `record` holding its secret, in inventory order.
    pub fn others(&self, record: &TokenRecord) -> Vec<String> {
        let Some(fp) = record.fingerprint.as_deref().filter(|_| record.revoked_at.is_none()) else { return Vec::new() };
        self.by_fingerprint
            .get(fp)
            .map(|all| all.iter().filter(|(id, _)| *id != record.id).map(|(_, name)| (*name).to_owned()).collect())
            .unwrap_or_default()
    }
}

/// Filters and sorts `records` by `query` at `now`. Never fails: an unknown provider or tag
/// simply matches nothing.
pub fn list(records: &[TokenRecord], query: &ListQuery, profiles: &Profiles, now: DateTime<Utc>) -> Vec<TokenView> {
    let words: Vec<String> =
        query.search.as_deref().unwrap_or("").split_whitespace().map(str::to_lowercase).collect();
    let same = SameSecret::index(records);
    let views: Vec<TokenView> = records
        .iter()
        .filter(|r| query.provider.as_deref().is_none_or(|p| r.provider == p))
        .filter(|r| query.environment.is_none_or(|e| r.environment == e))
        .filter(|r| query.tag.as_deref().is_none_or(|t| r.tags.iter().any(|x| x.eq_ignore_ascii_case(t))))
        .filter(|r| words.is_empty() || matches_words(r, &words))
        .map(|r| {
            let mut view = TokenView::of(r.clone(), profiles, now);
            view.same_secret_as = same.others(r);
            view
        })
        .filter(|v| query.status.is_none_or(|s| matches_status(v, s)))
        .collect();
    let key = query.sort.unwrap_or_default();
    // Lower-cased names and providers are computed once, not on every comparison.
    let mut keyed: Vec<(String, String, TokenView)> =
        views.into_iter().map(|v| (v.record.name.to_lowercase(), v.provider_name.to_lowercase(), v)).collect();
    keyed.sort_by(|(na, pa, a), (nb, pb, b)| {
        let ord = match key {
            SortKey::Name => Ordering::Equal,
            SortKey::Provider => pa.cmp(pb),
            _ => compare(a, b, key),
        }
        .then_with(|| na.cmp(nb));
        if query.descending { ord.reverse() } else { ord }
    });
    keyed.into_iter().map(|(_, _, v)| v).collect()
}

fn matches_words(r: &TokenRecord, words: &[String]) -> bool {
    let fields = [
        r.name.as_str(),
        r.provider.as_str(),
        r.notes.as_str(),
        r.masked.as_str(),
        r.store_id.as_deref().unwrap_or(""),
        r.token_id.as_deref().unwrap_or(""),
    ];
    words.iter().all(|w| {
        fields.iter().any(|f| contains_ignore_case(f, w)) || r.tags.iter().any(|t| contains_ignore_case(t, w))
    })
}

fn contains_ignore_case(haystack: &str, lower_needle: &str) -> bool {
    if haystack.is_ascii() && lower_needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), lower_needle.as_bytes());
        return n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    haystack.to_lowercase().contains(lower_needle)
}

fn matches_status(v: &TokenView, s: StatusFilter) -> bool {
    match s {
        StatusFilter::Active => v.status == Status::Active,
        StatusFilter::Expired => v.status == Status::Expired,
        StatusFilter::Revoked => v.status == Status::Revoked,
        StatusFilter::ExpiresSoon => v.expires_soon,
        StatusFilter::RotationDue => v.rotation_due,
    }
}

/// Missing dates sort last in ascending order ("never expires", "never used").
fn compare(a: &TokenView, b: &TokenView, key: SortKey) -> Ordering {
    fn opt<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    let (ra, rb) = (&a.record, &b.record);
    match key {
        // Name and provider are compared on precomputed lower-case keys in `list`.
        SortKey::Name | SortKey::Provider => Ordering::Equal,
        SortKey::Environment => ra.environment.cmp(&rb.environment),
        SortKey::Status => a.status.cmp(&b.status),
        SortKey::Expires => opt(ra.expires, rb.expires),
        SortKey::LastUsed => opt(ra.last_used, rb.last_used),
        SortKey::Created => ra.created.cmp(&rb.created),
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
