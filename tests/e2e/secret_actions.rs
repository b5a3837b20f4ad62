//! The two explicit, timed secret actions, end to end: Reveal shows the secret and hides it by
//! itself, and Copy puts it on the X clipboard (read back with `xclip`) and clears it, unless
//! the user copied something else meanwhile. The app runs with its timers shortened through
//! `TOKENBENCH_REVEAL_MS` and `TOKENBENCH_CLIPBOARD_CLEAR_MS` (which can only shorten them), so
//! the tests need not wait the real 10 s and 30 s.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tokenbench_core::app_info::{CLIPBOARD_CLEAR_MS_VAR, REVEAL_MS_VAR};

use crate::support::app::{with_app_using, AppSession, Launch};
use crate::support::cli::add_token;

/// The shortened timers, in milliseconds.
const REVEAL_MS: u64 = 3_000;
const CLEAR_MS: u64 = 3_000;

fn launch(var: &str, ms: u64) -> Launch {
    Launch { env: vec![(var.to_owned(), ms.to_string())] }
}

impl AppSession {
    /// Opens the details of the token named `name` from its inventory row.
    async fn open_details(&self, name: &str) {
        self.click_css(&format!("[data-testid=\"token-row\"][data-name=\"{name}\"] .name"), &format!("the name of '{name}'")).await;
        self.wait_visible("token-detail").await;
    }
}

#[tokio::test]
async fn reveal_shows_the_secret_then_hides_it_by_itself_after_the_reveal_time() {
    const SECRET: &str = "sk_test_e2ereveal0123456789abcdefC";
    with_app_using("e2e::secret_actions::reveal", launch(REVEAL_MS_VAR, REVEAL_MS), |app: AppSession| async move {
        add_token(&app.data_dir, "revealed", SECRET, &[]);
        app.reload().await;
        app.open_details("revealed").await;
        let masked = app.text_of("detail-masked").await;
        assert_eq!(masked, "sk_test_••••defC", "before Reveal the panel shows the mask");

        app.click("reveal").await;
        let clicked = Instant::now();
        app.wait_until("the secret to be shown", &format!("document.querySelector('[data-testid=detail-masked]')?.innerText === '{SECRET}'")).await;
        let countdown = app.text_of("reveal-seconds").await;
        assert!(countdown.starts_with("Hides in "), "a countdown says when it hides: {countdown:?}");
        app.screenshot("revealed").await;

        app.wait_until("the secret to hide by itself", &format!("document.querySelector('[data-testid=detail-masked]')?.innerText === '{masked}'")).await;
        let shown_for = clicked.elapsed();
        assert!(
            shown_for >= Duration::from_millis(REVEAL_MS - 500),
            "the secret stays shown for the reveal time ({REVEAL_MS} ms), not {shown_for:?}"
        );
        let page = app.client.source().await.unwrap_or_else(|e| panic!("page source: {e:?}"));
        assert!(!page.contains(&SECRET[8..]), "once hidden, the page holds no trace of the secret");
        app.screenshot("hidden-again").await;
    })
    .await;
}

/// What the X clipboard holds now, as `xclip -o` reads it ("" when nothing is offered).
fn clipboard() -> String {
    let out = Command::new("timeout")
        .args(["5", "xclip", "-o", "-selection", "clipboard"])
        .output()
        .expect("xclip runs (`bash .ci/setup` installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Copies `text` to the X clipboard from another program, as a user copying elsewhere would.
/// (`xclip -i` stays behind to serve it until something else is copied or the display ends.)
fn copy_elsewhere(text: &str) {
    let mut child = Command::new("xclip")
        .args(["-i", "-selection", "clipboard"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("xclip runs (`bash .ci/setup` installs it)");
    child.stdin.take().expect("stdin").write_all(text.as_bytes()).expect("xclip takes the text");
    assert!(child.wait().expect("xclip finishes").success(), "xclip could not copy");
}

/// Polls the clipboard until `done` holds for it, or fails after `within` naming `what`.
async fn wait_for_clipboard(what: &str, within: Duration, done: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + within;
    loop {
        let now = clipboard();
        if done(&now) {
            return now;
        }
        assert!(Instant::now() < deadline, "waited {within:?} for {what}; the clipboard holds {} characters", now.len());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn copy_puts_the_secret_on_the_clipboard_and_clears_it_unless_something_else_was_copied() {
    const SECRET: &str = "sk_test_e2ecopy0123456789abcdefD";
    const OTHER: &str = "something the user copied meanwhile";
    with_app_using("e2e::secret_actions::copy", launch(CLIPBOARD_CLEAR_MS_VAR, CLEAR_MS), |app: AppSession| async move {
        add_token(&app.data_dir, "copied", SECRET, &[]);
        app.reload().await;
        app.open_details("copied").await;

        // Copy: the secret is on the clipboard, never in the page, and gone after the delay.
        app.click("copy").await;
        let copied = Instant::now();
        wait_for_clipboard("the secret on the clipboard", Duration::from_secs(10), |c| c == SECRET).await;
        let page = app.client.source().await.unwrap_or_else(|e| panic!("page source: {e:?}"));
        assert!(!page.contains(&SECRET[8..]), "copying is done in Rust: the page never holds the secret");
        app.screenshot("copied").await;
        wait_for_clipboard("the copied secret to be cleared", Duration::from_millis(CLEAR_MS) + Duration::from_secs(10), |c| !c.contains(SECRET)).await;
        let kept_for = copied.elapsed();
        assert!(kept_for >= Duration::from_millis(CLEAR_MS - 500), "the secret stays on the clipboard for the clear delay ({CLEAR_MS} ms), not {kept_for:?}");

        // Copy again, then copy something else: the timer must leave the user's copy alone.
        app.click("copy").await;
        wait_for_clipboard("the secret on the clipboard again", Duration::from_secs(10), |c| c == SECRET).await;
        copy_elsewhere(OTHER);
        wait_for_clipboard("the other program's text", Duration::from_secs(5), |c| c == OTHER).await;
        tokio::time::sleep(Duration::from_millis(CLEAR_MS) + Duration::from_secs(2)).await;
        assert_eq!(clipboard(), OTHER, "after the clear delay, what the user copied since is still there");
    })
    .await;
}
