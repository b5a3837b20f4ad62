// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * What an HMAC request signs: the derived key (masked), the exact bytes, and the signature.
 */
export type HmacDebug = { signingKeyMasked: string, 
/**
 * The exact body as UTF-8 (lossy for non-UTF-8 bytes).
 */
signedText: string, signedBytes: number, signedSha256: string, signature: string, };
