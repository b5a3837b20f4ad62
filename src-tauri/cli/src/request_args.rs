//! Arguments shared by `send`, `sign` and `snippet`: a request in curl's vocabulary.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Args, Clone)]
pub struct RequestArgs {
    /// Vault token name (or id).
    #[arg(long)]
    pub token: String,
    /// HTTP method (default GET, or POST when a body is given).
    #[arg(short = 'X', long = "request")]
    pub method: Option<String>,
    /// A full URL, or a path resolved against the token's base URL (may use {storeId}, {tokenId}, {id}…).
    pub url: Option<String>,
    /// Extra header, 'Name: value' (repeatable).
    #[arg(short = 'H', long = "header")]
    pub headers: Vec<String>,
    /// Request body, sent and signed byte for byte.
    #[arg(short = 'd', long = "data", conflicts_with = "data_file")]
    pub data: Option<String>,
    /// Read the body from a file ('-' for standard input).
    #[arg(long)]
    pub data_file: Option<PathBuf>,
    /// Fill a {variable}: name=value (repeatable).
    #[arg(long = "var")]
    pub vars: Vec<String>,
    /// Override the token's base URL.
    #[arg(long)]
    pub base_url: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Curl,
    Ts,
    Python,
}
