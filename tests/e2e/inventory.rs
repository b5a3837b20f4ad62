//! Creating a token in the real app: the flow the foundation promises. A person pastes a
//! secret into the dialog, sees it masked in the list, and the secret is in the OS keychain
//! (read back with `secret-tool`) and in no file the app can write.

use crate::support::app::{with_app, AppSession};
use crate::support::{disk, keyring};

const SECRET: &str = "sk_live_e2e4f9a8b7c6d5e4f3a2b1c0d9e8f7a6";

#[tokio::test]
async fn a_token_created_in_the_ui_is_masked_in_the_list_and_kept_only_in_the_keychain() {
    with_app("e2e::inventory::create_token", |app: AppSession| async move {
        app.wait_until("the keychain to be reported unlocked", "document.querySelector('[data-testid=keychain-status]')?.innerText.toLowerCase().includes('unlocked')").await;
        app.click("new-token").await;
        app.type_into("field-name", "Storefront sync").await;
        app.type_into("field-secret", SECRET).await;
        // Live recognition proposes the providers sk_live_ belongs to, as candidate chips; the
        // user picks Pandabase. (The provider list names Pandabase before recognition runs, so
        // only the candidate chip proves recognition ran.)
        app.wait_visible_css("[data-testid=candidate][data-provider=pandabase]", "the Pandabase candidate chip").await;
        app.choose("field-provider", "pandabase").await;
        app.type_into("field-store-id", "shp_e2e123").await;
        app.screenshot("create-dialog").await;
        app.click("save-token").await;

        let masked = app
            .wait_until("the new row with its masked value", "document.querySelector('[data-testid=token-row][data-name=\"Storefront sync\"] [data-testid=token-masked]')?.innerText")
            .await;
        let masked = masked.as_str().expect("text");
        assert_eq!(masked, "sk_live_••••f7a6", "the list shows the recognized prefix and the last four only");
        let page = app.client.source().await.expect("page source");
        assert!(!page.contains(&SECRET[8..]), "the page must never hold the secret");
        app.screenshot("inventory").await;

        let records: serde_json::Value =
            serde_json::from_slice(&std::fs::read(app.data_dir.join("tokens.json")).expect("metadata written")).expect("json");
        let id = records["tokens"][0]["id"].as_str().expect("an id").to_owned();
        assert_eq!(keyring::lookup(&id).expect("secret-tool runs"), Some(SECRET.to_owned()), "the keychain holds the exact secret");
        let leaks = disk::files_containing(&app.root, &SECRET[8..]).expect("scan");
        assert!(leaks.is_empty(), "no file the app may write contains the secret: {leaks:?}");
    })
    .await;
}
