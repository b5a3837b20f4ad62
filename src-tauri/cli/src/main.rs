//! `tokenbench`: the command line over the same core, data folder and keychain as the app.
//! Secrets are read from standard input (never from arguments, which other users can see in
//! the process list); output shows masked values only. Exit codes are stable (see `exit.rs`).

mod args;
mod curl_cmd;
mod exit;
mod logs_cmd;
mod output;
mod recognize_cmd;
mod request_args;
mod request_cmd;
mod sandbox_cmd;
mod token_cmd;

use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use tokenbench_core::clock::{Clock, SystemClock};
use tokenbench_core::inventory::Inventory;
use tokenbench_core::keychain::KeychainVault;
use tokenbench_core::paths::DataDir;

use args::{Cli, Command, SandboxCmd};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(&e, json);
            ExitCode::from(exit::code_for(&e))
        }
    }
}

fn run(cli: Cli) -> tokenbench_core::Result<()> {
    if let Command::ImportCurl { file } = &cli.command {
        return curl_cmd::run(file.as_deref(), cli.json); // needs no data folder
    }
    let data = DataDir::resolve(cli.data_dir.clone())?;
    let inventory = Arc::new(Inventory::open(data, Arc::new(KeychainVault::new()))?);
    // The one clock of this process; a command reads "now" from it once, up front.
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let now = clock.now();
    match cli.command {
        Command::Token(cmd) => token_cmd::run(&inventory, cmd, cli.json, now),
        Command::Doctor => output::doctor(&inventory, cli.json, now),
        Command::Send { request, yes } => {
            // Sending writes to the log: the CLI's chance for the daily purge.
            if let Err(e) = logs_cmd::open(&inventory, now) {
                eprintln!("warning: {e}");
            }
            request_cmd::send(inventory, request, yes, cli.json, clock)
        }
        Command::Logs(args) => logs_cmd::logs(&inventory, args, cli.json, now),
        Command::Usage(args) => logs_cmd::usage(&inventory, args, cli.json, now),
        Command::Sign { request } => request_cmd::sign(inventory, request, cli.json, clock),
        Command::Snippet { request, lang, inline_secret } => request_cmd::snippet(inventory, request, lang, inline_secret, clock),
        Command::ImportCurl { .. } => Ok(()), // handled above
        Command::Recognize { host } => recognize_cmd::run(inventory.profiles(), host.as_deref(), cli.json),
        Command::Sandbox { port, command: None } => {
            sandbox_cmd::serve(inventory, port.unwrap_or(tokenbench_core::sandbox::DEFAULT_PORT), clock)
        }
        Command::Sandbox { port, command: Some(SandboxCmd::Token { provider, hmac, scopes, name }) } => {
            sandbox_cmd::token(&inventory, provider, hmac, scopes, name, port, cli.json, now)
        }
    }
}
