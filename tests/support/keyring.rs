//! Reads the real Secret Service the way a person would, with `secret-tool`, so tests can check
//! what the app actually stored in the keychain instead of trusting the app's own account of it.
//!
//! Items are found by the attributes the keyring crate writes: `service` = Tokenbench's service
//! name and `username` = the token id. Run these inside `.ci/with-keyring` (a fresh, unlocked
//! keyring per run).

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

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
    let out = Command::new("secret-tool")
        .args(["lookup", "service", SERVICE, "username", id])
        .output()
        .map_err(|e| format!("could not run secret-tool (install libsecret-tools): {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        let secret = String::from_utf8(out.stdout)
            .map_err(|_| format!("the secret stored for {id} is not UTF-8"))?;
        return Ok(Some(secret));
    }
    // secret-tool exits 1 with nothing on stderr when no item matches.
    if out.status.code() == Some(1) && stderr.trim().is_empty() {
        return Ok(None);
    }
    Err(format!(
        "secret-tool lookup for {id} failed ({}): {}",
        out.status,
        stderr.trim()
    ))
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
    let mut child = Command::new("secret-tool")
        .args([
            "store",
            &format!("--label=Tokenbench test {id}"),
            "service",
            SERVICE,
            "username",
            id,
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run secret-tool (install libsecret-tools): {e}"))?;
    child
        .stdin
        .take()
        .ok_or("secret-tool has no stdin")?
        .write_all(secret.as_bytes())
        .map_err(|e| format!("could not pass the secret to secret-tool: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("secret-tool store failed: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "secret-tool store for {id} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Removes the item for token `id` under [`SERVICE`]; removing a missing item is not an error.
pub fn clear(id: &str) -> Result<(), String> {
    let out = Command::new("secret-tool")
        .args(["clear", "service", SERVICE, "username", id])
        .output()
        .map_err(|e| format!("could not run secret-tool (install libsecret-tools): {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "secret-tool clear for {id} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
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
