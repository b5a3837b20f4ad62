//! `tokenbench send`, `sign` and `snippet`: the request tester from the command line, through
//! the same core `Tester` the app uses.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokenbench_core::clock::Clock;
use tokenbench_core::inventory::Inventory;
use tokenbench_core::mask::{MaskLevel, Masker};
use tokenbench_core::request::auth::auth_headers_for;
use tokenbench_core::request::guard::ConfirmationKind;
use tokenbench_core::request::snippet::SnippetLang;
use tokenbench_core::request::spec::{FormRow, RequestDraft};
use tokenbench_core::send::ReqwestSender;
use tokenbench_core::tester::{SendOptions, SendResult, Tester};
use tokenbench_core::{Error, Result};

use crate::request_args::{LangArg, RequestArgs};

/// Reads the body as bytes: `--data`, `--data-file F` or `--data-file -`.
fn body(args: &RequestArgs) -> Result<Vec<u8>> {
    if let Some(d) = &args.data {
        return Ok(d.as_bytes().to_vec());
    }
    match args.data_file.as_deref() {
        None => Ok(Vec::new()),
        Some(p) if p.as_os_str() == "-" => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| Error::Invalid(format!("could not read the body from stdin: {e}")))?;
            Ok(buf)
        }
        Some(p) => std::fs::read(p).map_err(|e| Error::io("read", p, &e)),
    }
}

fn draft(args: &RequestArgs, body: &[u8]) -> Result<RequestDraft> {
    let body = String::from_utf8(body.to_vec())
        .map_err(|_| Error::Invalid("the body is not UTF-8 text; Tokenbench sends text bodies (JSON)".into()))?;
    let method = args.method.clone().unwrap_or_else(|| if body.is_empty() { "GET".into() } else { "POST".into() });
    let mut headers = Vec::new();
    for h in &args.headers {
        let (name, value) = h.split_once(':').ok_or_else(|| Error::Invalid(format!("header '{h}' must look like 'Name: value'")))?;
        headers.push(FormRow::new(name.trim(), value.trim()));
    }
    let mut vars = BTreeMap::new();
    for v in &args.vars {
        let (k, val) = v.split_once('=').ok_or_else(|| Error::Invalid(format!("--var '{v}' must look like name=value")))?;
        vars.insert(k.trim().to_owned(), val.to_owned());
    }
    let url = args.url.clone().ok_or_else(|| Error::Invalid("give a URL or a path, e.g. /v2/core/stores/{storeId}/products".into()))?;
    Ok(RequestDraft { method: method.to_uppercase(), url, headers, query: Vec::new(), body, endpoint_id: None, vars })
}

fn tester(inv: Arc<Inventory>, clock: Arc<dyn Clock>) -> Result<Arc<Tester>> {
    Ok(Arc::new(Tester::new(inv, Arc::new(ReqwestSender::with_defaults()?), clock)))
}

/// `tokenbench send`: asks before a guarded request on a terminal, needs `--yes` otherwise.
pub fn send(inv: Arc<Inventory>, args: RequestArgs, yes: bool, json: bool, clock: Arc<dyn Clock>) -> Result<()> {
    let body = body(&args)?;
    let draft = draft(&args, &body)?;
    let tester = tester(inv, clock)?;
    let mut options = SendOptions { confirmed: Vec::new(), base_url: args.base_url.clone() };
    let asks = tester.confirmations(&args.token, &draft, &options)?;
    if !asks.is_empty() {
        let kinds: Vec<ConfirmationKind> = asks.iter().map(|c| c.kind).collect();
        if !yes {
            if !std::io::stdin().is_terminal() {
                let why: Vec<String> = asks.into_iter().map(|c| c.message).collect();
                return Err(Error::NeedsConfirmation(format!("{} Pass --yes to send anyway.", why.join(" "))));
            }
            for c in &asks {
                eprintln!("{}", c.message);
            }
            eprint!("Send anyway? [y/N] ");
            let _ = std::io::stderr().flush();
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).map_err(|e| Error::Invalid(e.to_string()))?;
            if !matches!(line.trim(), "y" | "Y" | "yes") {
                return Err(Error::NeedsConfirmation("not sent".into()));
            }
        }
        options.confirmed = kinds;
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Invalid(format!("could not start the async runtime: {e}")))?;
    let result = runtime.block_on(tester.send(args.token.clone(), draft, options))?;
    print_result(&result, json)
}

fn print_result(r: &SendResult, json: bool) -> Result<()> {
    if json {
        let text = serde_json::to_string_pretty(r).map_err(|e| Error::Invalid(e.to_string()))?;
        println!("{text}");
        return Ok(());
    }
    let res = &r.response;
    println!("HTTP {} {}  ({:.1} ms, {} bytes{})", res.status, res.status_text, res.timing.total_ms, res.size,
        res.remote_addr.as_deref().map(|a| format!(", {a}")).unwrap_or_default());
    for (k, v) in &res.headers {
        println!("{k}: {v}");
    }
    println!();
    match (&res.body_json_pretty, &res.body_text) {
        (Some(pretty), _) => println!("{pretty}"),
        (None, Some(text)) => println!("{text}"),
        (None, None) => println!("(binary body, {} bytes)", res.size),
    }
    for n in &res.notices {
        eprintln!("note: {n}");
    }
    if let Some(d) = &r.diagnosis {
        eprintln!("\n{}: {}", d.title, d.explanation);
        for c in &d.causes {
            eprintln!("  - {c}");
        }
        if !d.missing_permissions.is_empty() {
            eprintln!("  missing: {}", d.missing_permissions.join(", "));
        }
        if let Some(s) = d.retry_after_secs {
            eprintln!("  retry after {s} s");
        }
    }
    Ok(())
}

/// `tokenbench sign`: the auth headers for this body, secret masked, HMAC signature in full.
pub fn sign(inv: &Inventory, args: RequestArgs, json: bool, now: DateTime<Utc>) -> Result<()> {
    let body = body(&args)?;
    let (record, secret) = inv.secret(&args.token, now)?;
    let profile = inv.profiles().require(&record.provider)?;
    let masker = Masker::new(inv.profiles(), MaskLevel::Normal);
    let shown: Vec<_> = auth_headers_for(&record, Some(profile), &secret, &body)?.iter().map(|h| h.shown(&masker)).collect();
    if json {
        let text = serde_json::to_string_pretty(&shown).map_err(|e| Error::Invalid(e.to_string()))?;
        println!("{text}");
    } else {
        for h in shown {
            println!("{}: {}", h.name, h.value);
        }
    }
    Ok(())
}

/// `tokenbench snippet`.
pub fn snippet(inv: Arc<Inventory>, args: RequestArgs, lang: LangArg, inline_secret: bool, clock: Arc<dyn Clock>) -> Result<()> {
    let body = body(&args)?;
    let draft = draft(&args, &body)?;
    let lang = match lang {
        LangArg::Curl => SnippetLang::Curl,
        LangArg::Ts => SnippetLang::TypeScript,
        LangArg::Python => SnippetLang::Python,
    };
    print!("{}", tester(inv, clock)?.snippet(&args.token, &draft, lang, inline_secret)?);
    Ok(())
}
