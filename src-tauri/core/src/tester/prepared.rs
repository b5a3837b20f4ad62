//! What the faces see of a request before and after it is sent. Secrets are masked here once,
//! so no face has to remember to.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::hmac_sign;
use crate::mask::{mask_with_prefix, Masker};
use crate::request::auth::{AuthHeader, ShownHeader};
use crate::request::diagnose::Diagnosis;
use crate::request::guard::{Confirmation, ConfirmationKind};
use crate::request::spec::RequestSpec;
use crate::secret::Secret;
use crate::send::HttpResponse;
use crate::token::{AuthMode, TokenRecord};

/// How to send: which guardrail questions the user already answered yes, and an optional
/// base URL override (`--base-url`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SendOptions {
    pub confirmed: Vec<ConfirmationKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub base_url: Option<String>,
}

/// The HMAC debugger's view: the derived key (masked), the exact bytes signed, the signature.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HmacDebug {
    pub signing_key_masked: String,
    /// The signed bytes as UTF-8 (lossy for binary bodies).
    pub signed_text: String,
    #[ts(type = "number")]
    pub signed_bytes: u64,
    /// SHA-256 of the signed bytes, to compare with what a server received.
    pub signed_sha256: String,
    pub signature: String,
}

/// The exact request that will be sent, secrets masked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Prepared {
    pub method: String,
    /// The final URL, query included.
    pub url: String,
    /// Every header that will be sent, auth included (masked).
    pub headers: Vec<ShownHeader>,
    pub body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hmac: Option<HmacDebug>,
    /// Questions to answer before sending (live token to a foreign host, live write).
    pub confirmations: Vec<Confirmation>,
}

impl Prepared {
    /// Builds the preview of `spec` signed with `auth`, secrets masked by `masker`.
    pub fn new(
        spec: &RequestSpec,
        url: &str,
        auth: &[AuthHeader],
        record: &TokenRecord,
        secret: &Secret,
        confirmations: Vec<Confirmation>,
        masker: &Masker<'_>,
    ) -> Self {
        let mut headers: Vec<ShownHeader> =
            spec.headers.iter().map(|(n, v)| ShownHeader { name: n.clone(), value: v.clone() }).collect();
        headers.extend(auth.iter().map(|a| a.shown(masker)));
        let hmac = (record.auth_mode == AuthMode::Hmac).then(|| {
            let key = hmac_sign::signing_key(secret);
            HmacDebug {
                // A hex digest has no token prefix to keep.
                signing_key_masked: mask_with_prefix(key.expose(), None, masker.level()),
                signed_text: String::from_utf8_lossy(&spec.body).into_owned(),
                signed_bytes: spec.body.len() as u64,
                signed_sha256: hex::encode(Sha256::digest(&spec.body)),
                signature: hmac_sign::signature_with_key(&key, &spec.body),
            }
        });
        Prepared {
            method: spec.method.clone(),
            url: url.to_owned(),
            headers,
            body: String::from_utf8_lossy(&spec.body).into_owned(),
            hmac,
            confirmations,
        }
    }
}

/// A sent request and its answer, with a plain-words explanation for 401/403/429.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SendResult {
    pub request: Prepared,
    pub response: HttpResponse,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub diagnosis: Option<Diagnosis>,
}
