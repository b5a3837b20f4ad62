//! Where Tokenbench keeps its files. The app and the CLI resolve the same folder, so they see
//! the same inventory: `--data-dir`, else `TOKENBENCH_DATA_DIR`, else the OS data folder for the
//! app identifier (the folder Tauri's `app_data_dir` uses).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::vault::SERVICE;

/// Environment variable that selects another data folder (tests use it).
pub const DATA_DIR_ENV: &str = "TOKENBENCH_DATA_DIR";

/// The data folder and the files in it. Holds no secrets: those are in the keychain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// Resolves the folder from an explicit choice, the environment, or the OS default, and
    /// creates it. Fails only when no folder can be determined or created.
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self> {
        let root = explicit
            .or_else(|| std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
            .or_else(|| dirs::data_dir().map(|d| d.join(SERVICE)))
            .ok_or_else(|| {
                Error::Invalid(format!("no data folder could be determined; pass --data-dir or set {DATA_DIR_ENV}"))
            })?;
        Self::at(root)
    }

    /// Uses `root` (creating it).
    pub fn at(root: impl Into<PathBuf>) -> Result<Self> {
        let root = root.into();
        std::fs::create_dir_all(&root).map_err(|e| Error::io("create", &root, &e))?;
        Ok(DataDir { root })
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The token metadata file (tauri-plugin-store's JSON format, written atomically by the core).
    pub fn metadata_file(&self) -> PathBuf {
        self.root.join("tokens.json")
    }

    /// Folder for user provider profiles (`*.json`).
    pub fn profiles_dir(&self) -> PathBuf {
        self.root.join("profiles")
    }

    /// The user's settings (`settings.json`, written atomically by the core).
    pub fn settings_file(&self) -> PathBuf {
        self.root.join("settings.json")
    }

    /// The SQLite request log.
    pub fn request_log(&self) -> PathBuf {
        self.root.join("requests.sqlite3")
    }

    /// Where a running sandbox notes its port (`sandbox-port`), for `sandbox token` elsewhere.
    pub fn sandbox_port_file(&self) -> PathBuf {
        self.root.join("sandbox-port")
    }
}
