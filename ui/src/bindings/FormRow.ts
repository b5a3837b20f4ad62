// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * One row of the headers or query table. Disabled rows and rows without a name are kept in
 * the draft but never sent.
 */
export type FormRow = { name: string, value: string, enabled: boolean, };
