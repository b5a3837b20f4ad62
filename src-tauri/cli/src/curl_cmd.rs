//! `tokenbench import-curl [FILE|-]`: the request Tokenbench makes of a cURL command — method,
//! URL, query, headers, body, the credentials it took out (masked) and notes on whatever
//! differs from what curl would send — through the same core importer as the app's "Import
//! cURL". Unlike a paste in the app, the files the command names (`-d @body.json`, `-T`,
//! `-F f=@…`) are read from the current folder, as curl run here would read them. Needs no
//! keychain and no data folder.

use std::io::{IsTerminal, Read};
use std::path::Path;

use tokenbench_core::request::curl_import::import_curl_reading_files;
use tokenbench_core::request::CurlImport;
use tokenbench_core::{Error, Result};

use crate::output::{json_word, print_json};

/// The longest command text read: far beyond any real command, small enough to refuse a
/// wrong file quickly.
const MAX_COMMAND_BYTES: u64 = 1024 * 1024;

/// Reads the command from `file` (standard input for `-` or none), imports it, prints it.
pub fn run(file: Option<&Path>, json: bool) -> Result<()> {
    let text = read_command(file)?;
    let folder = std::env::current_dir().map_err(|e| Error::io("read the current folder", Path::new("."), &e))?;
    let imported = import_curl_reading_files(&text, &folder)?;
    if json {
        print_json(&imported)
    } else {
        print_text(&imported);
        Ok(())
    }
}

fn read_command(file: Option<&Path>) -> Result<String> {
    let mut bytes = Vec::new();
    match file.filter(|f| f.as_os_str() != "-") {
        Some(path) => {
            let f = std::fs::File::open(path).map_err(|e| Error::io("read", path, &e))?;
            f.take(MAX_COMMAND_BYTES + 1).read_to_end(&mut bytes).map_err(|e| Error::io("read", path, &e))?;
        }
        None => {
            if std::io::stdin().is_terminal() {
                eprintln!("Paste the curl command, then press Ctrl-D:");
            }
            std::io::stdin()
                .take(MAX_COMMAND_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::Invalid(format!("could not read the command from standard input: {e}")))?;
        }
    }
    if bytes.len() as u64 > MAX_COMMAND_BYTES {
        return Err(Error::Invalid(format!(
            "the input is larger than {} KiB, which no curl command is: pass the file that holds the command",
            MAX_COMMAND_BYTES / 1024
        )));
    }
    String::from_utf8(bytes).map_err(|_| Error::Invalid("the input is not UTF-8 text: pass the file that holds the curl command".into()))
}

fn print_text(imported: &CurlImport) {
    let d = &imported.draft;
    println!("{} {}", d.method, d.url);
    if !d.query.is_empty() {
        println!("\nQuery:");
        for row in &d.query {
            println!("  {} = {}", printable(&row.name), printable(&row.value));
        }
    }
    if !d.headers.is_empty() {
        println!("\nHeaders:");
        for h in &d.headers {
            println!("  {}: {}", h.name, printable(&h.value));
        }
    }
    if !d.body.is_empty() {
        println!("\nBody ({} bytes):", d.body.len());
        println!("{}", printable(&d.body));
    }
    if !imported.found.is_empty() {
        println!("\nCredentials left out (pick a vault token instead):");
        for f in &imported.found {
            let mode = f.suggested_mode.map(|m| format!(" (vault token: {})", json_word(&m))).unwrap_or_default();
            println!("  {}: {}{mode}", f.location, f.masked);
        }
    }
    if !imported.notes.is_empty() {
        println!("\nNotes:");
        for n in &imported.notes {
            println!("  - {n}");
        }
    }
}

/// Text safe for a terminal: line ends shown as new lines, other control characters (an
/// escape sequence in a pasted command could rewrite the screen) escaped. `--json` is exact.
fn printable(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { c.escape_default().to_string() } else { c.to_string() }).collect()
}
