//! Reads the real Secret Service the way a person would, with `secret-tool`, so tests can check
//! what the app actually stored in the keychain instead of trusting the app's own account of it.
//!
//! Items are found by the attributes the keyring crate writes: `service` = Tokenbench's service
//! name and `username` = the token id. Run these inside `.ci/with-keyring` (a fresh, unlocked
//! keyring per run).

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The Secret Service `service` attribute under which the app stores every secret.
pub const SERVICE: &str = tokenbench_core::vault::SERVICE;

/// One item of the keychain as `secret-tool search` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyringItem {
    /// The item's label (what a keychain browser shows).
    pub label: String,
    /// All attributes, e.g. `service` and `username`.
    pub attributes: BTreeMap<String, String>,
}

impl KeyringItem {
    /// The `username` attribute: the token id the secret belongs to, if the item has one.
    pub fn username(&self) -> Option<&str> {
        self.attributes.get("username").map(String::as_str)
    }
}

/// Returns the secret stored for token `id` under [`SERVICE`], or `None` when no such item exists.
///
/// Fails (with secret-tool's own message) when secret-tool cannot run or reports anything but
/// "not found", e.g. no session bus or a locked keyring.
pub fn lookup(id: &str) -> Result<Option<String>, String> {
    let out = secret_tool(&["lookup", "service", SERVICE, "username", id], None)?;
    if out.status.success() {
        let secret = String::from_utf8(out.stdout)
            .map_err(|_| format!("the secret stored for {id} is not UTF-8"))?;
        return Ok(Some(secret));
    }
    // secret-tool exits 1 with nothing on stderr when no item matches.
    if out.status.code() == Some(1) && out.stderr.trim_ascii().is_empty() {
        return Ok(None);
    }
    Err(failure(&format!("lookup for {id}"), &out))
}

/// Lists every item under [`SERVICE`], in the keychain's order, without their secrets
/// (use [`lookup`] for a secret). Fails when secret-tool cannot run or reports an error.
pub fn search_all() -> Result<Vec<KeyringItem>, String> {
    // secret-tool writes labels to stdout but attributes to stderr; with stdout unbuffered the
    // two arrive in program order on one pipe.
    let out = Command::new("stdbuf")
        .args([
            "-o0",
            "-e0",
            "sh",
            "-c",
            "exec secret-tool search --all service \"$0\" 2>&1",
        ])
        .arg(SERVICE)
        .output()
        .map_err(|e| format!("could not run secret-tool (install libsecret-tools): {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "secret-tool search failed ({}): {}",
            out.status,
            text.trim()
        ));
    }
    parse_search(&text)
}

/// Parses `secret-tool search` output: items start with a `[/path]` line, followed by
/// `key = value` lines; attributes are the `attribute.<name>` keys. Secret lines are skipped.
fn parse_search(text: &str) -> Result<Vec<KeyringItem>, String> {
    let mut items: Vec<KeyringItem> = Vec::new();
    for line in text.lines() {
        if line.starts_with("[/") && line.ends_with(']') {
            items.push(KeyringItem {
                label: String::new(),
                attributes: BTreeMap::new(),
            });
            continue;
        }
        let Some((key, value)) = line.split_once(" = ") else {
            continue;
        };
        let Some(item) = items.last_mut() else {
            return Err(format!(
                "unexpected secret-tool output before the first item: {key}"
            ));
        };
        if key == "label" {
            item.label = value.to_string();
        } else if let Some(name) = key.strip_prefix("attribute.") {
            item.attributes.insert(name.to_string(), value.to_string());
        }
    }
    Ok(items)
}

/// Stores `secret` for token `id` under [`SERVICE`] the way the keyring crate names items, so a
/// test can put a keychain into a known state. Fails with secret-tool's message.
pub fn store(id: &str, secret: &str) -> Result<(), String> {
    let label = format!("--label=Tokenbench test {id}");
    let args = ["store", &label, "service", SERVICE, "username", id];
    let out = secret_tool(&args, Some(secret))?;
    match out.status.success() {
        true => Ok(()),
        false => Err(failure(&format!("store for {id}"), &out)),
    }
}

/// Removes the item for token `id` under [`SERVICE`]; removing a missing item is not an error.
pub fn clear(id: &str) -> Result<(), String> {
    let out = secret_tool(&["clear", "service", SERVICE, "username", id], None)?;
    match out.status.success() {
        true => Ok(()),
        false => Err(failure(&format!("clear for {id}"), &out)),
    }
}

/// Runs secret-tool with `args`, writing `stdin` to it when given (then closing it). Fails only
/// when secret-tool cannot be run; its exit status is the caller's to judge.
fn secret_tool(args: &[&str], stdin: Option<&str>) -> Result<Output, String> {
    let mut child = Command::new("secret-tool")
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run secret-tool (install libsecret-tools): {e}"))?;
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .ok_or("secret-tool has no stdin")?
            .write_all(text.as_bytes())
            .map_err(|e| format!("could not pass the secret to secret-tool: {e}"))?;
    }
    child
        .wait_with_output()
        .map_err(|e| format!("secret-tool did not finish: {e}"))
}

/// "secret-tool <what> failed (<status>): <its stderr>".
fn failure(what: &str, out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    format!(
        "secret-tool {what} failed ({}): {}",
        out.status,
        stderr.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_search_keeps_each_items_label_and_attributes_apart() {
        let text = "[/1]\nlabel = a\nsecret = s1\ncreated = x\nattribute.service = svc\n\
                    attribute.username = id-1\n[/2]\nlabel = b\nsecret = s2\nattribute.username = id-2\n";
        let items = parse_search(text).expect("well-formed output parses");
        assert_eq!(items.len(), 2, "two [/n] headers mean two items");
        assert_eq!(items[0].label, "a");
        assert_eq!(items[0].username(), Some("id-1"));
        assert_eq!(
            items[0].attributes.get("service").map(String::as_str),
            Some("svc")
        );
        assert_eq!(
            items[1].username(),
            Some("id-2"),
            "attributes must not bleed across items"
        );
        assert!(
            !items[1].attributes.contains_key("secret"),
            "the secret is not an attribute"
        );
    }

    #[test]
    fn parse_search_of_no_output_is_no_items() {
        assert_eq!(parse_search("").expect("empty output parses"), Vec::new());
    }
}
