//! Which port new sandbox tokens point at. A sandbox runs in one process (`tokenbench sandbox
//! --port P` in a terminal, or the app's *Start sandbox*) while tokens for it are created in
//! another (`tokenbench sandbox token`, the app's *Create sandbox token*). So a running sandbox
//! notes its port in the data folder, and token creation uses, in order: the port asked for,
//! the noted port if a server answers on it, the default port. A note left behind by a killed
//! sandbox is ignored because nothing answers on its port.

use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use crate::error::Result;
use crate::metadata::write_atomically;
use crate::paths::DataDir;
use crate::sandbox::DEFAULT_PORT;

/// How long to wait for the noted port to accept a connection (loopback answers at once).
const PROBE_TIMEOUT: Duration = Duration::from_millis(300);

/// The `sandbox-port` note in one data folder.
#[derive(Debug, Clone)]
pub struct SandboxPortNote {
    path: PathBuf,
}

impl SandboxPortNote {
    /// The note of `data`'s sandbox (the file need not exist).
    pub fn new(data: &DataDir) -> Self {
        SandboxPortNote { path: data.sandbox_port_file() }
    }

    /// Notes that a sandbox listens on `port`. Fails only if the file cannot be written.
    pub fn record(&self, port: u16) -> Result<()> {
        write_atomically(&self.path, port.to_string().as_bytes())
    }

    /// Removes the note if it still names `port` (another sandbox may have noted its own since).
    pub fn clear(&self, port: u16) {
        if self.noted() == Some(port) {
            let _ = std::fs::remove_file(&self.path);
        }
    }

    /// The noted port, if a server accepts connections on it.
    pub fn running_port(&self) -> Option<u16> {
        let port = self.noted()?;
        TcpStream::connect_timeout(&SocketAddr::from((Ipv4Addr::LOCALHOST, port)), PROBE_TIMEOUT).ok().map(|_| port)
    }

    /// The port a new sandbox token should point at: `asked`, else [`Self::running_port`], else
    /// [`DEFAULT_PORT`].
    pub fn port_for_new_tokens(&self, asked: Option<u16>) -> u16 {
        asked.or_else(|| self.running_port()).unwrap_or(DEFAULT_PORT)
    }

    fn noted(&self) -> Option<u16> {
        std::fs::read_to_string(&self.path).ok()?.trim().parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_tokens_point_at_the_port_asked_for_else_a_running_sandboxs_else_the_default() {
        let dir = tempfile::tempdir().expect("tempdir");
        let note = SandboxPortNote::new(&DataDir::at(dir.path()).expect("dir"));
        assert_eq!(note.port_for_new_tokens(None), DEFAULT_PORT, "no sandbox noted: the default");
        let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind");
        let port = listener.local_addr().expect("addr").port();
        note.record(port).expect("record");
        assert_eq!(note.port_for_new_tokens(None), port, "a running sandbox's port wins over the default");
        assert_eq!(note.port_for_new_tokens(Some(9)), 9, "the port asked for wins over everything");
        note.clear(port.wrapping_add(1));
        assert_eq!(note.running_port(), Some(port), "clearing another port's note leaves this one");
        drop(listener);
        assert_eq!(note.port_for_new_tokens(None), DEFAULT_PORT, "a note whose port answers no more is stale");
        note.clear(port);
        assert!(!dir.path().join("sandbox-port").exists(), "the sandbox's own note is removed when it stops");
    }
}
