//! A token's lifecycle (active, expiring soon, due for rotation, expired, revoked) is derived,
//! never stored: it depends on the clock, so it is computed from the record and a `now` the
//! caller passes in. That keeps every boundary (the very second of expiry, the day rotation
//! falls due) testable with a fixed clock, and means a stale "active" can never be saved.

use chrono::{DateTime, Duration, Utc};

use crate::token::{Status, TokenRecord};

/// A token expiring within this many days (inclusive) is flagged `expires_soon`.
pub const EXPIRES_SOON_DAYS: i64 = 14;

/// Everything the inventory shows about where a token is in its life, at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifecycle {
    /// Revoked wins over expired, expired over active.
    pub status: Status,
    /// Active and expiring at most [`EXPIRES_SOON_DAYS`] days from now.
    pub expires_soon: bool,
    /// Active and `rotation_due_at <= now`.
    pub rotation_due: bool,
    /// When the next rotation is recommended: (`last_rotated`, else `created`) + `rotation_days`.
    pub rotation_due_at: DateTime<Utc>,
    /// Whole days until expiry, rounded down (so 0 on the last day and negative once expired);
    /// `None` when the token never expires.
    pub days_to_expiry: Option<i64>,
}

/// The token's status at `now`: `Revoked` if `revoked_at` is set (whenever it was), else
/// `Expired` once `expires <= now` (a token is dead at its expiry instant), else `Active`.
pub fn status(r: &TokenRecord, now: DateTime<Utc>) -> Status {
    if r.revoked_at.is_some() {
        Status::Revoked
    } else if r.expires.is_some_and(|e| e <= now) {
        Status::Expired
    } else {
        Status::Active
    }
}

/// The full lifecycle at `now`. Never fails: a rotation date beyond the calendar's range
/// (absurd `rotation_days`) is clamped to the latest representable instant, i.e. "never due".
pub fn lifecycle(r: &TokenRecord, now: DateTime<Utc>) -> Lifecycle {
    let status = status(r, now);
    let active = status == Status::Active;
    let rotation_due_at = rotation_due_at(r);
    let soon = Duration::days(EXPIRES_SOON_DAYS);
    Lifecycle {
        status,
        expires_soon: active && r.expires.is_some_and(|e| e - now <= soon),
        rotation_due: active && rotation_due_at <= now,
        rotation_due_at,
        days_to_expiry: r.expires.map(|e| (e - now).num_seconds().div_euclid(86_400)),
    }
}

