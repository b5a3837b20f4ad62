//! The real Secret Service, through the same `secret-tool` views the other tests use to check
//! what the app stored. These tests pin down the test tooling itself: if they fail, a keychain
//! assertion elsewhere could pass or fail for the wrong reason.

use crate::support::desktop::session_available;
use crate::support::keyring;

#[test]
fn a_stored_secret_is_found_by_lookup_and_search_then_gone_after_clear() {
    if !session_available() {
        return;
    }
    let id = "infra-test-round-trip";
    let secret = "sk_test_infra_round_trip_0123456789";
    keyring::store(id, secret).expect("the unlocked test keyring accepts a secret");

    assert_eq!(
        keyring::lookup(id).expect("lookup runs"),
        Some(secret.to_string()),
        "lookup returns the exact secret"
    );
    let items = keyring::search_all().expect("search runs");
    let item = items
        .iter()
        .find(|item| item.username() == Some(id))
        .expect("search lists the stored item");
    assert_eq!(
        item.attributes.get("service").map(String::as_str),
        Some(keyring::SERVICE)
    );

    keyring::clear(id).expect("clear runs");
    assert_eq!(
        keyring::lookup(id).expect("lookup runs"),
        None,
        "a cleared secret is gone"
    );
    assert!(
        keyring::search_all()
            .expect("search runs")
            .iter()
            .all(|item| item.username() != Some(id)),
        "search no longer lists a cleared item"
    );
}

#[test]
fn looking_up_an_unknown_id_is_none_not_an_error() {
    if !session_available() {
        return;
    }
    assert_eq!(
        keyring::lookup("infra-test-never-stored").expect("lookup runs"),
        None
    );
}

#[test]
fn secrets_live_under_the_documented_service_name() {
    // Users and scripts find Tokenbench's items by this name (secret-tool, Seahorse); renaming
    // it would orphan every stored secret.
    assert_eq!(keyring::SERVICE, "dev.tokenbench.app");
}

/// The core's real vault against the real Secret Service: what the app and the CLI use.
mod vault {
    use tokenbench_core::keychain::KeychainVault;
    use tokenbench_core::vault::{KeychainState, Vault};
    use tokenbench_core::Secret;

    use crate::support::desktop::session_available;
    use crate::support::keyring;

    #[test]
    fn the_keychain_vault_stores_where_secret_tool_finds_it_and_deletes_it_for_good() {
        if !session_available() {
            return;
        }
        let vault = KeychainVault::new();
        assert_eq!(vault.status().state, KeychainState::Available, "the canary finds an unlocked keyring");
        let id = "e2e-vault-round-trip";
        let secret = "pk_test_pub77.vaultroundtripsecret";
        vault.store(id, &Secret::new(secret)).expect("store");
        assert_eq!(keyring::lookup(id).expect("secret-tool"), Some(secret.to_owned()), "one entry: service + account = token id");
        assert_eq!(vault.read(id).expect("read").expose(), secret);
        vault.store(id, &Secret::new("pk_test_pub77.replaced")).expect("replace");
        assert_eq!(keyring::lookup(id).expect("secret-tool").as_deref(), Some("pk_test_pub77.replaced"), "replacing overwrites, no second entry");
        vault.delete(id).expect("delete");
        assert_eq!(keyring::lookup(id).expect("secret-tool"), None);
        assert_eq!(vault.read(id).expect_err("gone").code(), "secret_missing");
        vault.delete(id).expect("deleting a missing entry is not an error");
    }
}
