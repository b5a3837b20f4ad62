//! The request tester's pure half: everything between "the user picked a token and an
//! endpoint" and "bytes go on the wire", and between "an answer came back" and "here is what
//! it means". Nothing here touches the network, the keychain or the clock, so every rule —
//! URL resolution, each provider's auth scheme byte for byte, guardrails, snippets, cURL
//! import and error diagnosis — is tested with fixed inputs. The sender (`send`) and the
//! loopback sandbox (`sandbox`) build on these pieces.
//!
//! The flow: a [`spec::RequestDraft`] (what the UI edits) resolves against a token record
//! and its profile into a [`spec::RequestSpec`] (exact method, URL and body bytes);
//! [`guard`] says what must be confirmed first; [`auth::auth_headers`] signs exactly the body
//! bytes that will be sent; [`diagnose::diagnose`] explains a 401/403/429.

pub mod auth;
mod curl_body;
mod curl_credentials;
mod curl_form;
pub mod curl_import;
pub mod curl_inputs;
mod curl_options;
mod curl_script;
mod curl_url;
pub mod diagnose;
pub mod guard;
mod shell_quotes;
mod shell_words;
pub mod snippet;
mod snippet_writers;
pub mod spec;

#[cfg(test)]
mod auth_tests;
#[cfg(test)]
mod test_support;

pub use auth::{auth_headers, auth_headers_for, AuthHeader, ShownHeader};
pub use curl_import::{import_curl, CurlImport, FoundCredential};
pub use diagnose::{diagnose, Diagnosis};
pub use guard::{confirmations, https_required, require_confirmed, Confirmation, ConfirmationKind};
pub use snippet::{snippet, SnippetLang};
pub use spec::{FormRow, RequestDraft, RequestSpec};
