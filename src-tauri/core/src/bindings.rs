//! The UI's TypeScript types are generated from these Rust types by ts-rs into
//! `ui/src/bindings/`. The test below fails when a committed binding differs from what the Rust
//! types generate now (drift), and rewrites them when run with `UPDATE_BINDINGS=1`:
//! `UPDATE_BINDINGS=1 cargo test -p tokenbench-core --lib bindings`.

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use ts_rs::{Config, TS};

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings")
    }

    /// Every type the UI receives or sends, with its dependencies.
    fn export_all(cfg: &Config) {
        macro_rules! export {
            ($($t:ty),* $(,)?) => { $( <$t>::export_all(cfg).expect(concat!("export ", stringify!($t))); )* };
        }
        export!(
            crate::error::ErrorPayload,
            crate::error::ErrorCode,
            crate::app_info::AppInfo,
            crate::app_info::Revealed,
            crate::app_info::Copied,
            crate::profile::Profile,
            crate::query::TokenView,
            crate::token::TokenRecord,
            crate::query::ListQuery,
            crate::token_input::NewToken,
            crate::token_input::TokenPatch,
            crate::recognize::Recognition,
            crate::proposals::Proposal,
            crate::proposals::ProposalChoice,
            crate::transfer::ImportReport,
            crate::transfer::Format,
            crate::intake::ImportOutcome,
            crate::request::spec::RequestDraft,
            crate::request::curl_import::CurlImport,
            crate::request::snippet::SnippetLang,
            crate::request::guard::Confirmation,
            crate::tester::SendOptions,
            crate::tester::Prepared,
            crate::tester::SendResult,
            crate::tester::VerifyResult,
            crate::tester::RecentRequest,
            crate::request_log::LogRow,
            crate::request_log::LogFilter,
            crate::request_log::LogCursor,
            crate::request_log::LogPage,
            crate::request_log::UsageQuery,
            crate::request_log::UsageFigures,
            crate::request_log::ExportFormat,
            crate::request_log::PurgeReport,
            crate::settings::Settings,
            crate::provider_logs::ProviderLogs,
            crate::tester::SavedRequest,
            crate::tester::SandboxStatus,
        );
    }

    fn read_dir(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                    .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The runtime list of error codes, which ts-rs (types only) cannot write.
    fn export_error_codes(dir: &Path) {
        let list: Vec<String> = crate::error::ErrorCode::ALL.iter().map(|c| format!("  \"{}\",\n", c.as_str())).collect();
        let text = format!(
            "// Generated from tokenbench_core::error::ErrorCode::ALL by the bindings test. Do not edit.\nimport type {{ ErrorCode }} from \"./ErrorCode\";\n\n/** Every code an error from the backend can carry. */\nexport const ERROR_CODES: readonly ErrorCode[] = [\n{}];\n",
            list.concat()
        );
        std::fs::write(dir.join("errorCodes.ts"), text).expect("write errorCodes.ts");
    }

    #[test]
    fn committed_typescript_bindings_match_the_rust_types() {
        let fresh = tempfile::tempdir().expect("tempdir");
        export_all(&Config::new().with_out_dir(fresh.path()));
        export_error_codes(fresh.path());
        let generated = read_dir(fresh.path());
        assert!(generated.len() > 10, "expected the UI's types to be generated: {:?}", generated.keys());
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            let dir = committed_dir();
            std::fs::create_dir_all(&dir).expect("create ui/src/bindings");
            for (name, _) in read_dir(&dir) {
                std::fs::remove_file(dir.join(name)).expect("remove old binding");
            }
            for (name, text) in &generated {
                std::fs::write(dir.join(name), text).expect("write binding");
            }
            return;
        }
        let committed = read_dir(&committed_dir());
        let drifted: Vec<&String> = generated.keys().filter(|k| committed.get(*k) != generated.get(*k)).collect();
        let stale: Vec<&String> = committed.keys().filter(|k| !generated.contains_key(*k)).collect();
        assert!(
            drifted.is_empty() && stale.is_empty(),
            "ui/src/bindings is out of date (changed: {drifted:?}, stale: {stale:?}). Run: UPDATE_BINDINGS=1 cargo test -p tokenbench-core --lib bindings"
        );
    }
}
