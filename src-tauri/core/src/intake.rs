//! Import of any text or file: the one entry the app's import dialog and `tokenbench token
//! import` share. What the text is decides what happens ([`crate::transfer::classify`]): an
//! inventory export (or the metadata file) is imported at once, in one write; anything else is
//! scanned for tokens, which the user then confirms ([`ProposalBook`]).
//!
//! Two size limits, for two jobs: scanning reads text up to [`MAX_SCAN_BYTES`] (a `.env` file
//! or a pasted message, never megabytes), while an export of a large inventory may be up to
//! [`MAX_EXPORT_BYTES`] (10,000 tokens export to about 6 MiB of JSON).

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::inventory::Inventory;
use crate::proposals::{Proposal, ProposalBook};
use crate::transfer::{classify, ImportReport, Incoming};

/// The most text the scanner reads (1 MiB).
pub const MAX_SCAN_BYTES: usize = 1024 * 1024;
/// The largest file import reads, for exports (64 MiB; about 100,000 tokens).
pub const MAX_EXPORT_BYTES: u64 = 64 * 1024 * 1024;

/// What importing a text did.
#[derive(Debug, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ImportOutcome {
    /// The text was an inventory export: its records were added (they have no secrets yet).
    Imported { report: ImportReport },
    /// The text was scanned: these tokens were found and wait for the user's choice (masked;
    /// the values stay in the [`ProposalBook`]).
    Proposals { proposals: Vec<Proposal> },
}

/// Imports `text`: an export's records are added, anything else is scanned into `book`.
/// Fails for an export that does not parse, for text over [`MAX_SCAN_BYTES`] that is not an
/// export, or when the metadata file cannot be written.
pub fn import_text(inventory: &Inventory, book: &ProposalBook, text: &str, now: DateTime<Utc>) -> Result<ImportOutcome> {
    match classify(text, now)? {
        Incoming::Records(records) => Ok(ImportOutcome::Imported { report: inventory.insert_records(records, now)? }),
        Incoming::Text if text.len() > MAX_SCAN_BYTES => Err(Error::Invalid(format!(
            "the text is {} and is not a Tokenbench export; tokens are looked for in text of up to 1 MiB (a .env file, a config, a message): import a smaller part",
            size(text.len() as u64)
        ))),
        Incoming::Text => Ok(ImportOutcome::Proposals { proposals: book.propose(inventory, text) }),
    }
}

/// Reads `path` for [`import_text`]: UTF-8, at most [`MAX_EXPORT_BYTES`]. The error names the
/// file and says what import accepts.
pub fn read_import_file(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, &e))?;
    if meta.len() > MAX_EXPORT_BYTES {
        return Err(Error::Invalid(format!(
            "'{}' is {}; import reads Tokenbench exports up to 64 MiB and looks for tokens in text files up to 1 MiB",
            path.display(),
            size(meta.len())
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, &e))?;
    String::from_utf8(bytes).map_err(|_| Error::Invalid(format!("'{}' is not UTF-8 text; import reads exports, .env and text files", path.display())))
}

/// `1.5 MiB`, `900 KiB`, `12 bytes`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{} KiB", b / 1024),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
#[path = "intake_tests.rs"]
mod tests;
