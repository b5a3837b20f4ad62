//! Test support shared by every topic module of the integration-test binary: launching the
//! real app under WebDriver (`app`), knowing whether a desktop session exists (`desktop`),
//! reading the real keychain (`keyring`) and scanning folders for leaked secrets (`disk`).

pub mod app;
pub mod desktop;
pub mod disk;
pub mod keyring;
pub mod page;
