//! How a test that cannot run on this machine says so: the one skip policy of every test in
//! the workspace (the core's unit tests, the CLI's tests and the integration tests).
//!
//! Why a skip exists at all: `cargo test` on a developer's shell may lack a display, a D-Bus
//! session, `openssl`, `python3` or `node`, and a red test that only says "not installed"
//! teaches nothing. Why it is loud and can be forbidden: a silent skip looks like a pass, and
//! that is how a cross-check can stop checking anything without anyone noticing.
//!
//! - A skip prints one line, `SKIPPED: <test>: <why>`, straight to the process's stderr (the
//!   test harness captures `eprintln!`, which would hide it), so a person sees it and `.ci/run`
//!   counts it in its closing line.
//! - With [`REQUIRE_ALL`]`=1` (which `.ci/run` always sets) a skip is a failure instead: the
//!   test panics with the same reason.

use std::io::Write;
use std::process::{Command, Stdio};

/// The one environment variable that turns every would-be skip into a failure.
pub const REQUIRE_ALL: &str = "TOKENBENCH_REQUIRE_ALL";

/// The marker that starts a skip line; `.ci/run` counts its occurrences.
pub const MARKER: &str = "SKIPPED:";

/// True when skipping is forbidden (`TOKENBENCH_REQUIRE_ALL=1`).
pub fn required() -> bool {
    std::env::var(REQUIRE_ALL).is_ok_and(|value| value == "1")
}

/// The running test's name: libtest runs each test on a thread named after it.
fn current_test() -> String {
    std::thread::current().name().unwrap_or("a test").to_owned()
}

/// Reports that the running test cannot run here because of `why`, then returns so the caller
/// can `return`. Panics (failing the test) with `why` when [`required`]; otherwise prints
/// `SKIPPED: <test>: <why>` on stderr, uncaptured.
#[track_caller]
pub fn skip(why: &str) {
    let test = current_test();
    if required() {
        panic!("{test} cannot run here: {why} ({REQUIRE_ALL}=1 forbids skipping it)");
    }
    let _ = writeln!(std::io::stderr(), "{MARKER} {test}: {why}");
}

/// True when every program in `programs` can be started (looked up on PATH). Otherwise skips
/// the running test (see [`skip`]) naming the missing ones and what installs them, and returns
/// false.
#[track_caller]
pub fn tools_available(programs: &[&str]) -> bool {
    let missing: Vec<&str> = programs.iter().copied().filter(|p| !can_start(p)).collect();
    if missing.is_empty() {
        return true;
    }
    skip(&format!("{} not installed (`bash .ci/setup` installs it)", missing.join(" and ")));
    false
}

/// True when `program` can be started at all (its exit status does not matter).
fn can_start(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_present_program_is_available_and_a_missing_one_is_not() {
        // `cargo` runs this test, so it can be started; the other name exists nowhere.
        assert!(can_start("cargo"), "cargo runs the tests, so it can be started");
        assert!(!can_start("tokenbench-no-such-program-7f3a"), "a missing program cannot be started");
    }

    #[test]
    fn the_test_name_comes_from_libtests_thread_name() {
        assert!(
            current_test().ends_with("the_test_name_comes_from_libtests_thread_name"),
            "the skip line names the test that skipped, got {}",
            current_test()
        );
    }
}
