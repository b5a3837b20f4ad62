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

    #[test]
    fn every_error_kind_has_a_nonzero_code_distinct_from_clap_usage_errors() {
        let samples = [
            Error::NotFound("x".into()),
            Error::Invalid("x".into()),
            Error::KeychainLocked,
            Error::NeedsConfirmation("x".into()),
            Error::network(tokenbench_core::error::NetworkKind::Other, "x"),
            Error::Revoked("x".into()),
            Error::RequestLog("x".into()),
        ];
        for e in samples {
            let code = code_for(&e);
            assert!(code != 0 && code != 2, "{e:?} -> {code}");
        }
    }
}
