//! Revoke and delete through the UI: the two changes that cannot be undone. Revoking deletes
//! the keychain entry and keeps the record (marked revoked, its history kept); deleting removes
//! both, and only after the name is typed. Checked where it lands: the keychain through
//! `secret-tool` and the metadata file, not what the UI says about itself.

use crate::support::app::{with_app, AppSession};
use crate::support::cli::{add_token, record, token_id};
use crate::support::keyring;

const REVOKED_SECRET: &str = "sk_test_e2erevoke0123456789abcdefA";
const DELETED_SECRET: &str = "sk_test_e2edelete0123456789abcdefB";

/// CSS for the inventory row of the token named `name` (a person clicks its name: WebKitWebDriver
/// finds a whole `<tr>` "not interactable").
fn row(name: &str) -> String {
    format!("[data-testid=\"token-row\"][data-name=\"{name}\"]")
}

#[tokio::test]
async fn revoke_drops_the_keychain_entry_but_keeps_the_record_and_delete_drops_both() {
    with_app("e2e::lifecycle::revoke_and_delete", |app: AppSession| async move {
        add_token(&app.data_dir, "to revoke", REVOKED_SECRET, &[]);
        add_token(&app.data_dir, "to delete", DELETED_SECRET, &[]);
        let (revoked_id, deleted_id) = (token_id(&app.data_dir, "to revoke"), token_id(&app.data_dir, "to delete"));
        assert_eq!(keyring::lookup(&revoked_id).expect("secret-tool"), Some(REVOKED_SECRET.to_owned()), "set-up: the secret is in the keychain");
        app.reload().await;

        // Revoke, confirmed in its dialog: the row turns revoked.
        app.click_css(&format!("{} .name", row("to revoke")), "the name of 'to revoke'").await;
        app.click("revoke").await;
        app.wait_visible("revoke-dialog").await;
        app.screenshot("revoke-dialog").await;
        app.click("confirm-revoke").await;
        app.wait_until("the row to show the token revoked", &format!("document.querySelector('{}')?.dataset.status === 'revoked'", row("to revoke"))).await;
        assert_eq!(keyring::lookup(&revoked_id).expect("secret-tool"), None, "revoking deletes the keychain entry");
        let kept = record(&app.data_dir, "to revoke").expect("revoking keeps the record");
        assert_eq!(kept["id"], revoked_id.as_str(), "the same record, not a new one");
        assert!(kept["revokedAt"].is_string(), "the record says when it was revoked: {kept}");
        assert_eq!(keyring::lookup(&deleted_id).expect("secret-tool"), Some(DELETED_SECRET.to_owned()), "revoking one token leaves the others' secrets alone");
        app.screenshot("revoked").await;

        // Delete: the button stays disabled until the name is typed.
        app.click_css(&format!("{} .name", row("to delete")), "the name of 'to delete'").await;
        app.click("delete").await;
        app.wait_visible("delete-dialog").await;
        let disabled = app.run_js("read the delete button", "return document.querySelector('[data-testid=confirm-delete]').disabled", vec![]).await;
        assert_eq!(disabled, serde_json::json!(true), "nothing is deleted before the name is typed");
        app.type_into("confirm-name", "to delete").await;
        app.click("confirm-delete").await;
        app.wait_until("the deleted row to go", &format!("!document.querySelector('{}')", row("to delete"))).await;
        assert_eq!(keyring::lookup(&deleted_id).expect("secret-tool"), None, "deleting removes the keychain entry");
        assert!(record(&app.data_dir, "to delete").is_none(), "deleting removes the record");
        assert!(record(&app.data_dir, "to revoke").is_some(), "deleting one token keeps the other records");
        app.screenshot("deleted").await;
    })
    .await;
}
