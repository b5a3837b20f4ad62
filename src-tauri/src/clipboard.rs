//! Copying a secret, done in Rust so the webview never holds it. The value is cleared from the
//! clipboard after a delay, but only if the clipboard still holds it: something the user copied
//! since is left alone.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokenbench_core::{Error, Result, Secret};

/// Owns the clipboard handle (on X11 the owner must stay alive to serve the content) and a
/// generation counter so only the latest copy's timer may clear.
#[derive(Default)]
pub struct ClipboardGuard {
    board: Mutex<Option<arboard::Clipboard>>,
    generation: AtomicU64,
}

impl ClipboardGuard {
    /// Puts `secret` on the clipboard and schedules its removal after `clear_after`.
    pub fn copy(self: &Arc<Self>, secret: Secret, clear_after: Duration) -> Result<()> {
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        self.with_board(|b| b.set_text(secret.expose().to_owned()))?;
        let me = Arc::clone(self);
        std::thread::spawn(move || {
            std::thread::sleep(clear_after);
            if me.generation.load(Ordering::SeqCst) != generation {
                return;
            }
            let still_ours = me.with_board(|b| b.get_text()).is_ok_and(|t| Secret::new(t) == secret);
            if still_ours {
                let _ = me.with_board(|b| b.clear());
            }
        });
        Ok(())
    }

    fn with_board<T>(&self, f: impl FnOnce(&mut arboard::Clipboard) -> std::result::Result<T, arboard::Error>) -> Result<T> {
        let mut guard = self.board.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            *guard = Some(arboard::Clipboard::new().map_err(|e| Error::Invalid(format!("the clipboard is not available: {e}")))?);
        }
        match guard.as_mut() {
            Some(board) => f(board).map_err(|e| Error::Invalid(format!("the clipboard refused: {e}"))),
            None => Err(Error::Invalid("the clipboard is not available".into())),
        }
    }
}
