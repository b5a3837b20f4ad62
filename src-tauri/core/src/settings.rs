//! The user's settings: one small JSON file in the data folder (`settings.json`), written
//! atomically like the metadata (temporary file, fsync, rename). Every field has a default
//! (`serde(default)`), so a file from an older or newer Tokenbench reads without loss of the
//! fields it knows, and new settings (presentation mode, reminders) are a field away. A file
//! that does not parse is moved aside to `settings.json.corrupt-<time>`, reported, and the
//! defaults used: never silently overwritten.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::metadata::write_atomically;
use crate::request_log::DEFAULT_RETENTION_DAYS;

/// Longest retention the setting accepts (ten years); longer is "keep everything".
pub const MAX_RETENTION_DAYS: u32 = 3650;

/// Everything the user can set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Days the request log keeps rows; `null` keeps everything. Default 30.
    #[ts(type = "number | null")]
    pub log_retention_days: Option<u32>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { log_retention_days: Some(DEFAULT_RETENTION_DAYS) }
    }
}

impl Settings {
    /// Checks the values; fails with [`Error::Invalid`] naming the field and the range.
    pub fn validate(&self) -> Result<()> {
        if let Some(days) = self.log_retention_days {
            if !(1..=MAX_RETENTION_DAYS).contains(&days) {
                return Err(Error::Invalid(format!(
                    "keep the request log for 1 to {MAX_RETENTION_DAYS} days, or choose 'keep everything' ({days} days was asked)"
                )));
            }
        }
        Ok(())
    }
}

/// The settings file at one path.
#[derive(Debug, Clone)]
pub struct SettingsFile {
    path: PathBuf,
}

impl SettingsFile {
    /// The file at `path` (it need not exist).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        SettingsFile { path: path.into() }
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the settings: defaults when the file is missing. A file that does not parse is
    /// moved aside and the defaults returned with the sentence to show.
    pub fn load(&self, now: DateTime<Utc>) -> Result<(Settings, Option<String>)> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Settings::default(), None)),
            Err(e) => return Err(Error::io("read", &self.path, &e)),
        };
        match serde_json::from_slice::<Settings>(&bytes) {
            Ok(s) => Ok((s, None)),
            Err(e) => {
                let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let aside = self.path.with_file_name(format!("{name}.corrupt-{}", now.format("%Y%m%dT%H%M%S%.3fZ")));
                std::fs::rename(&self.path, &aside).map_err(|e| Error::io("move aside", &self.path, &e))?;
                Ok((
                    Settings::default(),
                    Some(format!("The settings file could not be read ({e}). It was moved to '{}' and the defaults are in use.", aside.display())),
                ))
            }
        }
    }

    /// Validates and saves atomically.
    pub fn save(&self, settings: &Settings) -> Result<()> {
        settings.validate()?;
        let bytes = serde_json::to_vec_pretty(settings).map_err(|e| Error::Invalid(format!("could not encode the settings: {e}")))?;
        write_atomically(&self.path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-10T12:00:00Z").expect("date").with_timezone(&Utc)
    }

    #[test]
    fn a_missing_file_gives_thirty_days_and_a_saved_choice_comes_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = SettingsFile::new(dir.path().join("settings.json"));
        assert_eq!(file.load(now()).expect("load").0.log_retention_days, Some(30));
        file.save(&Settings { log_retention_days: None }).expect("keep everything");
        assert_eq!(file.load(now()).expect("load").0.log_retention_days, None, "null means keep everything");
        file.save(&Settings { log_retention_days: Some(90) }).expect("save");
        assert_eq!(file.load(now()).expect("load").0.log_retention_days, Some(90));
    }

    #[test]
    fn unknown_and_missing_fields_read_as_defaults_without_loss() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("settings.json");
        std::fs::write(&path, br#"{"somethingNewer": true}"#).expect("write");
        assert_eq!(SettingsFile::new(&path).load(now()).expect("load").0, Settings::default());
    }

    #[test]
    fn a_broken_file_is_moved_aside_and_reported_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("settings.json");
        std::fs::write(&path, b"{\"logRetentionDays\": ").expect("write");
        let (settings, notice) = SettingsFile::new(&path).load(now()).expect("load");
        assert_eq!(settings, Settings::default());
        let notice = notice.expect("reported");
        assert!(notice.contains("settings.json.corrupt-"), "{notice}");
        assert!(!path.exists());
    }

    #[test]
    fn out_of_range_retention_is_refused_with_the_range() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = SettingsFile::new(dir.path().join("settings.json"));
        for days in [0, MAX_RETENTION_DAYS + 1] {
            let err = file.save(&Settings { log_retention_days: Some(days) }).expect_err("out of range");
            assert!(err.to_string().contains("1 to 3650"), "{err}");
        }
        assert!(!file.path().exists(), "nothing written");
    }
}
