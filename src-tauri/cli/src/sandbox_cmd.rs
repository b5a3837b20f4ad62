//! `tokenbench sandbox`: the loopback store API in the foreground, serving the inventory's
//! sandbox tokens, until Ctrl-C; and `sandbox token` to create one.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use tokenbench_core::inventory::Inventory;
use chrono::{DateTime, Utc};
use tokenbench_core::clock::Clock;
use tokenbench_core::sandbox::{self, PROVIDERS};
use tokenbench_core::tester::{create_sandbox_token, InventorySource, NewSandboxToken};
use tokenbench_core::token::AuthMode;
use tokenbench_core::{Error, Result};

use crate::output;

/// Serves until interrupted.
pub fn serve(inv: Arc<Inventory>, port: u16, clock: Arc<dyn Clock>) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Invalid(format!("could not start the async runtime: {e}")))?;
    runtime.block_on(async move {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let handle = sandbox::start(addr, Arc::new(InventorySource::new(inv, clock.clone())), clock).await?;
        println!("Tokenbench sandbox listening on http://{}", handle.addr());
        for p in PROVIDERS {
            println!("  {p:<10} {}", handle.base_url(p));
        }
        println!("Create a token for it: tokenbench sandbox token --provider pandabase [--mode hmac]. Ctrl-C stops.");
        tokio::signal::ctrl_c().await.map_err(|e| Error::Invalid(format!("could not wait for Ctrl-C: {e}")))?;
        handle.shutdown().await;
        Ok(())
    })
}

/// Creates a sandbox token pointing at the sandbox on `port`.
#[allow(clippy::too_many_arguments)]
pub fn token(inv: &Inventory, provider: String, hmac: bool, scopes: Option<Vec<String>>, name: Option<String>, port: u16, json: bool, now: DateTime<Utc>) -> Result<()> {
    let spec = NewSandboxToken { provider, auth_mode: hmac.then_some(AuthMode::Hmac), scopes, name };
    let view = create_sandbox_token(inv, spec, port, now)?;
    output::created(&view, json)
}
