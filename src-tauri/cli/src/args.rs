//! The command line's shape (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "tokenbench", version, about = "Keep API tokens in the OS keychain; inventory, sign and send with them.")]
pub struct Cli {
    /// Data folder (default: the app's; also TOKENBENCH_DATA_DIR).
    #[arg(long, global = true, env = "TOKENBENCH_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print JSON instead of text (errors too: {"code","message"} on stderr).
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Add, list, show, edit, revoke, remove, import and export tokens.
    #[command(subcommand)]
    Token(TokenCmd),
    /// Check the keychain, the data folder and versions.
    Doctor,
    /// Send a request signed with a vault token; prints status, headers and body.
    Send {
        #[command(flatten)]
        request: crate::request_args::RequestArgs,
        /// Send without asking when a guardrail applies (live token: write, or foreign host).
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Print the headers a request would carry (secret masked, HMAC signature in full); with a URL or path, its method and URL first (--base-url applies).
    Sign {
        #[command(flatten)]
        request: crate::request_args::RequestArgs,
    },
    /// Print an equivalent cURL / TypeScript / Python snippet (secrets from environment variables).
    Snippet {
        #[command(flatten)]
        request: crate::request_args::RequestArgs,
        #[arg(long, value_enum)]
        lang: crate::request_args::LangArg,
        /// Put the secret itself in the snippet (it will be on screen and in your shell history).
        #[arg(long)]
        inline_secret: bool,
    },
    /// Requests from the request log, newest first (never headers, bodies or secrets).
    Logs(LogsArgs),
    /// Usage figures from the request log: totals, error rate, timings, timeline, endpoints.
    Usage(UsageArgs),
    /// Show the request a cURL command makes (from FILE, or stdin with - or no FILE): method,
    /// URL, headers, body, credentials found (masked) and notes. Files it names are read from
    /// the current folder.
    ImportCurl { file: Option<PathBuf> },
    /// Recognize a token read from stdin (hidden prompt on a terminal): candidates, environment,
    /// kind and warnings, as the add dialog shows them. Prints the value masked only.
    Recognize {
        /// The API host or URL the token is for; its provider's candidates rank higher.
        #[arg(long)]
        host: Option<String>,
    },
    /// Run the local sandbox store API (all five providers) until Ctrl-C.
    Sandbox {
        /// Port to listen on (default 8787). For `sandbox token`: the port its base URL uses
        /// (default: the port a running sandbox listens on, else 8787).
        #[arg(long, global = true)]
        port: Option<u16>,
        #[command(subcommand)]
        command: Option<SandboxCmd>,
    },
}

#[derive(Args)]
pub struct LogsArgs {
    /// Only this token (name or id).
    #[arg(long)]
    pub token: Option<String>,
    /// A status code (429), a class (4xx), 'failed' (no answer) or 'errors'.
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long, short = 'X')]
    pub method: Option<String>,
    /// 7d, 12h, 30m, 2w, a date or an RFC 3339 time.
    #[arg(long)]
    pub since: Option<String>,
    /// Words found in the path, query, token name or IP.
    #[arg(long)]
    pub search: Option<String>,
    /// Rows to show (at most 1000).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

#[derive(Args)]
pub struct UsageArgs {
    /// Only this token (name or id).
    #[arg(long)]
    pub token: Option<String>,
    /// today, 7d, 30d, 1y or all.
    #[arg(long, default_value = "30d")]
    pub range: String,
    /// Filter the recent calls: 429, 4xx, failed, errors.
    #[arg(long)]
    pub status: Option<String>,
}

#[derive(Subcommand)]
pub enum SandboxCmd {
    /// Create a token the sandbox accepts (random secret in the keychain, tagged `sandbox`).
    Token {
        #[arg(long)]
        provider: String,
        /// Pandabase HMAC mode (token id + signature) instead of Bearer.
        #[arg(long)]
        hmac: bool,
        /// Comma-separated scopes (default: all of the provider's).
        #[arg(long, value_delimiter = ',')]
        scopes: Option<Vec<String>>,
        #[arg(long)]
        name: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum TokenCmd {
    /// Add a token. The secret is read from standard input.
    Add(AddArgs),
    /// List tokens.
    List(ListArgs),
    /// Show one token (masked).
    Show { name: String },
    /// Edit a token's metadata.
    Edit {
        name: String,
        #[command(flatten)]
        meta: MetaArgs,
        /// New name.
        #[arg(long)]
        rename: Option<String>,
        /// Remove the expiry date.
        #[arg(long)]
        no_expiry: bool,
    },
    /// Replace a token's secret after a rotation (read from standard input).
    SetSecret { name: String },
    /// Revoke a token: its secret leaves the keychain, the record stays.
    Revoke {
        name: String,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Remove a token and its secret.
    Rm {
        name: String,
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Export the inventory without secrets.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: FormatArg,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Import an inventory export (JSON/CSV), or find tokens in a .env / text file.
    Import {
        file: PathBuf,
        /// Accept every token found in a .env / text file without asking.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Args, Default)]
pub struct MetaArgs {
    #[arg(long)]
    pub provider: Option<String>,
    #[arg(long = "env", value_enum)]
    pub environment: Option<EnvArg>,
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
    /// Header name for api-key / custom modes.
    #[arg(long)]
    pub header: Option<String>,
    /// Value prefix for custom mode.
    #[arg(long)]
    pub prefix: Option<String>,
    /// Public token id (Pandabase stk_…).
    #[arg(long)]
    pub token_id: Option<String>,
    #[arg(long)]
    pub store_id: Option<String>,
    #[arg(long)]
    pub base_url: Option<String>,
    /// Comma-separated scopes.
    #[arg(long, value_delimiter = ',')]
    pub scopes: Option<Vec<String>>,
    /// YYYY-MM-DD (valid through that day, UTC) or RFC 3339.
    #[arg(long)]
    pub expires: Option<String>,
    #[arg(long)]
    pub rate_limit: Option<u32>,
    #[arg(long)]
    pub rotation_days: Option<u32>,
    #[arg(long, value_delimiter = ',')]
    pub tags: Option<Vec<String>>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub meta: MetaArgs,
}

#[derive(Args)]
pub struct ListArgs {
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long)]
    pub provider: Option<String>,
    #[arg(long = "env", value_enum)]
    pub environment: Option<EnvArg>,
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    #[arg(long)]
    pub tag: Option<String>,
    #[arg(long, value_enum)]
    pub sort: Option<SortArg>,
    #[arg(long)]
    pub desc: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EnvArg {
    Live,
    Test,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Secret,
    Publishable,
    Hmac,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ModeArg {
    Bearer,
    Hmac,
    ApiKey,
    Raw,
    Custom,
    None,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StatusArg {
    Active,
    Expired,
    Revoked,
    ExpiresSoon,
    RotationDue,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SortArg {
    Name,
    Provider,
    Environment,
    Status,
    Expires,
    LastUsed,
    Created,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Json,
    Csv,
}
