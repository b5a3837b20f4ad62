//! The sandbox's memory: which tokens it knows (a cache over the [`TokenSource`], refreshed
//! when an unknown credential arrives or the cache is a couple of seconds old), secrets rolled
//! since start, per-token rate-limit windows, request logs and created products. All of it
//! lives as long as the process; nothing is written to disk.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::clock::Clock;
use super::reply::Reject;
use super::api_logs::ApiLogs;
use super::source::{SandboxToken, TokenSource};
use crate::secret::Secret;

/// How long a loaded token list is trusted before a request re-reads the source, so a revoke
/// or an edit made in the app reaches a running sandbox within this time.
const CACHE_TTL: Duration = Duration::from_secs(2);

/// Length of a rate-limit window, in seconds.
const WINDOW_SECS: i64 = 60;

#[derive(Default)]
struct TokenCache {
    tokens: Vec<SandboxToken>,
    loaded_at: Option<Instant>,
    /// record id → secret rolled here; wins over the source until the source reports it too.
    rolled: HashMap<String, Secret>,
}

/// Everything the handlers share.
pub(crate) struct Sandbox {
    source: Arc<dyn TokenSource>,
    clock: Arc<dyn Clock>,
    cache: Mutex<TokenCache>,
    /// record id → (window number, requests counted in it).
    windows: Mutex<HashMap<String, (i64, u32)>>,
    pub(crate) logs: ApiLogs,
    /// store id → products created through the API.
    pub(crate) products: Mutex<HashMap<String, Vec<serde_json::Value>>>,
}

impl Sandbox {
    pub(crate) fn new(source: Arc<dyn TokenSource>, clock: Arc<dyn Clock>) -> Self {
        Sandbox {
            source,
            clock,
            cache: Mutex::new(TokenCache::default()),
            windows: Mutex::new(HashMap::new()),
            logs: ApiLogs::default(),
            products: Mutex::new(HashMap::new()),
        }
    }

    /// The sandbox's "now".
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The token of `provider` that `matches`, re-reading the source when the cache is stale
    /// or holds no match (a token registered after start, a secret replaced in the app).
    pub(crate) async fn find(&self, provider: &str, matches: impl Fn(&SandboxToken) -> bool) -> Option<SandboxToken> {
        if self.cache_fresh() {
            if let Some(found) = self.lookup(provider, &matches) {
                return Some(found);
            }
        }
        self.reload().await;
        self.lookup(provider, &matches)
    }

    fn lookup(&self, provider: &str, matches: &impl Fn(&SandboxToken) -> bool) -> Option<SandboxToken> {
        self.lock_cache().tokens.iter().find(|t| t.record.provider == provider && matches(t)).cloned()
    }

    /// Every known token of `provider` (from the cache, reloading it when stale).
    pub(crate) async fn all(&self, provider: &str) -> Vec<SandboxToken> {
        if !self.cache_fresh() {
            self.reload().await;
        }
        self.lock_cache().tokens.iter().filter(|t| t.record.provider == provider).cloned().collect()
    }

    /// Re-reads the source on a blocking thread (it may read the keychain).
    pub(crate) async fn reload(&self) {
        let source = self.source.clone();
        let Ok(mut tokens) = tokio::task::spawn_blocking(move || source.tokens()).await else {
            return; // the source panicked: keep what we had
        };
        let mut cache = self.lock_cache();
        let TokenCache { rolled, .. } = &mut *cache;
        for t in &mut tokens {
            if let Some(new_secret) = rolled.get(&t.record.id) {
                if t.secret == *new_secret {
                    rolled.remove(&t.record.id); // the vault caught up
                } else {
                    t.secret = new_secret.clone(); // the old secret died at the roll
                }
            }
        }
        cache.tokens = tokens;
        cache.loaded_at = Some(Instant::now());
    }

    /// Replaces the secret of record `id` at once, then tells the source (on a blocking
    /// thread, awaited, so the vault is updated before the caller sees the new secret).
    pub(crate) async fn roll(&self, id: &str, new_secret: Secret) {
        {
            let mut cache = self.lock_cache();
            cache.rolled.insert(id.to_string(), new_secret.clone());
            if let Some(t) = cache.tokens.iter_mut().find(|t| t.record.id == id) {
                t.secret = new_secret.clone();
            }
        }
        let source = self.source.clone();
        let id = id.to_string();
        let _ = tokio::task::spawn_blocking(move || source.on_secret_rolled(&id, new_secret)).await;
    }

    /// The checks every authenticated request passes, in order: the token is not revoked,
    /// not expired, and within its rate limit (which this request then counts against).
    pub(crate) fn admit(&self, token: &SandboxToken) -> Result<(), Reject> {
        let now = self.now();
        let record = &token.record;
        if record.revoked_at.is_some_and(|at| at <= now) {
            return Err(Reject::unauthorized(format!(
                "Token '{}' was revoked; revoked tokens stop working at once. Create a new token.",
                record.name
            )));
        }
        if let Some(expired) = record.expires.filter(|at| *at <= now) {
            return Err(Reject::unauthorized(format!(
                "Token '{}' expired at {}. Create a new token or extend its expiry.",
                record.name,
                expired.to_rfc3339()
            )));
        }
        let limit = record.rate_limit.max(1);
        let window = now.timestamp().div_euclid(WINDOW_SECS);
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        let entry = windows.entry(record.id.clone()).or_insert((window, 0));
        if entry.0 != window {
            *entry = (window, 0);
        }
        if entry.1 >= limit {
            let retry_after = (WINDOW_SECS - now.timestamp().rem_euclid(WINDOW_SECS)) as u64;
            return Err(Reject::rate_limited(limit, retry_after));
        }
        entry.1 += 1;
        Ok(())
    }

    fn cache_fresh(&self) -> bool {
        self.lock_cache().loaded_at.is_some_and(|t| t.elapsed() < CACHE_TTL)
    }

    fn lock_cache(&self) -> std::sync::MutexGuard<'_, TokenCache> {
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Scopes in `required` that `token` lacks, in the order required.
pub(crate) fn missing_scopes<'a>(token: &SandboxToken, required: &[&'a str]) -> Vec<&'a str> {
    required.iter().copied().filter(|r| !token.record.scopes.iter().any(|s| s == r)).collect()
}
