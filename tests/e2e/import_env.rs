//! Importing a project's `.env` file through the Import dialog: the app reads the file itself,
//! proposes every token it recognizes with masked values, and stores what the user confirms in
//! the keychain (read back with `secret-tool`), with no secret in the page or any file it writes.

use crate::support::app::{with_app, AppSession};
use crate::support::cli::records;
use crate::support::{disk, keyring};

const PIXLPAY: &str = "sk_test_e2eimport0123456789abcdefG";
const PACSPACE: &str = "pk_test_pub42.e2eimportsecret4242";

#[tokio::test]
async fn a_dotenv_file_imported_in_the_dialog_puts_each_confirmed_token_in_the_keychain() {
    with_app("e2e::import_env::dotenv_file", |app: AppSession| async move {
        let project = tempfile::tempdir().expect("a project folder");
        let env = project.path().join(".env");
        std::fs::write(&env, format!("# shop\nexport PIXLPAY_API_KEY=\"{PIXLPAY}\"\nPACSPACE_API_KEY={PACSPACE}\nDEBUG=true\n")).expect("write .env");

        app.click("import").await;
        app.wait_visible("import-dialog").await;
        app.click("import-tab-file").await;
        app.type_into("import-path", &env.to_string_lossy()).await;
        app.click("scan-file").await;
        app.wait_until("two proposals", "document.querySelectorAll('[data-testid=proposal]').length === 2").await;
        let shown = app.text_of("proposals").await;
        assert!(shown.contains("sk_test_••••defG") && shown.contains("pk_test_••••4242"), "proposals show each value masked: {shown}");
        let page = app.client.source().await.unwrap_or_else(|e| panic!("page source: {e:?}"));
        assert!(!page.contains(&PIXLPAY[8..]) && !page.contains("e2eimportsecret"), "the dialog only ever sees masks");
        app.screenshot("proposals").await;

        app.click("confirm-import").await;
        app.wait_until("the import report", "document.querySelector('[data-testid=import-report]')?.innerText.includes('Added 2 tokens')").await;
        app.screenshot("imported").await;

        let stored: Vec<String> = records(&app.data_dir)
            .iter()
            .map(|r| keyring::lookup(r["id"].as_str().expect("an id")).expect("secret-tool").expect("each imported token has its secret in the keychain"))
            .collect();
        let mut stored = stored;
        stored.sort();
        assert_eq!(stored, vec![PACSPACE.to_owned(), PIXLPAY.to_owned()], "exactly the two confirmed secrets are in the keychain");
        for secret in [&PIXLPAY[8..], "e2eimportsecret"] {
            let leaks = disk::files_containing(&app.root, secret).expect("scan");
            assert!(leaks.is_empty(), "no file the app writes holds an imported secret: {leaks:?}");
        }
    })
    .await;
}
