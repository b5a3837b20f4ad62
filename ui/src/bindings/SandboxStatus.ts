// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * The local sandbox: whether it runs, and where.
 */
export type SandboxStatus = { running: boolean, port?: number, baseUrl?: string, };
