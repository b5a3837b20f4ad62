//! What the CLI prints: aligned text for people, one JSON value for scripts (`--json`).
//! Only masked values are ever printed.

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokenbench_core::app_info::app_info;
use tokenbench_core::inventory::Inventory;
use tokenbench_core::query::TokenView;
use tokenbench_core::token::Status;
use tokenbench_core::transfer::ImportReport;
use tokenbench_core::{Error, Result};

/// Prints `value` as pretty JSON.
pub fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Invalid(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// An enum as its JSON name (`apiKey`, `secretKey`), so text and `--json` use the same words.
pub fn json_word<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn status_word(v: &TokenView) -> String {
    let mut word = match v.status {
        Status::Active => "active",
        Status::Expired => "expired",
        Status::Revoked => "revoked",
    }
    .to_owned();
    if v.expires_soon {
        word.push_str(", expires soon");
    }
    if v.rotation_due {
        word.push_str(", rotation due");
    }
    word
}

fn date(d: Option<DateTime<Utc>>, none: &str) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| none.to_owned())
}

/// `token list`.
pub fn list(views: &[TokenView], json: bool) -> Result<()> {
    if json {
        return print_json(&views);
    }
    if views.is_empty() {
        println!("No tokens. Add one with: tokenbench token add --name NAME --provider PROVIDER < secret.txt");
        return Ok(());
    }
    let rows: Vec<[String; 7]> = views
        .iter()
        .map(|v| {
            let r = &v.record;
            [
                r.name.clone(),
                v.provider_name.clone(),
                format!("{:?}", r.environment).to_lowercase(),
                status_word(v),
                r.masked.clone(),
                date(r.expires, "never"),
                date(r.last_used, "never"),
            ]
        })
        .collect();
    let header = ["NAME", "PROVIDER", "ENV", "STATUS", "SECRET", "EXPIRES", "LAST USED"];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let parts: Vec<String> = cells.iter().zip(widths).map(|(c, w)| format!("{c:<w$}")).collect();
        println!("{}", parts.join("  ").trim_end());
    };
    line(header.to_vec());
    for row in &rows {
        line(row.iter().map(String::as_str).collect());
    }
    Ok(())
}

/// `token show` and edits.
pub fn show(v: &TokenView, json: bool) -> Result<()> {
    if json {
        return print_json(v);
    }
    let r = &v.record;
    let fields = [
        ("Name", r.name.clone()),
        ("Provider", format!("{} ({})", v.provider_name, r.provider)),
        ("Environment", format!("{:?}", r.environment).to_lowercase()),
        ("Kind", format!("{:?}", r.kind)),
        ("Auth mode", format!("{:?}", r.auth_mode)),
        ("Secret", r.masked.clone()),
        ("Token ID", r.token_id.clone().unwrap_or_default()),
        ("Store ID", r.store_id.clone().unwrap_or_default()),
        ("Base URL", r.base_url.clone().unwrap_or_default()),
        ("Scopes", r.scopes.join(", ")),
        ("Rate limit", format!("{}/min", r.rate_limit)),
        ("Status", status_word(v)),
        ("Created", r.created.to_rfc3339()),
        ("Expires", date(r.expires, "never")),
        ("Last used", date(r.last_used, "never")),
        ("Last rotated", date(r.last_rotated, "never")),
        ("Rotate every", format!("{} days (next {})", r.rotation_days, v.rotation_due_at.format("%Y-%m-%d"))),
        ("Tags", r.tags.join(", ")),
        ("Notes", r.notes.clone()),
        ("Id", r.id.clone()),
        ("Same secret", v.same_secret_as.join(", ")),
    ];
    for (k, val) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        println!("{k:<13} {val}");
    }
    Ok(())
}

/// After `token add`.
pub fn created(v: &TokenView, json: bool) -> Result<()> {
    warn_same_secret(v);
    if json {
        return print_json(v);
    }
    println!("Added '{}' ({} {}); the secret is in the OS keychain.", v.record.name, v.provider_name, v.record.masked);
    Ok(())
}

/// On stderr, whatever the output format: the token's secret is also stored under other names.
pub fn warn_same_secret(v: &TokenView) {
    if let Some(w) = v.same_secret_warning() {
        eprintln!("warning: {w}");
    }
}

/// A one-line confirmation.
pub fn done(message: &str, json: bool) -> Result<()> {
    if json {
        return print_json(&serde_json::json!({ "ok": true, "message": message }));
    }
    println!("{message}");
    Ok(())
}

/// An import's outcome.
pub fn report(r: &ImportReport, json: bool) -> Result<()> {
    if json {
        return print_json(r);
    }
    // A large export imports thousands of records: name the first few, count the rest.
    let names = match r.added.len() {
        0 => String::new(),
        n if n <= 12 => format!(": {}", r.added.join(", ")),
        n => format!(": {}, … and {} more", r.added[..10].join(", "), n - 10),
    };
    println!("Added {} token(s){names}", r.added.len());
    for s in &r.skipped {
        println!("Skipped '{}': {}", s.name, s.reason);
    }
    for w in &r.warnings {
        eprintln!("warning: {w}");
    }
    Ok(())
}

/// Errors go to stderr: a sentence, or `{code, message}` with `--json`.
pub fn error(e: &Error, json: bool) {
    if json {
        if let Ok(text) = serde_json::to_string(&e.payload()) {
            eprintln!("{text}");
            return;
        }
    }
    eprintln!("error: {e}");
}

/// `tokenbench doctor`: the same facts as the app's Settings & About page (`app_info`).
pub fn doctor(inv: &Inventory, json: bool, now: DateTime<Utc>) -> Result<()> {
    let info = app_info(inv, now)?;
    if json {
        print_json(&info)?;
    } else {
        println!("tokenbench   {}", info.version);
        println!("data dir     {}", info.data_dir);
        println!("metadata     {}", info.metadata_file);
        println!("request log  {}", info.request_log);
        println!("tokens       {}", info.tokens);
        println!("providers    {}", info.providers.join(", "));
        println!("keychain     {:?} ({}): {}", info.keychain.state, info.keychain.backend, info.keychain.message);
        for n in &info.notices {
            println!("notice       {n}");
        }
    }
    match info.keychain.state {
        tokenbench_core::vault::KeychainState::Available => Ok(()),
        tokenbench_core::vault::KeychainState::Locked => Err(Error::KeychainLocked),
        tokenbench_core::vault::KeychainState::Unavailable => Err(Error::KeychainUnavailable(info.keychain.message)),
    }
}
