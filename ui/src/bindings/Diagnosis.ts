// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * An explanation of a failed answer. `causes` are ordered most likely first.
 */
export type Diagnosis = { title: string, explanation: string, causes: Array<string>, missingPermissions: Array<string>, retryAfterSecs?: number, };
