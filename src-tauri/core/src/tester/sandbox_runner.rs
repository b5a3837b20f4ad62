//! The sandbox as the app runs it: at most one, started and stopped on request, serving the
//! inventory's sandbox tokens. The CLI runs `sandbox::start` in the foreground instead.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use serde::Serialize;
use tokio::sync::Mutex;
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::Result;
use crate::inventory::Inventory;
use crate::sandbox::{self, SandboxHandle, DEFAULT_PORT};

use super::InventorySource;

/// Whether the sandbox runs, and where.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SandboxStatus {
    pub running: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub port: Option<u16>,
    /// `http://127.0.0.1:PORT`; a provider's base URL adds `/<provider>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub base_url: Option<String>,
}

/// Owns the running sandbox, if any.
pub struct SandboxRunner {
    inventory: Arc<Inventory>,
    clock: Arc<dyn Clock>,
    handle: Mutex<Option<SandboxHandle>>,
}

impl SandboxRunner {
    /// A runner over `inventory`'s sandbox tokens, on `clock`'s time; nothing is started yet.
    pub fn new(inventory: Arc<Inventory>, clock: Arc<dyn Clock>) -> Self {
        SandboxRunner { inventory, clock, handle: Mutex::new(None) }
    }

    /// Starts on `port` (default [`DEFAULT_PORT`]) unless already running.
    pub async fn start(&self, port: Option<u16>) -> Result<SandboxStatus> {
        let mut guard = self.handle.lock().await;
        if guard.is_none() {
            let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port.unwrap_or(DEFAULT_PORT)));
            let source = Arc::new(InventorySource::new(self.inventory.clone(), self.clock.clone()));
            *guard = Some(sandbox::start(addr, source, self.clock.clone()).await?);
        }
        Ok(status_of(guard.as_ref()))
    }

    /// Stops it (no-op when stopped).
    pub async fn stop(&self) -> SandboxStatus {
        if let Some(handle) = self.handle.lock().await.take() {
            handle.shutdown().await;
        }
        SandboxStatus { running: false, port: None, base_url: None }
    }

    /// Its state now.
    pub async fn status(&self) -> SandboxStatus {
        status_of(self.handle.lock().await.as_ref())
    }

    /// The port new sandbox tokens should point at: the running one, else the default.
    pub async fn port(&self) -> u16 {
        self.handle.lock().await.as_ref().map(|h| h.addr().port()).unwrap_or(DEFAULT_PORT)
    }

    /// Tells a running sandbox to re-read its tokens (after a create, revoke or edit).
    pub async fn refresh(&self) {
        if let Some(h) = self.handle.lock().await.as_ref() {
            h.refresh().await;
        }
    }
}

fn status_of(handle: Option<&SandboxHandle>) -> SandboxStatus {
    match handle {
        Some(h) => SandboxStatus {
            running: true,
            port: Some(h.addr().port()),
            base_url: Some(format!("http://{}", h.addr())),
        },
        None => SandboxStatus { running: false, port: None, base_url: None },
    }
}
