//! The request tester in the real app against the real loopback sandbox, as a new user would
//! try it: start the sandbox, create a sandbox token per provider, send, read the answer. Also
//! the two failures the tester must explain: a wrong secret (401) and a missing scope (403
//! with the permissions listed).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::app::{with_app, AppSession};
use crate::support::page::tid;

/// The CLI built beside the app: it shares the data folder and keychain.
fn cli(data: &Path, args: &[&str], stdin: &str) {
    let bin = Path::new(env!("CARGO_BIN_EXE_tokenbench-app")).with_file_name("tokenbench");
    let mut child = Command::new(&bin)
        .args(args)
        .env("TOKENBENCH_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("run {} (built by `cargo test --workspace`): {e}", bin.display()));
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "tokenbench {args:?}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

fn token_id(data: &Path, name: &str) -> String {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(data.join("tokens.json")).expect("metadata")).expect("json");
    v["tokens"].as_array().expect("tokens").iter().find(|t| t["name"] == name).and_then(|t| t["id"].as_str()).expect("token by name").to_owned()
}

impl AppSession {
    async fn send_and_wait(&self) -> u64 {
        self.click("tester-send").await;
        let status = self
            .wait_until("a response status", &format!("document.querySelector('{}')?.dataset.status", tid("response-status")))
            .await;
        status.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("status is a number: {status}"))
    }

    async fn clear_response(&self) {
        let _ = self.client.execute(&format!("const e = document.querySelector('{}'); if (e) e.dataset.status = '';", tid("response-status")), vec![]).await;
    }
}

#[tokio::test]
async fn each_provider_answers_200_from_the_sandbox_and_failures_are_explained() {
    with_app("e2e::tester::providers", |app: AppSession| async move {
        // Prepared with the CLI on the same data folder and keychain: a token whose secret the
        // sandbox never issued, and a sandbox token lacking PRODUCTS_READ.
        cli(&app.data_dir, &["token", "add", "--name", "typo", "--provider", "pixlpay", "--env", "test",
            "--base-url", "http://127.0.0.1:8787/pixlpay", "--scopes", "products:read"], "sk_test_notissuedbythesandbox42");
        cli(&app.data_dir, &["sandbox", "token", "--provider", "pandabase", "--scopes", "ORDERS_READ", "--name", "narrow"], "");

        app.click("nav-tester").await;
        app.click("sandbox-start").await;
        app.wait_until("the sandbox to run", &format!("document.querySelector('{}')?.innerText.includes('8787')", tid("sandbox-status"))).await;

        // (provider, HMAC?, path) — each a documented endpoint of that provider.
        let cases = [
            ("pandabase", false, "/v2/core/stores/{storeId}/products"),
            ("pandabase", true, "/v2/core/stores/{storeId}/products"),
            ("pixlpay", false, "/v1/store/products"),
            ("pacspace", false, "/api/v1/balance/derive/customer_001"),
            ("commerce", false, "/api/v1/services?page=1&per_page=5"),
            ("shipped", false, "/v1/widgets/config"),
        ];
        for (provider, hmac, path) in cases {
            app.choose("sandbox-provider", provider).await;
            if provider == "pandabase" {
                app.choose("sandbox-auth-mode", if hmac { "hmac" } else { "bearer" }).await;
            }
            let before = app.client.execute(&format!("return document.querySelector('{}').value", tid("tester-token")), vec![]).await.expect("picker");
            app.click("sandbox-create-token").await;
            app.wait_until("the new sandbox token to be selected", &format!("document.querySelector('{}').value !== {before}", tid("tester-token"))).await;
            app.choose("tester-method", "GET").await;
            app.type_into("tester-url", path).await;
            app.clear_response().await;
            let status = app.send_and_wait().await;
            app.screenshot(&format!("{provider}{}", if hmac { "-hmac" } else { "" })).await;
            assert_eq!(status, 200, "{provider} (hmac: {hmac}) via the UI: {}", app.text_of("response-body").await);
            if hmac {
                let debug = app.text_of("hmac-debug").await;
                assert!(debug.contains("64") || debug.to_lowercase().contains("signature"), "the HMAC debugger shows the signature: {debug}");
            }
        }

        // Wrong secret: 401 and a plain-words diagnosis next to the response.
        app.choose("tester-token", &token_id(&app.data_dir, "typo")).await;
        app.type_into("tester-url", "/v1/store/products").await;
        app.clear_response().await;
        assert_eq!(app.send_and_wait().await, 401);
        app.wait_until("the 401 to be explained", &format!("document.querySelector('{}')?.innerText.includes('401')", tid("diagnosis-title"))).await;
        let diagnosis = app.text_of("diagnosis").await;
        assert!(diagnosis.contains("sk_live_") || diagnosis.to_lowercase().contains("token"), "the 401 diagnosis names likely causes: {diagnosis}");
        app.screenshot("401-diagnosis").await;

        // Missing scope: 403 with the missing permission listed.
        app.choose("tester-token", &token_id(&app.data_dir, "narrow")).await;
        app.type_into("tester-url", "/v2/core/stores/{storeId}/products").await;
        app.clear_response().await;
        assert_eq!(app.send_and_wait().await, 403);
        app.wait_until("the 403 to be explained", &format!("document.querySelector('{}')?.innerText.includes('403')", tid("diagnosis-title"))).await;
        let missing = app.text_of("diagnosis-missing").await;
        assert!(missing.contains("PRODUCTS_READ"), "the 403 lists the missing permission: {missing}");
        app.screenshot("403-diagnosis").await;
    })
    .await;
}
