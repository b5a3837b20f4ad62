//! The Usage and Logs views in the real app, after real sends: a new user first sees how to
//! make a first call; after three sends from the tester (the app writes the log) and one from
//! the CLI (another process writes the same log), the Usage page shows the right totals and a
//! chart that was really drawn on its canvas, the Logs view lists and filters the rows, and the
//! provider's own log (the sandbox's Pandabase api-logs) is shown labelled as the provider's.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::app::{with_app, AppSession};
use crate::support::page::tid;

/// The CLI built beside the app: it shares the data folder and keychain.
fn cli(data: &Path, args: &[&str]) {
    let bin = Path::new(env!("CARGO_BIN_EXE_tokenbench-app")).with_file_name("tokenbench");
    let out = Command::new(&bin)
        .args(args)
        .env("TOKENBENCH_DATA_DIR", data)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("run {} (built by `cargo test --workspace`): {e}", bin.display()));
    assert!(out.status.success(), "tokenbench {args:?}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

/// Non-transparent pixels on the chart's canvas: more than a handful means uPlot drew on it.
const PAINTED: &str = "(() => { const c = document.querySelector('[data-testid=\"usage-chart\"] canvas'); if (!c || !c.width) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()";

impl AppSession {
    async fn tile(&self, id: &str) -> String {
        self.text_of(&format!("tile-{id}")).await.lines().nth(1).unwrap_or_default().trim().to_owned()
    }

    async fn rows(&self, id: &str) -> u64 {
        let v = self.client.execute(&format!("return document.querySelectorAll('{}').length", tid(id)), vec![]).await.expect("count rows");
        v.as_u64().unwrap_or_default()
    }
}

#[tokio::test]
async fn usage_shows_the_right_totals_and_a_drawn_chart_after_sends() {
    with_app("e2e::usage::after_sends", |app: AppSession| async move {
        // A new user: the Usage page says how to make a first call.
        app.wait_visible("nav-usage").await;
        app.wait_until("the app to finish opening", "!document.querySelector('.content > .loading')").await;
        app.click("nav-usage").await;
        app.wait_visible("usage-empty").await;
        assert!(app.text_of("usage-empty").await.contains("Send your first request"));
        app.screenshot("usage-empty").await;

        // Three 200s from the tester with a Pandabase sandbox token.
        app.click("nav-tester").await;
        app.click("sandbox-start").await;
        app.wait_until("the sandbox to run", &format!("document.querySelector('{}')?.innerText.includes('8787')", tid("sandbox-status"))).await;
        app.choose("sandbox-provider", "pandabase").await;
        app.click("sandbox-create-token").await;
        app.wait_until("the sandbox token to be selected", &format!("document.querySelector('{}').value", tid("tester-token"))).await;
        app.choose("tester-method", "GET").await;
        app.type_into("tester-url", "/v2/core/stores/{storeId}/products").await;
        for i in 1..=3 {
            let _ = app.client.execute(&format!("const e = document.querySelector('{}'); if (e) e.dataset.status = '';", tid("response-status")), vec![]).await;
            app.click("tester-send").await;
            let status = app.wait_until(&format!("answer {i}"), &format!("document.querySelector('{}')?.dataset.status", tid("response-status"))).await;
            assert_eq!(status, "200", "send {i} from the tester");
        }
        // A 403 sent by the CLI while the app is running: a second process writing the log.
        cli(&app.data_dir, &["sandbox", "token", "--provider", "pixlpay", "--scopes", "orders:read", "--name", "narrow"]);
        cli(&app.data_dir, &["send", "--token", "narrow", "/v1/store/products"]);

        // Overall usage: 4 requests, 1 error (25 %), and a chart really drawn.
        app.click("nav-usage").await;
        app.wait_until("four requests on the Usage page", &format!("document.querySelector('{}')?.innerText.includes('4')", tid("tile-total"))).await;
        assert_eq!(app.tile("total").await, "4");
        assert_eq!(app.tile("today").await, "4");
        assert_eq!(app.tile("error-rate").await, "25.0 %");
        app.wait_until("the chart to be drawn", &format!("document.querySelector('{}')?.dataset.drawn === 'true'", tid("usage-chart"))).await;
        let painted = app.wait_until("pixels on the chart's canvas", PAINTED).await;
        assert!(painted.as_u64().unwrap_or(0) > 200, "the canvas holds a drawn chart: {painted} painted pixels");
        let endpoints = app.text_of("usage-endpoints").await;
        assert!(endpoints.contains("/v2/core/stores/{storeId}/products") && endpoints.contains("/v1/store/products"), "{endpoints}");
        assert_eq!(app.rows("recent-call").await, 4);
        app.choose("recent-status", "4xx").await;
        app.wait_until("the 4xx filter", &format!("document.querySelectorAll('{}').length === 1", tid("recent-call"))).await;
        app.click("usage-range-7d").await;
        app.wait_until("the 7-day chart", &format!("document.querySelector('{}')?.dataset.points === '7'", tid("usage-chart"))).await;
        app.screenshot("usage-overall").await;

        // One token from its detail panel: only its three requests.
        app.click("nav-inventory").await;
        let row = "[data-testid=\"token-row\"][data-name^=\"Pandabase sandbox\"]";
        app.wait_until("the sandbox token in the inventory", &format!("document.querySelector('{row}')")).await;
        app.client.execute(&format!("document.querySelector('{row}').click()"), vec![]).await.expect("open the token");
        app.click("open-usage").await;
        app.wait_until("the token's usage", &format!("document.querySelector('{}')?.innerText.trim().endsWith('3')", tid("tile-total"))).await;
        assert_eq!(app.tile("error-rate").await, "0 %");
        app.screenshot("usage-token").await;

        // Logs: every row, a status filter, and the provider's own log beside the local one.
        app.click("nav-logs").await;
        app.wait_until("four log rows", &format!("document.querySelectorAll('{}').length === 4", tid("log-row"))).await;
        assert!(app.text_of("logs-range-text").await.contains("of 4"), "{}", app.text_of("logs-range-text").await);
        app.screenshot("logs").await;
        app.choose("logs-status", "403").await;
        app.wait_until("one 403 row", &format!("document.querySelectorAll('{}').length === 1", tid("log-row"))).await;
        app.choose("logs-status", "").await;
        let token = app.client.execute("return [...document.querySelector('[data-testid=\"logs-token\"]').options].find(o => o.text.startsWith('Pandabase sandbox')).value", vec![]).await.expect("token option");
        app.choose("logs-token", token.as_str().expect("an id")).await;
        app.click("logs-tab-provider").await;
        app.wait_until("the provider's rows", &format!("document.querySelectorAll('{}').length >= 3", tid("provider-log-row"))).await;
        assert!(app.text_of("provider-log-label").await.contains("Pandabase's log"), "labelled as the provider's");
        app.screenshot("logs-provider").await;
    })
    .await;
}
