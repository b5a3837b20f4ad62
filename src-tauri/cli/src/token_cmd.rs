//! `tokenbench token …`: each subcommand maps its arguments to one core call.

use std::io::{IsTerminal, Read, Write};

use chrono::{DateTime, NaiveDate, Utc};
use tokenbench_core::inventory::Inventory;
use tokenbench_core::proposals::{read_text_file, ProposalBook, ProposalChoice};
use tokenbench_core::query::{ListQuery, SortKey, StatusFilter};
use tokenbench_core::token::{AuthMode, Environment, TokenKind};
use tokenbench_core::token_input::{NewToken, SecretField, TokenPatch};
use tokenbench_core::transfer::{self, Format};
use tokenbench_core::{Error, Result, Secret};

use crate::args::*;
use crate::output;

/// Runs one `token` subcommand.
pub fn run(inv: &Inventory, cmd: TokenCmd, json: bool, now: DateTime<Utc>) -> Result<()> {
    match cmd {
        TokenCmd::Add(a) => add(inv, a, json, now),
        TokenCmd::List(l) => output::list(&inv.list(&list_query(l), now)?, json),
        TokenCmd::Show { name } => output::show(&inv.view(&name, now)?, json),
        TokenCmd::Edit { name, meta, rename, no_expiry } => {
            let mut patch = patch_from(meta)?;
            patch.name = rename;
            patch.clear_expires = no_expiry;
            output::show(&inv.update(&name, patch, now)?, json)
        }
        TokenCmd::SetSecret { name } => {
            let view = inv.replace_secret(&name, &read_secret(&format!("New secret for '{name}'"))?, now)?;
            output::done(&format!("Stored the new secret for '{}' ({}).", view.record.name, view.record.masked), json)
        }
        TokenCmd::Revoke { name, yes } => {
            let confirmed = yes || confirm(&name, "revoke")?;
            let view = inv.revoke(&name, confirmed, now)?;
            output::done(&format!("Revoked '{}': its secret left the keychain; the record stays.", view.record.name), json)
        }
        TokenCmd::Rm { name, yes } => {
            let confirmed = yes || confirm(&name, "remove")?;
            let gone = inv.delete(&name, confirmed, now)?;
            output::done(&format!("Removed '{}' and its secret.", gone.name), json)
        }
        TokenCmd::Export { format, output: path } => {
            let format = match format {
                FormatArg::Json => Format::Json,
                FormatArg::Csv => Format::Csv,
            };
            let text = transfer::export(&inv.records(now)?, format, now)?;
            match path {
                Some(p) => tokenbench_core::metadata::write_atomically(&p, text.as_bytes()),
                None => {
                    print!("{text}");
                    Ok(())
                }
            }
        }
        TokenCmd::Import { file, yes } => import(inv, &file, yes, json, now),
    }
}

fn add(inv: &Inventory, a: AddArgs, json: bool, now: DateTime<Utc>) -> Result<()> {
    let provider = a.meta.provider.clone().ok_or_else(|| Error::Invalid("--provider is required".into()))?;
    let profile = inv.profiles().require(&provider)?.clone();
    let secret = read_secret(&format!("Secret for '{}'", a.name))?;
    let recognition = tokenbench_core::recognize::recognize(secret.expose(), None, inv.profiles());
    let best = recognition.candidates.iter().find(|c| c.provider == provider);
    let patch = patch_from(a.meta)?;
    let input = NewToken {
        name: a.name,
        environment: patch.environment.or(best.and_then(|c| c.environment)).unwrap_or(Environment::Live),
        kind: patch.kind.or(best.map(|c| c.kind)).unwrap_or(TokenKind::SecretKey),
        auth_mode: patch.auth_mode.unwrap_or_else(|| profile.default_auth_mode()),
        provider,
        auth_header: patch.auth_header,
        auth_prefix: patch.auth_prefix,
        token_id: patch.token_id,
        store_id: patch.store_id,
        base_url: patch.base_url,
        scopes: patch.scopes.unwrap_or_default(),
        rate_limit: patch.rate_limit,
        expires: patch.expires,
        rotation_days: patch.rotation_days,
        tags: patch.tags.unwrap_or_default(),
        notes: patch.notes.unwrap_or_default(),
        secret: SecretField(secret),
    };
    for w in &recognition.warnings {
        eprintln!("note: {}", w.message);
    }
    let view = inv.create(input, now)?;
    output::created(&view, json)
}

