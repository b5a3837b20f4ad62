//! The app starts, its window appears, and its page renders: the floor every other end-to-end
//! test stands on. If this fails, the others would fail for a reason they do not name.

use std::process::Command;

use crate::support::app::{with_app, AppSession};

/// The smallest window tauri.conf.json allows; a shown window is at least this big.
const MIN_WIDTH: u64 = 860;
const MIN_HEIGHT: u64 = 560;

#[tokio::test]
async fn app_window_opens_titled_tokenbench_and_renders_its_page() {
    with_app("e2e::smoke::app_window_opens", |app: AppSession| async move {
        app.wait_until("the page to finish loading", "document.readyState === 'complete'").await;
        let title = app.client.title().await.expect("WebDriver reads the page title");
        assert_eq!(title, "Tokenbench", "the page title names the app");

        let text = app
            .wait_until("the page body to show some text", "document.body && document.body.innerText.trim()")
            .await;
        assert!(text.as_str().is_some_and(|t| !t.is_empty()), "the body renders visible text, got {text}");

        let (width, height) = app.client.get_window_size().await.expect("WebDriver reads the window size");
        assert!(
            width >= MIN_WIDTH && height >= MIN_HEIGHT,
            "the window is shown at least at its minimum size {MIN_WIDTH}x{MIN_HEIGHT}, got {width}x{height}"
        );

        // The native window exists on the X display with the title from tauri.conf.json.
        let tree = Command::new("xwininfo").args(["-root", "-tree"]).output().expect("xwininfo runs (x11-utils)");
        let tree = String::from_utf8_lossy(&tree.stdout);
        assert!(tree.contains("\"Tokenbench\""), "an X window titled Tokenbench is on the display:\n{tree}");

        // The app works in the folders the harness made for this test, so scans of `app.root`
        // for leaked secrets look where the app really writes.
        let env = app.app_environment().expect("the app process runs with this test's TOKENBENCH_DATA_DIR");
        for var in ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"] {
            let value = env.iter().find(|(k, _)| k == var).map(|(_, v)| v.as_str()).unwrap_or("");
            assert!(value.starts_with(&*app.root.to_string_lossy()), "{var} points into the test's folder, got {value:?}");
        }

        // What a person would see; kept under the artifacts folder for a look.
        let png = app.screenshot("window").await;
        let (shot_w, shot_h) = png_size(&png).expect("the screenshot is a PNG");
        assert!(shot_w >= MIN_WIDTH && shot_h >= 100, "the screenshot shows the window's page, got {shot_w}x{shot_h}");
    })
    .await;
}

/// Width and height from a PNG's IHDR chunk, or None when `bytes` is not a PNG.
fn png_size(bytes: &[u8]) -> Option<(u64, u64)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || &bytes[..8] != SIGNATURE || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    Some((be(&bytes[16..20]), be(&bytes[20..24])))
}
