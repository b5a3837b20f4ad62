//! Test support shared by every topic module of the integration-test binary: launching the
//! real app under WebDriver (`app`) and acting on its page (`page`), preparing data with the CLI
//! (`cli`), knowing whether a desktop session exists (`desktop`), reading the real keychain
//! (`keyring`) or a private one a test may lock (`private_keyring`), and scanning folders for
//! leaked secrets (`disk`).

pub mod app;
pub mod cli;
pub mod desktop;
pub mod disk;
pub mod keyring;
pub mod page;
pub mod private_keyring;
