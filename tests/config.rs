//! The app's command list is written in four places that must agree, or a command is either
//! unreachable (declared but not allowed), refused at run time (registered but not allowed) or
//! allowed without existing: `build.rs` declares each command (Tauri generates its
//! `allow-<command>` permission from that list), `generate_handler!` in `src-tauri/src/lib.rs`
//! registers it, the capability in `tauri.conf.json` grants it to the main window, and
//! `ui/src/api.ts` calls it. These tests read the four sources and compare them, so adding a
//! command in one place and forgetting another fails here, not in front of a user.

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The text between `start` and the first `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("`{start}` not found")) + start.len();
    let to = text[from..].find(end).unwrap_or_else(|| panic!("`{end}` not found after `{start}`")) + from;
    &text[from..to]
}

fn quoted(text: &str) -> BTreeSet<String> {
    text.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

fn declared_in_build_rs() -> BTreeSet<String> {
    quoted(between(&read("src-tauri/build.rs"), "const COMMANDS: &[&str] = &[", "];"))
}

fn registered_in_lib_rs() -> BTreeSet<String> {
    between(&read("src-tauri/src/lib.rs"), "generate_handler![", "]")
        .split(',')
        .map(|entry| entry.trim().rsplit("::").next().unwrap_or("").to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

fn capability() -> serde_json::Value {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).expect("tauri.conf.json is JSON");
    let caps = conf["app"]["security"]["capabilities"].as_array().expect("capabilities listed inline").clone();
    assert_eq!(caps.len(), 1, "one capability, for the main window");
    caps[0].clone()
}

fn allowed_in_capability() -> BTreeSet<String> {
    capability()["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

/// Every `call<T>("command"` in api.ts (the only module that invokes commands).
fn called_by_the_ui() -> BTreeSet<String> {
    let api = read("ui/src/api.ts");
    api.split("call<")
        .skip(1)
        // The type argument, then `("`: `call<TokenView[]>("list_tokens"`.
        .filter_map(|piece| piece.split_once(">(\"").filter(|(ty, _)| !ty.contains('\n')).map(|(_, rest)| rest))
        .filter_map(|rest| rest.split('"').next())
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_is_declared_registered_and_allowed_exactly_once() {
    let declared = declared_in_build_rs();
    assert!(declared.len() > 20, "build.rs lists the commands: {declared:?}");
    let registered = registered_in_lib_rs();
    let allowed = allowed_in_capability();
    assert_eq!(registered, declared, "generate_handler! (left) and build.rs COMMANDS (right) differ");
    assert_eq!(allowed, declared, "the capability's allow-* permissions (left) and build.rs COMMANDS (right) differ");
}

#[test]
fn the_ui_calls_only_commands_that_exist_and_every_command_has_a_caller() {
    let declared = declared_in_build_rs();
    let called = called_by_the_ui();
    let unknown: Vec<_> = called.difference(&declared).collect();
    assert!(unknown.is_empty(), "ui/src/api.ts calls commands the app does not declare: {unknown:?}");
    let unused: Vec<_> = declared.difference(&called).collect();
    assert!(unused.is_empty(), "commands no UI code calls (dead, or called outside api.ts): {unused:?}");
}

#[test]
fn the_main_window_gets_no_plugin_permission_beyond_events() {
    let granted: Vec<String> = capability()["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .filter(|p| !p.starts_with("allow-"))
        .collect();
    assert_eq!(granted, ["core:event:default"], "no fs, shell, http or other plugin permission reaches the webview");
    assert_eq!(capability()["windows"], serde_json::json!(["main"]));
}

fn csp() -> Vec<(String, Vec<String>)> {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).expect("tauri.conf.json is JSON");
    let text = conf["app"]["security"]["csp"].as_str().expect("a CSP is set (Tauri sets none otherwise)").to_owned();
    text.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace().map(str::to_owned);
            (words.next().unwrap_or_default(), words.collect())
        })
        .collect()
}

/// The webview shows masked secrets and, on an explicit reveal, one real one: a script injected
/// through a response body must have nowhere to run and nowhere to send it.
#[test]
fn the_csp_is_strict_and_the_global_tauri_object_is_off() {
    let csp = csp();
    let directive = |name: &str| csp.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_else(|| panic!("CSP has no {name}: {csp:?}"));
    assert_eq!(directive("default-src"), ["'self'"]);
    assert_eq!(directive("script-src"), ["'self'"], "scripts only from the app's own files");
    for name in ["object-src", "base-uri", "frame-src", "form-action"] {
        assert_eq!(directive(name), ["'none'"], "{name}");
    }
    let all: Vec<&String> = csp.iter().flat_map(|(_, v)| v).collect();
    assert!(!all.iter().any(|v| v.as_str() == "'unsafe-eval'" || v.as_str() == "*"), "no eval and no wildcard source: {csp:?}");
    assert!(directive("connect-src").iter().all(|s| s == "ipc:" || s == "http://ipc.localhost"), "the page talks to Rust only, never to the network");
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).expect("json");
    assert_eq!(conf["app"]["withGlobalTauri"], serde_json::json!(false), "window.__TAURI__ stays off");
}
