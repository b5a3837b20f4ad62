//! A locked keychain in the real app: the window still opens on the inventory, a banner says
//! the keychain is locked, creating a token is refused with that clear message, and nothing is
//! written instead: `tokens.json` is byte for byte what it was, and no file holds the secret.
//! The keychain is a private one (its own D-Bus session), locked over D-Bus as a screen lock
//! would, so the other tests' keychain stays unlocked.

use std::sync::Arc;

use crate::support::app::{with_app_using, AppSession, Launch};
use crate::support::cli::{add_token, record};
use crate::support::disk;
use crate::support::private_keyring::PrivateKeyring;

const KEPT_SECRET: &str = "sk_test_e2ekept0123456789abcdefE";
const REFUSED_SECRET: &str = "sk_test_e2erefused0123456789abcdefF";

#[tokio::test]
async fn a_locked_keychain_shows_a_banner_refuses_a_create_and_keeps_the_metadata_intact() {
    if !crate::support::desktop::session_available() {
        return;
    }
    let keyring = Arc::new(PrivateKeyring::start().unwrap_or_else(|e| panic!("{e}")));
    let launch = Launch { env: vec![("DBUS_SESSION_BUS_ADDRESS".into(), keyring.bus().to_owned())] };
    let private = keyring.clone();
    with_app_using("e2e::locked_keychain::banner_and_refusal", launch, |app: AppSession| async move {
        add_token(&app.data_dir, "kept", KEPT_SECRET, &[("DBUS_SESSION_BUS_ADDRESS", private.bus())]);
        private.lock().unwrap_or_else(|e| panic!("{e}"));
        let before = std::fs::read(app.data_dir.join("tokens.json")).expect("the metadata file");
        app.reload().await;

        app.wait_visible("keychain-banner").await;
        let banner = app.text_of("keychain-banner").await;
        assert!(banner.contains("Keychain locked"), "the banner says the keychain is locked: {banner:?}");
        let state = app.run_js("read the keychain state", "return document.querySelector('[data-testid=keychain-status]').dataset.state", vec![]).await;
        assert_eq!(state, serde_json::json!("locked"), "the sidebar's keychain state is 'locked'");
        app.wait_visible_css("[data-testid=\"token-row\"][data-name=\"kept\"]", "the existing token's row").await;
        app.screenshot("locked-banner").await;

        app.click("new-token").await;
        app.wait_visible("keychain-warning").await;
        app.type_into("field-name", "refused").await;
        app.type_into("field-secret", REFUSED_SECRET).await;
        app.choose("field-provider", "pixlpay").await;
        app.click("save-token").await;
        app.wait_visible("form-error").await;
        let error = app.text_of("form-error").await;
        assert!(error.contains("keychain is locked") && error.contains("Unlock it"), "the refusal says why and what to do: {error:?}");
        app.wait_until("the dialog to finish saving", "!document.querySelector('[data-testid=save-token]').disabled").await;
        app.assert_in_sight("form-error").await;
        app.screenshot("create-refused").await;

        let after = std::fs::read(app.data_dir.join("tokens.json")).expect("the metadata file is still there");
        assert!(before == after, "a refused create leaves tokens.json byte for byte as it was");
        assert!(record(&app.data_dir, "kept").is_some() && record(&app.data_dir, "refused").is_none(), "the inventory is intact");
        let leaks = disk::files_containing(&app.root, &REFUSED_SECRET[8..]).expect("scan");
        assert!(leaks.is_empty(), "no plaintext fallback: no file holds the refused secret: {leaks:?}");
    })
    .await;
    drop(keyring);
}
