//! Finds a string in every file under a folder, to prove a secret never reached the disk.
//!
//! A secret may only live in the keychain, so after a test drives the app (or the CLI) with a
//! known secret, scanning its data folder for that secret must come back empty. The scan reads
//! raw bytes (SQLite pages, JSON, logs alike) and never skips a file it cannot read: an
//! unreadable file is an error, because a leak checker that skips files proves nothing. The one
//! exception is a file or folder that vanished between listing and reading (a running app's
//! caches rename temporary files): what is gone holds nothing.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Returns every regular file under `root` (recursively, symlinks not followed) whose bytes
/// contain `needle` as UTF-8 or as UTF-16LE (how some stores write text), sorted by path.
///
/// Fails when `needle` is empty (it would match everything), or when a folder or file under
/// `root` cannot be read; a missing `root` is an error too, since scanning nothing proves nothing.
/// Files and folders deleted while the scan runs are passed over.
pub fn files_containing(root: &Path, needle: &str) -> io::Result<Vec<PathBuf>> {
    if needle.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "an empty needle matches every file",
        ));
    }
    let patterns = [
        needle.as_bytes().to_vec(),
        needle
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
    ];
    let mut hits = Vec::new();
    for path in regular_files(root)? {
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                let why = format!("cannot read {}: {e}", path.display());
                return Err(io::Error::new(e.kind(), why));
            }
        };
        if patterns.iter().any(|p| contains(&bytes, p)) {
            hits.push(path);
        }
    }
    hits.sort();
    Ok(hits)
}

/// Counts the regular files under `root`, so a test can show its scan looked at something.
pub fn file_count(root: &Path) -> io::Result<usize> {
    Ok(regular_files(root)?.len())
}

/// Every regular file under `root`, recursively, without following symlinks. A missing `root`
/// is an error; a folder below it that vanished while listing is passed over.
fn regular_files(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound && dir != root => continue,
            Err(e) => {
                let why = format!("cannot list {}: {e}", dir.display());
                return Err(io::Error::new(e.kind(), why));
            }
        };
        for entry in entries {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                pending.push(entry.path());
            } else if kind.is_file() {
                files.push(entry.path());
            }
        }
    }
    Ok(files)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_string_buried_in_a_nested_binary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("a/b")).expect("nested dirs");
        fs::write(
            dir.path().join("a/b/db.sqlite"),
            b"\x00\x01page sk_live_XYZ\x00tail",
        )
        .expect("write");
        fs::write(
            dir.path().join("clean.json"),
            b"{\"masked\":\"sk_live_...XYZ\"}",
        )
        .expect("write");
        let hits = files_containing(dir.path(), "sk_live_XYZ").expect("scan");
        assert_eq!(
            hits,
            vec![dir.path().join("a/b/db.sqlite")],
            "only the file holding the secret is reported"
        );
        assert_eq!(file_count(dir.path()).expect("count"), 2);
    }

    #[test]
    fn finds_a_string_written_as_utf16() {
        let dir = tempfile::tempdir().expect("temp dir");
        let utf16: Vec<u8> = "tok_123"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        fs::write(dir.path().join("wide.bin"), utf16).expect("write");
        assert_eq!(
            files_containing(dir.path(), "tok_123").expect("scan").len(),
            1,
            "UTF-16LE copies count as leaks"
        );
    }

    #[test]
    fn refuses_an_empty_needle_and_a_missing_root() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(
            files_containing(dir.path(), "").is_err(),
            "an empty needle would match every file"
        );
        assert!(
            files_containing(&dir.path().join("absent"), "x").is_err(),
            "scanning nothing proves nothing"
        );
    }
}