/// (`last_rotated`, else `created`) + `rotation_days` days, clamped to the calendar's end.
fn rotation_due_at(r: &TokenRecord) -> DateTime<Utc> {
    let base = r.last_rotated.unwrap_or(r.created);
    base.checked_add_signed(Duration::days(i64::from(r.rotation_days)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::DEFAULT_ROTATION_DAYS;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).single().expect("valid date")
    }

    fn record(created: DateTime<Utc>) -> TokenRecord {
        let mut r = TokenRecord::new("t1", "deploy", "pixlpay", created);
        r.masked = "sk_live_••••abcd".into();
        r
    }

    #[test]
    fn a_token_is_expired_at_the_exact_instant_of_expiry_not_one_second_later() {
        let now = at(2025, 3, 1);
        let mut r = record(at(2025, 1, 1));
        r.expires = Some(now);
        assert_eq!(status(&r, now), Status::Expired, "expires == now must already be expired");
        assert_eq!(status(&r, now - Duration::seconds(1)), Status::Active, "one second before expiry is still active");
        assert_eq!(status(&r, now + Duration::seconds(1)), Status::Expired);
    }

    #[test]
    fn a_token_without_expiry_never_expires() {
        let r = record(at(2000, 1, 1));
        let l = lifecycle(&r, at(2099, 1, 1));
        assert_ne!(l.status, Status::Expired);
        assert!(!l.expires_soon, "no expiry date means never expiring soon");
        assert_eq!(l.days_to_expiry, None);
    }

    #[test]
    fn revoked_wins_over_expired_and_is_never_soon_or_due() {
        let now = at(2025, 6, 1);
        let mut r = record(at(2024, 1, 1));
        r.expires = Some(now - Duration::days(3));
        r.revoked_at = Some(now - Duration::days(10));
        let l = lifecycle(&r, now);
        assert_eq!(l.status, Status::Revoked, "a revoked token must show revoked even after its expiry");
        assert!(!l.rotation_due, "nobody should be told to rotate a revoked token");
        assert!(!l.expires_soon);
    }

    #[test]
    fn revocation_counts_even_if_dated_in_the_future() {
        let now = at(2025, 6, 1);
        let mut r = record(at(2025, 1, 1));
        r.revoked_at = Some(now + Duration::days(1));
        assert_eq!(status(&r, now), Status::Revoked, "revoked_at set means revoked, whatever its clock said");
    }

    #[test]
    fn expires_soon_is_inclusive_at_fourteen_days_and_false_one_second_beyond() {
        let now = at(2025, 3, 1);
        let mut r = record(at(2025, 2, 1));
        r.expires = Some(now + Duration::days(EXPIRES_SOON_DAYS));
        let l = lifecycle(&r, now);
        assert!(l.expires_soon, "exactly 14 days left is 'soon'");
        assert_eq!(l.days_to_expiry, Some(14));
        r.expires = Some(now + Duration::days(EXPIRES_SOON_DAYS) + Duration::seconds(1));
        assert!(!lifecycle(&r, now).expires_soon, "14 days and a second is not yet 'soon'");
    }

    #[test]
    fn an_expired_token_is_not_expiring_soon_and_has_negative_days() {
        let now = at(2025, 3, 1);
        let mut r = record(at(2025, 1, 1));
        r.expires = Some(now - Duration::seconds(1));
        let l = lifecycle(&r, now);
        assert_eq!(l.status, Status::Expired);
        assert!(!l.expires_soon, "expired is its own state, not 'soon'");
        assert_eq!(l.days_to_expiry, Some(-1), "one second past expiry is day -1, not 0");
        r.expires = Some(now + Duration::seconds(1));
        let l = lifecycle(&r, now);
        assert!(l.expires_soon);
        assert_eq!(l.days_to_expiry, Some(0), "the last day counts as 0 days left");
    }

    #[test]
    fn rotation_falls_due_exactly_rotation_days_after_creation() {
        let created = at(2025, 1, 1);
        let r = record(created);
        let due = created + Duration::days(i64::from(DEFAULT_ROTATION_DAYS));
        let l = lifecycle(&r, due);
        assert_eq!(l.rotation_due_at, due);
        assert!(l.rotation_due, "due at the exact instant");
        assert!(!lifecycle(&r, due - Duration::seconds(1)).rotation_due, "one second early is not due");
    }

    #[test]
    fn rotation_counts_from_the_last_rotation_not_creation() {
        let mut r = record(at(2024, 1, 1));
        let rotated = at(2025, 1, 1);
        r.last_rotated = Some(rotated);
        r.rotation_days = 30;
        let l = lifecycle(&r, at(2025, 1, 20));
        assert_eq!(l.rotation_due_at, rotated + Duration::days(30));
        assert!(!l.rotation_due, "rotated 19 days ago with a 30-day policy is not due, though created long ago");
    }

    #[test]
    fn an_expired_token_is_not_rotation_due() {
        let now = at(2025, 12, 1);
        let mut r = record(at(2025, 1, 1));
        r.expires = Some(at(2025, 11, 1));
        let l = lifecycle(&r, now);
        assert!(l.rotation_due_at <= now, "precondition: the date has passed");
        assert!(!l.rotation_due, "rotation only matters for tokens still in use");
    }

    #[test]
    fn an_absurd_rotation_interval_clamps_instead_of_panicking() {
        let mut r = record(at(2025, 1, 1));
        r.rotation_days = u32::MAX;
        let l = lifecycle(&r, at(2025, 2, 1));
        assert_eq!(l.rotation_due_at, DateTime::<Utc>::MAX_UTC);
        assert!(!l.rotation_due);
    }
}
