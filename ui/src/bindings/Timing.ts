// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * Measured timings; a field is absent when it was not measured.
 */
export type Timing = { totalMs: number, connectMs?: number, firstByteMs?: number, };
