//! Generated logs for tests and benchmarks: a deterministic mix of tokens, providers,
//! endpoints, statuses (mostly 2xx, some 4xx/429/5xx), network failures and guardrail
//! refusals, with response times spread from a few milliseconds to seconds. The same seed
//! gives the same rows, so a test can compute the expected figures from the rows in plain
//! Rust and compare them with what SQL says.

use chrono::{DateTime, Duration, Utc};

use crate::token::Environment;

use super::entry::{FailureKind, NewEntry};
use super::target::Target;

/// The tokens a generated log uses: `(id, name, provider, environment)`.
pub const TOKENS: [(&str, &str, &str, Environment); 6] = [
    ("tok-storefront", "Storefront sync", "pandabase", Environment::Live),
    ("tok-webhooks", "Order webhook signer", "pandabase", Environment::Live),
    ("tok-checkout", "Checkout (staging)", "pixlpay", Environment::Test),
    ("tok-analytics", "Analytics export", "pixlpay", Environment::Live),
    ("tok-balance", "Balance API", "pacspace", Environment::Live),
    ("tok-hosting", "Hosting client", "commerce", Environment::Live),
];

/// `(provider, host, method, template)` per endpoint.
const ENDPOINTS: [(&str, &str, &str, &str); 9] = [
    ("pandabase", "api.pandabase.io", "GET", "/v2/core/stores/{storeId}/products"),
    ("pandabase", "api.pandabase.io", "POST", "/v2/core/stores/{storeId}/products"),
    ("pandabase", "api.pandabase.io", "GET", "/v2/stores/{storeId}/api-logs"),
    ("pixlpay", "api.pixlpay.net", "GET", "/v1/store/products"),
    ("pixlpay", "api.pixlpay.net", "GET", "/v1/store/orders"),
    ("pacspace", "api.pacspace.io", "GET", "/api/v1/balance/derive/{customerId}"),
    ("commerce", "billing.example.com", "GET", "/api/v1/invoices"),
    ("commerce", "billing.example.com", "GET", "/api/v1/services/{id}"),
    ("commerce", "billing.example.com", "GET", "/api/v1/me"),
];

/// A small, fast, seeded generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// `count` rows spread evenly (with jitter) over `from..to`, oldest first.
pub fn entries(count: usize, from: DateTime<Utc>, to: DateTime<Utc>, seed: u64) -> Vec<NewEntry> {
    let mut rng = Rng::new(seed);
    let span_ms = (to - from).num_milliseconds().max(1);
    let step = span_ms as f64 / count.max(1) as f64;
    (0..count)
        .map(|i| {
            let jitter = (rng.below(1000) as f64 / 1000.0) * step;
            let at = from + Duration::milliseconds((i as f64 * step + jitter) as i64);
            entry(&mut rng, at)
        })
        .collect()
}

/// One generated row at `at`.
pub fn entry(rng: &mut Rng, at: DateTime<Utc>) -> NewEntry {
    // Tokens are used unevenly: the first one most.
    let t = [0, 0, 0, 1, 1, 2, 2, 3, 4, 5][rng.below(10) as usize];
    let (token_id, token_name, provider, environment) = TOKENS[t];
    let choices: Vec<&(&str, &str, &str, &str)> = ENDPOINTS.iter().filter(|e| e.0 == provider).collect();
    let &(_, host, method, template) = choices[rng.below(choices.len() as u64) as usize];
    let path = template.replace("{storeId}", "shp_acme_main").replace("{customerId}", "customer_001").replace("{id}", &rng.below(50).to_string());
    let roll = rng.below(1000);
    let (status, failure) = match roll {
        0..=849 => (Some(if method == "POST" { 201 } else { 200 }), None),
        850..=869 => (Some(304), None),
        870..=909 => (Some(404), None),
        910..=939 => (Some(429), None),
        940..=959 => (Some(401), None),
        960..=974 => (Some(500 + rng.below(4) as u16), None),
        975..=984 => (None, Some(FailureKind::Timeout)),
        985..=992 => (None, Some(FailureKind::Connect)),
        993..=995 => (None, Some(FailureKind::Dns)),
        _ => (None, Some(FailureKind::Guardrail)),
    };
    // Mostly tens of milliseconds, a tail into seconds; sub-millisecond on loopback now and then.
    let base_us = match rng.below(100) {
        0..=4 => 300 + rng.below(700),
        5..=89 => 15_000 + rng.below(120_000),
        90..=97 => 150_000 + rng.below(600_000),
        _ => 900_000 + rng.below(2_500_000),
    };
    let total_ms = match failure {
        Some(FailureKind::Guardrail) => None,
        Some(FailureKind::Timeout) => Some(30_000.0),
        _ => Some(base_us as f64 / 1000.0),
    };
    let answered = status.is_some();
    NewEntry {
        at,
        token_id: token_id.into(),
        token_name: token_name.into(),
        provider: provider.into(),
        environment,
        method: method.into(),
        scheme: "https".into(),
        host: host.into(),
        target: Target { template: template.into(), relative: true, endpoint_id: None },
        path,
        query: if template.ends_with("products") { "page=1&per_page=50".into() } else { String::new() },
        status,
        failure,
        total_ms,
        connect_ms: (answered && rng.below(10) == 0).then_some(4.2),
        first_byte_ms: total_ms.filter(|_| answered).map(|t| t * 0.8),
        request_bytes: if method == "POST" { 58 } else { 0 },
        response_bytes: answered.then(|| 200 + rng.below(8000)),
        remote_ip: answered.then(|| "203.0.113.10".to_string()),
    }
}
