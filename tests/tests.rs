//! Tokenbench's integration tests: one binary (one link, one run), a module per topic, as in
//! ripgrep. `bash .ci/run` runs them inside a fresh D-Bus session with an unlocked keyring and
//! an Xvfb display, so the real keychain and the real app window are exercised.

mod support;

mod config;
mod e2e;
mod keychain;
