//! Importing an export of 10,000 tokens back, against reading and parsing the same file in the
//! same run as the reference. The import used to rewrite the whole metadata file once per
//! record (quadratic: 2,000 records took 12 s) and refused files over 1 MiB; it is now one
//! write with per-record checks against a name index. Prints figures, asserts nothing.
//!
//! `cargo run --release -p tokenbench-core --example bench_import [-- --count N --runs R]`
//! `cargo run --release -p tokenbench-core --example bench_import -- --write-export FILE [--count N]`
//! writes the generated export and exits (the start-up benchmark seeds a data folder with it).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use tokenbench_core::intake::{import_text, read_import_file, ImportOutcome};
use tokenbench_core::inventory::Inventory;
use tokenbench_core::paths::DataDir;
use tokenbench_core::proposals::ProposalBook;
use tokenbench_core::transfer::{export, Format};
use tokenbench_core::vault::MemoryVault;

#[path = "support/generated.rs"]
mod generated;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Median milliseconds of `runs` calls of `f` (after one uncounted warm-up call).
fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    f();
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn main() {
    let mut count = 10_000usize;
    let mut runs = 7usize;
    let mut write_to: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--count" => count = args.next().and_then(|v| v.parse().ok()).expect("--count N"),
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).expect("--runs R"),
            "--write-export" => write_to = Some(args.next().expect("--write-export FILE").into()),
            other => panic!("unknown argument {other}; see the file's header"),
        }
    }
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).single().expect("date");
    let records = generated::records(count, now);
    if let Some(path) = write_to {
        std::fs::write(&path, export(&records, Format::Json, now).expect("export")).expect("write the export");
        eprintln!("wrote an export of {count} tokens to {}", path.display());
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    println!("importing an export of {count} tokens, median of {runs} runs each, each into an empty data folder");
    println!("{:<48} {:>10} {:>10} {:>8}", "", "import ms", "read+parse", "ratio");
    for format in [Format::Json, Format::Csv] {
        let file = dir.path().join(format!("export.{format:?}").to_lowercase());
        std::fs::write(&file, export(&records, format, now).expect("export")).expect("write");
        let size_kib = std::fs::metadata(&file).expect("size").len() / 1024;
        let reference = time(runs, || {
            let text = std::fs::read_to_string(&file).expect("read");
            match format {
                Format::Json => drop(serde_json::from_str::<serde_json::Value>(&text).expect("parse")),
                Format::Csv => drop(csv::Reader::from_reader(text.as_bytes()).records().count()),
            }
        });
        let mut n = 0;
        let import = time(runs, || {
            n += 1;
            let data = DataDir::at(dir.path().join(format!("data-{format:?}-{n}"))).expect("data dir");
            let inv = Inventory::open(data, Arc::new(MemoryVault::new())).expect("open");
            let text = read_import_file(&file).expect("read");
            match import_text(&inv, &ProposalBook::new(), &text, now).expect("import") {
                ImportOutcome::Imported { report } => assert_eq!(report.added.len(), count, "every record imports: {:?}", report.skipped.first()),
                ImportOutcome::Proposals { .. } => panic!("the export was not recognized"),
            }
        });
        let label = format!("{format:?} export ({size_kib} KiB) → one metadata write");
        println!("{label:<48} {import:>10.1} {reference:>10.1} {:>7.2}×", import / reference);
    }
    println!("\nreference: read the same file and parse it (JSON into a serde_json::Value; CSV rows counted)");
}
