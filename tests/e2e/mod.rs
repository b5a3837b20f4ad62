//! End-to-end tests: the real `tokenbench-app` binary driven through tauri-driver and
//! WebKitWebDriver, asserting on what a person would see. See `support::app` for the harness.

mod import_env;
mod inventory;
mod lifecycle;
mod locked_keychain;
mod secret_actions;
mod smoke;
mod tester;
mod usage;
