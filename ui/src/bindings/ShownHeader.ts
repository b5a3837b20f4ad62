// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * A header as the UI may show it: auth values masked; an HMAC signature and an `stk_` id in full.
 */
export type ShownHeader = { name: string, value: string, };
