//! The request tester in the real app against the real loopback sandbox, as a new user would
//! try it: start the sandbox, create a sandbox token per provider, send, read the answer. Also
//! the two failures the tester must explain: a wrong secret (401) and a missing scope (403
//! with the permissions listed).

use std::process::Command;

use crate::support::app::{with_app, AppSession};
use crate::support::cli::{token_id, tokenbench};
use crate::support::keyring;
use crate::support::page::tid;

/// The seed's openssl pipeline, as Pandabase documents it: the key is the hex SHA-256 of the
/// secret, and the signature the HMAC-SHA256 of the body under that key.
fn openssl_signature(secret: &str, body: &str) -> String {
    let script = r#"SIGNING_KEY=$(echo -n "$SECRET" | openssl dgst -sha256 | awk '{print $2}')
echo -n "$BODY" | openssl dgst -sha256 -hmac "$SIGNING_KEY" | awk '{print $2}'"#;
    let out = Command::new("bash")
        .args(["-c", script])
        .env("SECRET", secret)
        .env("BODY", body)
        .output()
        .expect("bash and openssl run (`bash .ci/setup` installs openssl)");
    assert!(out.status.success(), "the openssl pipeline failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("hex").trim().to_owned()
}

impl AppSession {
    async fn send_and_wait(&self) -> u64 {
        self.click("tester-send").await;
        let status = self
            .wait_until("a response status", &format!("document.querySelector('{}')?.dataset.status", tid("response-status")))
            .await;
        status.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("status is a number: {status}"))
    }

    /// The HMAC debugger's signature is the seed's openssl pipeline run over the secret read
    /// back from the keychain (secret-tool) and the exact bytes the debugger says it signs:
    /// first the GET's empty body, then the seed's JSON body typed into the editor.
    async fn hmac_debugger_shows_what_openssl_computes_from_the_keychain_secret(&self) {
        let id = self.run_js("read the chosen token", &format!("return document.querySelector('{}').value", tid("tester-token")), vec![]).await;
        let id = id.as_str().expect("the picker's value is the token id");
        let secret = keyring::lookup(id).expect("secret-tool runs").expect("the sandbox token's secret is in the keychain");
        assert_eq!(self.text_of("hmac-bytes").await, "0 bytes", "a GET signs the empty string");
        let shown = self.text_of("hmac-signature").await;
        assert_eq!(shown, openssl_signature(&secret, ""), "the HMAC debugger shows the signature of the empty body that openssl computes");

        const BODY: &str = r#"{"name":"New Product","amount":2999,"type":"ONE_TIME"}"#;
        self.choose("tester-method", "POST").await;
        self.type_into("tester-body", BODY).await;
        let bytes = format!("{} bytes", BODY.len());
        self.wait_until("the debugger to sign the typed body", &format!("document.querySelector('{}')?.innerText === '{bytes}' && document.querySelector('{}')?.innerText !== '{shown}'", tid("hmac-bytes"), tid("hmac-signature"))).await;
        let signed = self.text_of("hmac-signed").await;
        assert_eq!(signed, BODY, "the debugger shows the exact bytes it signs");
        let shown = self.text_of("hmac-signature").await;
        assert_eq!(shown, openssl_signature(&secret, &signed), "the HMAC debugger shows the signature openssl computes over the signed bytes");
        self.screenshot("pandabase-hmac-debugger").await;
        self.choose("tester-body", "").await;
        self.choose("tester-method", "GET").await;
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
        tokenbench(&app.data_dir, &["token", "add", "--name", "typo", "--provider", "pixlpay", "--env", "test",
            "--base-url", "http://127.0.0.1:8787/pixlpay", "--scopes", "products:read"], "sk_test_notissuedbythesandbox42", &[]);
        tokenbench(&app.data_dir, &["sandbox", "token", "--provider", "pandabase", "--scopes", "ORDERS_READ", "--name", "narrow"], "", &[]);

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
            // However tall the token card grew in the last round, the sandbox's main action is in
            // sight at the default window size with the left column scrolled to its top, as a
            // person sees it (the harness's own clicks scroll, so the column is reset first).
            app.run_js("scroll the left column to its top", "for (const e of document.querySelectorAll('.tester-side, .tester-side *')) e.scrollTop = 0;", vec![]).await;
            app.assert_in_sight("sandbox-create-token").await;
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
                app.hmac_debugger_shows_what_openssl_computes_from_the_keychain_secret().await;
            }
        }

        // Wrong secret: 401 and a plain-words diagnosis next to the response.
        app.choose("tester-token", &token_id(&app.data_dir, "typo")).await;
        app.type_into("tester-url", "/v1/store/products").await;
        app.clear_response().await;
        assert_eq!(app.send_and_wait().await, 401);
        app.wait_until("the 401 to be explained", &format!("document.querySelector('{}')?.innerText.includes('401')", tid("diagnosis-title"))).await;
        // The specific cause: the sandbox never issued this value, and the diagnosis passes on
        // the server's own words for that (not the static explanation every 401 gets).
        let causes = app.run_js("read the 401 causes", "return [...document.querySelectorAll(arguments[0] + ' .causes li')].map(li => li.innerText)", vec![tid("diagnosis").into()]).await;
        let causes: Vec<&str> = causes.as_array().expect("a list").iter().filter_map(|c| c.as_str()).collect();
        assert!(
            causes.iter().any(|c| c.starts_with("The server says:") && c.contains("no active token has this value")),
            "the 401 diagnosis names the cause, a value the API never issued: {causes:?}"
        );
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
