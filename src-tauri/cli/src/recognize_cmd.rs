//! `tokenbench recognize [--host HOST]`: what a token probably is, as the add dialog shows it
//! while you paste — every candidate (provider, environment, kind, role, auth mode, confidence
//! and why), the warnings, and the value masked. The value is read from standard input (a
//! hidden prompt on a terminal) and never printed, stored or sent anywhere. Needs no keychain.

use tokenbench_core::profile::Profiles;
use tokenbench_core::recognize::{recognize, Recognition};
use tokenbench_core::Result;

use crate::output::{json_word, print_json};
use crate::token_cmd::read_secret;

/// Reads one value, recognizes it against `profiles` (with `host` weighing the candidates),
/// prints the result.
pub fn run(profiles: &Profiles, host: Option<&str>, json: bool) -> Result<()> {
    let value = read_secret("Value to recognize")?;
    let recognition = recognize(value.expose(), host, profiles);
    if json {
        print_json(&recognition)
    } else {
        print_text(&recognition);
        Ok(())
    }
}

fn print_text(r: &Recognition) {
    println!("Value       {}", if r.masked.is_empty() { "(empty)" } else { &r.masked });
    if let Some(id) = &r.public_id {
        println!("Public id   {id}");
    }
    if r.candidates.is_empty() {
        println!("\nNo provider's token shape matches.");
    } else {
        println!("\nCandidates (best first):");
        for (i, c) in r.candidates.iter().enumerate() {
            let env = c.environment.map(|e| json_word(&e)).unwrap_or_else(|| "unknown".into());
            println!(
                "  {}. {} ({})  env {env}  kind {}  role {}  auth {}  confidence {}%",
                i + 1,
                c.provider_name,
                c.provider,
                json_word(&c.kind),
                json_word(&c.role),
                json_word(&c.auth_mode),
                c.confidence
            );
            println!("     {}", c.reason);
        }
    }
    if !r.warnings.is_empty() {
        println!("\nWarnings:");
        for w in &r.warnings {
            println!("  - {}: {}", json_word(&w.code), w.message);
        }
    }
}
