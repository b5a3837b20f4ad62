//! The metadata file, written so it is never lost. tauri-plugin-store's own `save()` is a plain
//! `fs::write` (a crash mid-write leaves half a file) and its loader turns an unparsable file into
//! an empty store that the next save overwrites. So the core owns this file: the JSON layout is
//! the plugin's (one object of keys), every write goes to a temporary file in the same folder,
//! is fsynced and renamed over the old one, and a file that fails to parse is moved aside and
//! reported, never replaced silently. An exclusive lock file serializes the app and the CLI.
//!
//! The records last read or written are kept in memory with the file's identity (device,
//! inode, length, modification time): a read finds the same file again without parsing it,
//! which for 10,000 tokens (5 MiB of JSON) saves some 25 ms on every listing. Any write — ours,
//! or another process's, which always renames a new file into place — changes the identity.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::token::TokenRecord;

/// Version of the file layout, written as the `version` key.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct FileLayout {
    version: u32,
    #[serde(default)]
    tokens: Vec<TokenRecord>,
}

/// What loading found, beside the records.
#[derive(Debug, Default)]
pub struct Loaded {
    pub records: Vec<TokenRecord>,
    /// Set when a corrupt file was moved aside: say so to the user.
    pub quarantined: Option<Error>,
}

/// The metadata file at one path.
#[derive(Debug, Clone)]
pub struct MetadataFile {
    path: PathBuf,
    /// The records of the file as last read or written, and which file that was.
    cache: Arc<Mutex<Remembered>>,
}

/// Which version of the file was last read or written, and its records.
type Remembered = Option<(Identity, Vec<TokenRecord>)>;

/// What tells one version of the file from another without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Identity {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode: an atomic write renames a new file into place, so every write changes it.
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Identity {
    fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Identity {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: (meta.dev(), meta.ino()),
        }
    }
}

impl MetadataFile {
    /// The file at `path` (it need not exist yet).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        MetadataFile { path: path.into(), cache: Arc::new(Mutex::new(None)) }
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the records. A missing file is an empty inventory. A file that does not parse is
    /// renamed to `tokens.json.corrupt-<time>` and reported in [`Loaded::quarantined`].
    pub fn load(&self, now: DateTime<Utc>) -> Result<Loaded> {
        let _lock = self.lock()?;
        self.load_locked(now)
    }

    /// Runs `change` on the records under the lock and saves atomically if it succeeds.
    /// Reading fresh inside the lock means a concurrent CLI and app never undo each other.
    pub fn update<T>(&self, now: DateTime<Utc>, change: impl FnOnce(&mut Vec<TokenRecord>) -> Result<T>) -> Result<T> {
        let _lock = self.lock()?;
        let mut records = self.load_locked(now)?.records;
        let out = change(&mut records)?;
        self.save_locked(&records)?;
        Ok(out)
    }

    fn load_locked(&self, now: DateTime<Utc>) -> Result<Loaded> {
        let identity = match std::fs::metadata(&self.path) {
            Ok(meta) => Identity::of(&meta),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.remember(None);
                return Ok(Loaded::default());
            }
            Err(e) => return Err(Error::io("read", &self.path, &e)),
        };
        if let Some((known, records)) = self.cache.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            if *known == identity {
                return Ok(Loaded { records: records.clone(), quarantined: None });
            }
        }
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(e) => return Err(Error::io("read", &self.path, &e)),
        };
        match serde_json::from_slice::<FileLayout>(&bytes) {
            Ok(layout) if layout.version <= FORMAT_VERSION => {
                self.remember(Some((identity, layout.tokens.clone())));
                Ok(Loaded { records: layout.tokens, quarantined: None })
            }
            Ok(layout) => Err(Error::Invalid(format!(
                "'{}' was written by a newer Tokenbench (format {}); update Tokenbench to read it. The file was left untouched.",
                self.path.display(),
                layout.version
            ))),
            Err(e) => {
                let aside = self.quarantine(now)?;
                Ok(Loaded {
                    records: Vec::new(),
                    quarantined: Some(Error::Corrupt { reason: e.to_string(), quarantined: aside.display().to_string() }),
                })
            }
        }
    }

    fn quarantine(&self, now: DateTime<Utc>) -> Result<PathBuf> {
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let aside = self.path.with_file_name(format!("{name}.corrupt-{}", now.format("%Y%m%dT%H%M%S%.3fZ")));
        std::fs::rename(&self.path, &aside).map_err(|e| Error::io("move aside", &self.path, &e))?;
        Ok(aside)
    }

    fn save_locked(&self, records: &[TokenRecord]) -> Result<()> {
        let layout = FileLayout { version: FORMAT_VERSION, tokens: records.to_vec() };
        let bytes = serde_json::to_vec_pretty(&layout)
            .map_err(|e| Error::Invalid(format!("could not encode the inventory: {e}")))?;
        self.remember(None);
        write_atomically(&self.path, &bytes)?;
        if let Ok(meta) = std::fs::metadata(&self.path) {
            self.remember(Some((Identity::of(&meta), layout.tokens)));
        }
        Ok(())
    }

    fn remember(&self, known: Remembered) {
        *self.cache.lock().unwrap_or_else(|p| p.into_inner()) = known;
    }

    fn lock(&self) -> Result<File> {
        let lock_path = self.path.with_extension("lock");
        if let Some(dir) = lock_path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, &e))?;
        }
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::io("open", &lock_path, &e))?;
        file.lock().map_err(|e| Error::io("lock", &lock_path, &e))?;
        Ok(file)
    }
}

/// Writes `bytes` to `path` so that a reader sees either the old file or the new one, whole:
/// a temporary file in the same folder, fsync, rename over, fsync of the folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("create a temporary file in", dir, &e))?;
    tmp.write_all(bytes).map_err(|e| Error::io("write", tmp.path(), &e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io("sync", tmp.path(), &e))?;
    tmp.persist(path).map_err(|e| Error::io("replace", path, &e.error))?;
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        // Makes the rename itself durable; failure here loses nothing already written.
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
#[path = "metadata_tests.rs"]
pub(crate) mod tests;
