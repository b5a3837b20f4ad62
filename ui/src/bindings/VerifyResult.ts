// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * Which vault HMAC tokens sign a body to a signature; `checked` tokens were tried.
 */
export type VerifyResult = { matches: Array<{ id: string, name: string, }>, checked: number, 
/**
 * The signature is 64 lowercase hex characters.
 */
signatureValid: boolean, };
