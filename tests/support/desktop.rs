//! Whether this test process runs inside a desktop session (an X display and a D-Bus session
//! bus), which the end-to-end and real-keychain tests need.
//!
//! Without one the test is skipped loudly, or fails when the run requires every test
//! (`TOKENBENCH_REQUIRE_ALL=1`, which `.ci/run` sets): the one skip policy of the workspace,
//! `tokenbench_core::skip`. `.ci/run` also runs the tests under `.ci/with-keyring`, so in CI
//! these tests always run, and a missing display or bus there is a failure.

use tokenbench_core::skip;

/// Returns true when both `DISPLAY` and `DBUS_SESSION_BUS_ADDRESS` are set, so the running
/// test may use them. Otherwise skips it (see `tokenbench_core::skip::skip`) naming what is
/// missing and how to get a session (`bash .ci/with-keyring cargo test`), and returns false.
#[track_caller]
pub fn session_available() -> bool {
    let missing: Vec<&str> = ["DISPLAY", "DBUS_SESSION_BUS_ADDRESS"]
        .into_iter()
        .filter(|name| std::env::var_os(name).is_none_or(|value| value.is_empty()))
        .collect();
    if missing.is_empty() {
        return true;
    }
    skip::skip(&format!(
        "it needs a desktop session but {} {} not set; run it with `bash .ci/with-keyring cargo test` (or `bash .ci/run`)",
        missing.join(" and "),
        if missing.len() == 1 { "is" } else { "are" }
    ));
    false
}
