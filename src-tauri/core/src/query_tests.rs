//! Why these exist: the inventory table, the CLI's `token list` and the 10,000-token benchmark
//! all go through `list`; these pin down search, each filter and each sort with a fixed clock.

use super::*;
use crate::metadata::tests::record;
use chrono::{Duration, TimeZone};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).single().expect("valid date")
}

fn sample() -> Vec<TokenRecord> {
    let mut a = record("Mobile App");
    a.provider = "pixlpay".into();
    a.tags = vec!["mobile".into()];
    a.expires = Some(now() + Duration::days(3));
    let mut b = record("deploy-script");
    b.environment = Environment::Test;
    b.expires = Some(now() - Duration::days(1));
    b.notes = "CI pipeline".into();
    let mut c = record("Analytics");
    c.revoked_at = Some(now() - Duration::days(10));
    c.last_used = Some(now() - Duration::days(11));
    let mut d = record("old-integration");
    d.created = now() - Duration::days(200);
    d.last_rotated = Some(now() - Duration::days(120));
    vec![a, b, c, d]
}

fn names(views: &[TokenView]) -> Vec<&str> {
    views.iter().map(|v| v.record.name.as_str()).collect()
}

#[test]
fn an_empty_query_lists_everything_sorted_by_name_case_insensitively() {
    let v = list(&sample(), &ListQuery::default(), &Profiles::bundled(), now());
    assert_eq!(names(&v), ["Analytics", "deploy-script", "Mobile App", "old-integration"]);
}

#[test]
fn search_matches_every_word_across_name_notes_and_tags() {
    let p = Profiles::bundled();
    let q = |s: &str| ListQuery { search: Some(s.into()), ..Default::default() };
    assert_eq!(names(&list(&sample(), &q("ci PIPELINE"), &p, now())), ["deploy-script"], "notes, any case");
    assert_eq!(names(&list(&sample(), &q("mobile"), &p, now())), ["Mobile App"], "name or tag");
    assert!(list(&sample(), &q("mobile pipeline"), &p, now()).is_empty(), "all words must match");
}

#[test]
fn each_status_filter_uses_the_clock_passed_in() {
    let p = Profiles::bundled();
    let by = |s| names(&list(&sample(), &ListQuery { status: Some(s), ..Default::default() }, &p, now()))
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    assert_eq!(by(StatusFilter::Expired), ["deploy-script"]);
    assert_eq!(by(StatusFilter::Revoked), ["Analytics"]);
    assert_eq!(by(StatusFilter::ExpiresSoon), ["Mobile App"]);
    assert_eq!(by(StatusFilter::RotationDue), ["old-integration"]);
    assert_eq!(by(StatusFilter::Active), ["Mobile App", "old-integration"]);
}

#[test]
fn provider_environment_and_tag_filters_combine() {
    let p = Profiles::bundled();
    let q = ListQuery { provider: Some("pandabase".into()), environment: Some(Environment::Test), ..Default::default() };
    assert_eq!(names(&list(&sample(), &q, &p, now())), ["deploy-script"]);
    let q = ListQuery { tag: Some("MOBILE".into()), ..Default::default() };
    assert_eq!(names(&list(&sample(), &q, &p, now())), ["Mobile App"]);
}

#[test]
fn sorting_by_expiry_puts_never_expiring_tokens_last_and_descending_reverses() {
    let p = Profiles::bundled();
    let q = ListQuery { sort: Some(SortKey::Expires), ..Default::default() };
    assert_eq!(names(&list(&sample(), &q, &p, now())), ["deploy-script", "Mobile App", "Analytics", "old-integration"]);
    let q = ListQuery { sort: Some(SortKey::Expires), descending: true, ..Default::default() };
    assert_eq!(names(&list(&sample(), &q, &p, now()))[..2], ["old-integration", "Analytics"]);
}

#[test]
fn a_view_carries_the_provider_display_name_from_its_profile() {
    let v = list(&sample(), &ListQuery::default(), &Profiles::bundled(), now());
    let mobile = v.iter().find(|v| v.record.name == "Mobile App").expect("present");
    assert_eq!(mobile.provider_name, "Pixlpay");
}