fn import(inv: &Inventory, file: &std::path::Path, yes: bool, json: bool, now: DateTime<Utc>) -> Result<()> {
    let text = read_text_file(file)?;
    let first = text.trim_start_matches('\u{feff}').trim_start().chars().next();
    let is_export = matches!(first, Some('{' | '['))
        || text.lines().next().is_some_and(|h| h.split(',').any(|c| c.trim() == "name") && h.contains("provider"));
    if is_export {
        return output::report(&transfer::import(inv, &text, now)?, json);
    }
    let book = ProposalBook::new();
    let proposals = book.propose(inv, &text);
    if proposals.is_empty() {
        return Err(Error::Invalid(format!("no recognizable token found in '{}'", file.display())));
    }
    let mut choices = Vec::new();
    for p in proposals {
        let Some(best) = p.recognition.candidates.first() else { continue };
        let label = format!("{} {} from {} → '{}' ({})", best.provider_name, p.masked, p.source, p.suggested_name, best.reason);
        if !yes && !ask(&format!("Add {label}? [y/N] "))? {
            continue;
        }
        let profile = inv.profiles().require(&best.provider)?;
        let token = NewToken {
            name: p.suggested_name.clone(),
            provider: best.provider.clone(),
            environment: best.environment.unwrap_or(Environment::Live),
            kind: best.kind,
            auth_mode: if p.token_id.is_some() { AuthMode::Hmac } else { best.auth_mode },
            auth_header: None,
            auth_prefix: None,
            token_id: p.token_id.clone(),
            store_id: p.store_id.clone(),
            base_url: None,
            scopes: Vec::new(),
            rate_limit: Some(profile.rate_limit.default),
            expires: None,
            rotation_days: None,
            tags: vec!["imported".into()],
            notes: format!("Imported from {}", file.display()),
            secret: SecretField(Secret::new(String::new())),
        };
        choices.push(ProposalChoice { proposal_id: p.proposal_id, token });
    }
    output::report(&book.confirm(inv, choices, now), json)
}

/// Reads the secret from standard input: hidden prompt on a terminal, else the whole input
/// with one trailing newline removed.
pub(crate) fn read_secret(prompt: &str) -> Result<Secret> {
    if std::io::stdin().is_terminal() {
        let value = rpassword::prompt_password(format!("{prompt} (input hidden): "))
            .map_err(|e| Error::Invalid(format!("could not read the secret from the terminal: {e}")))?;
        return Ok(Secret::new(value));
    }
    let mut value = String::new();
    std::io::stdin()
        .read_to_string(&mut value)
        .map_err(|e| Error::Invalid(format!("could not read the secret from standard input: {e}")))?;
    let value = value.strip_suffix('\n').map(|v| v.strip_suffix('\r').unwrap_or(v)).unwrap_or(&value);
    Ok(Secret::new(value.to_owned()))
}

fn confirm(name: &str, verb: &str) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        return Ok(false); // the core explains; pass --yes in scripts
    }
    ask(&format!("Really {verb} '{name}'? [y/N] "))
}

fn ask(question: &str) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::NeedsConfirmation("standard input is not a terminal: pass --yes to accept".into()));
    }
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| Error::Invalid(e.to_string()))?;
    Ok(matches!(line.trim(), "y" | "Y" | "yes"))
}

fn list_query(l: ListArgs) -> ListQuery {
    ListQuery {
        search: l.search,
        provider: l.provider,
        environment: l.environment.map(env),
        status: l.status.map(|s| match s {
            StatusArg::Active => StatusFilter::Active,
            StatusArg::Expired => StatusFilter::Expired,
            StatusArg::Revoked => StatusFilter::Revoked,
            StatusArg::ExpiresSoon => StatusFilter::ExpiresSoon,
            StatusArg::RotationDue => StatusFilter::RotationDue,
        }),
        tag: l.tag,
        sort: l.sort.map(|s| match s {
            SortArg::Name => SortKey::Name,
            SortArg::Provider => SortKey::Provider,
            SortArg::Environment => SortKey::Environment,
            SortArg::Status => SortKey::Status,
            SortArg::Expires => SortKey::Expires,
            SortArg::LastUsed => SortKey::LastUsed,
            SortArg::Created => SortKey::Created,
        }),
        descending: l.desc,
    }
}

fn env(e: EnvArg) -> Environment {
    match e {
        EnvArg::Live => Environment::Live,
        EnvArg::Test => Environment::Test,
    }
}

fn patch_from(m: MetaArgs) -> Result<TokenPatch> {
    Ok(TokenPatch {
        provider: m.provider,
        environment: m.environment.map(env),
        kind: m.kind.map(|k| match k {
            KindArg::Secret => TokenKind::SecretKey,
            KindArg::Publishable => TokenKind::PublishableKey,
            KindArg::Hmac => TokenKind::HmacToken,
        }),
        auth_mode: m.mode.map(|m| match m {
            ModeArg::Bearer => AuthMode::Bearer,
            ModeArg::Hmac => AuthMode::Hmac,
            ModeArg::ApiKey => AuthMode::ApiKey,
            ModeArg::Raw => AuthMode::Raw,
            ModeArg::Custom => AuthMode::Custom,
            ModeArg::None => AuthMode::None,
        }),
        auth_header: m.header,
        auth_prefix: m.prefix,
        token_id: m.token_id,
        store_id: m.store_id,
        base_url: m.base_url,
        scopes: m.scopes,
        rate_limit: m.rate_limit,
        expires: m.expires.as_deref().map(parse_expiry).transpose()?,
        rotation_days: m.rotation_days,
        tags: m.tags,
        notes: m.notes,
        ..Default::default()
    })
}

/// `YYYY-MM-DD` means valid through that day (23:59:59 UTC); RFC 3339 is taken as is.
fn parse_expiry(text: &str) -> Result<DateTime<Utc>> {
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        if let Some(t) = d.and_hms_opt(23, 59, 59) {
            return Ok(t.and_utc());
        }
    }
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::Invalid(format!("--expires '{text}' is not a date; write YYYY-MM-DD")))
}
