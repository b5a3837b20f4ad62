// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * Which question needs a yes before sending.
 */
export type ConfirmationKind = "foreignHost" | "write";
