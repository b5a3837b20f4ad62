// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { ConfirmationKind } from "./ConfirmationKind";

/**
 * A question to ask before sending, with the words to ask it in.
 */
export type Confirmation = { kind: ConfirmationKind, message: string, };
