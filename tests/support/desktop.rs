//! Whether this test process runs inside a desktop session (an X display and a D-Bus session
//! bus), which the end-to-end and real-keychain tests need.
//!
//! Why a skip exists at all: `cargo test` on a developer's headless shell has neither, and a
//! red test that only says "no display" teaches nothing. Why the skip is loud and can be
//! forbidden: a silent skip looks like a pass. `.ci/run` sets `TOKENBENCH_REQUIRE_E2E=1` and
//! runs the tests under `.ci/with-keyring`, so in CI these tests always run, and a missing
//! display or bus there is a failure.

use std::io::Write;

/// The environment variable that turns a would-be skip into a failure (set by `.ci/run`).
pub const REQUIRE_E2E: &str = "TOKENBENCH_REQUIRE_E2E";

/// Returns true when both `DISPLAY` and `DBUS_SESSION_BUS_ADDRESS` are set, so `test` may run.
///
/// When one is missing it prints a loud SKIPPED line naming `test` and what is missing and
/// returns false, unless `TOKENBENCH_REQUIRE_E2E=1`, in which case it panics (the test fails)
/// with the same explanation and how to get a session (`bash .ci/with-keyring cargo test`).
pub fn session_available(test: &str) -> bool {
    let missing: Vec<&str> = ["DISPLAY", "DBUS_SESSION_BUS_ADDRESS"]
        .into_iter()
        .filter(|name| std::env::var_os(name).is_none_or(|value| value.is_empty()))
        .collect();
    if missing.is_empty() {
        return true;
    }
    let why = format!(
        "{test} needs a desktop session but {} {} not set; run it with \
         `bash .ci/with-keyring cargo test` (or `bash .ci/run`)",
        missing.join(" and "),
        if missing.len() == 1 { "is" } else { "are" }
    );
    if std::env::var(REQUIRE_E2E).is_ok_and(|value| value == "1") {
        panic!("{why} ({REQUIRE_E2E}=1 forbids skipping)");
    }
    // Straight to stderr: the test harness captures `eprintln!`, which would hide the skip.
    let _ = writeln!(std::io::stderr(), "\n!!!!!!!! SKIPPED: {why} !!!!!!!!\n");
    false
}
