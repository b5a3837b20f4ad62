// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { ConfirmationKind } from "./ConfirmationKind";

/**
 * What the user already said yes to, and an optional base URL override (the sandbox).
 */
export type SendOptions = { confirmed: Array<ConfirmationKind>, baseUrl?: string, };
