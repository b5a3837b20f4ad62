//! Exit codes a script can rely on: 0 success, 2 clap's bad usage, the rest by error kind.

use tokenbench_core::Error;

/// The exit code for an error, by kind.
pub fn code_for(err: &Error) -> u8 {
    match err {
        Error::NotFound(_) => 3,
        Error::Invalid(_) | Error::DuplicateName(_) | Error::Corrupt { .. } => 4,
        Error::KeychainLocked | Error::KeychainUnavailable(_) | Error::SecretMissing(_) | Error::Keychain(_) => 5,
        Error::NeedsConfirmation(_) => 6,
        Error::Network { .. } => 7,
        Error::Revoked(_) => 8,
        Error::Io { .. } | Error::RequestLog(_) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's "Exit codes" table, as (code, meaning) rows.
    fn readme_table() -> Vec<(u8, String)> {
        let readme = include_str!("../../../README.md");
        let start = readme.find("**Exit codes**").expect("the README has an 'Exit codes' table");
        readme[start..]
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| {
                let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
                Some((cells.first()?.parse().ok()?, cells.get(1)?.to_string()))
            })
            .collect()
    }

    /// What the README promises for each error kind: its code and words of its row. The match
    /// has no wildcard on purpose: a new `Error` variant does not compile until it is mapped
    /// here, and so documented.
    fn documented(err: &Error) -> (u8, &'static str) {
        match err {
            Error::Io { .. } => (1, "could not be read or written"),
            Error::NotFound(_) => (3, "not found"),
            Error::Invalid(_) => (4, "invalid input"),
            Error::DuplicateName(_) => (4, "duplicate name"),
            Error::Corrupt { .. } => (4, "could not be parsed"),
            Error::KeychainLocked => (5, "locked"),
            Error::KeychainUnavailable(_) => (5, "unavailable"),
            Error::Keychain(_) => (5, "refusing"),
            Error::SecretMissing(_) => (5, "secret is missing"),
            Error::NeedsConfirmation(_) => (6, "confirmation"),
            Error::Network { .. } => (7, "network"),
            Error::RequestLog(_) => (1, "request log"),
            Error::Revoked(_) => (8, "revoked"),
        }
    }

    /// One error of every kind (keep in step with `documented`, which the compiler checks).
    fn one_of_each() -> Vec<Error> {
        vec![
            Error::Io { action: "read", path: "x".into(), reason: "x".into() },
            Error::NotFound("x".into()),
            Error::Invalid("x".into()),
            Error::DuplicateName("x".into()),
            Error::Corrupt { reason: "x".into(), quarantined: "x".into() },
            Error::KeychainLocked,
            Error::KeychainUnavailable("x".into()),
            Error::Keychain("x".into()),
            Error::SecretMissing("x".into()),
            Error::NeedsConfirmation("x".into()),
            Error::network(tokenbench_core::error::NetworkKind::Other, "x"),
            Error::Revoked("x".into()),
            Error::RequestLog("x".into()),
        ]
    }

    #[test]
    fn every_error_kind_exits_with_the_code_the_readme_documents_for_it() {
        let table = readme_table();
        for err in one_of_each() {
            let (code, words) = documented(&err);
            assert_eq!(code_for(&err), code, "{} must exit {code}, as the README says", err.code());
            let row = table.iter().find(|(c, _)| *c == code).map(|(_, m)| m.as_str());
            assert!(
                row.is_some_and(|m| m.contains(words)),
                "the README's exit code {code} must mention '{words}' for {}, its row is {row:?}",
                err.code()
            );
        }
    }

    #[test]
    fn the_readme_table_is_exactly_success_usage_and_one_row_per_code_the_errors_use() {
        let table: Vec<u8> = readme_table().into_iter().map(|(c, _)| c).collect();
        let mut used: Vec<u8> = one_of_each().iter().map(code_for).collect();
        used.extend([0, 2]); // success, and clap's bad usage (pinned in tests/cli.rs)
        used.sort_unstable();
        used.dedup();
        assert_eq!(table, used, "every documented code is used and every used code is documented, in order");
        let usage = readme_table().into_iter().find(|(c, _)| *c == 2).map(|(_, m)| m);
        assert_eq!(usage.as_deref(), Some("bad usage"), "2 stays clap's usage error, which no core error may take");
    }
}
