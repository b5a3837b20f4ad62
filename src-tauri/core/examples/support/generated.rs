//! A generated inventory for the benchmarks: `record(i)` is the same record in every run, valid
//! for its provider's profile (auth mode, scopes, store id), so it can be imported too.

use chrono::{DateTime, Duration, Utc};
use tokenbench_core::profile::Profiles;
use tokenbench_core::token::{Environment, TokenRecord};

/// The providers the records cycle through.
pub const PROVIDERS: [&str; 5] = ["pandabase", "pixlpay", "pacspace", "commerce", "shipped"];

/// Record number `i` at `now`: spread over providers, environments, expiries, last uses,
/// revocations, tags and owners, so filters and sorts have work to do.
pub fn record(i: usize, now: DateTime<Utc>, profiles: &Profiles) -> TokenRecord {
    let provider = PROVIDERS[i % PROVIDERS.len()];
    let profile = profiles.get(provider).expect("a bundled profile");
    let mut r = TokenRecord::new(format!("id-{i:05}"), format!("integration-{i:05}"), provider, now - Duration::days((i % 400) as i64));
    r.environment = if i.is_multiple_of(3) { Environment::Test } else { Environment::Live };
    r.auth_mode = profile.default_auth_mode();
    r.store_id = profile.store_id_pattern.as_ref().map(|_| format!("shp_{i:05}"));
    r.scopes = profile.scopes.first().cloned().into_iter().collect();
    r.expires = i.is_multiple_of(4).then(|| now + Duration::days((i % 60) as i64 - 10));
    r.last_used = i.is_multiple_of(2).then(|| now - Duration::hours(i as i64 % 1000));
    r.revoked_at = i.is_multiple_of(17).then_some(now);
    r.tags = vec![if i.is_multiple_of(7) { "storefront".into() } else { "backend".into() }];
    r.notes = format!("owner team-{}", i % 23);
    r.masked = format!("sk_live_••••{:04}", i % 10_000);
    r
}

/// Records `0..n`.
pub fn records(n: usize, now: DateTime<Utc>) -> Vec<TokenRecord> {
    let profiles = Profiles::bundled();
    (0..n).map(|i| record(i, now, &profiles)).collect()
}
