// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * A credential found in an imported cURL command and left out of the draft.
 */
export type FoundCredential = { header: string, masked: string, note: string, };
