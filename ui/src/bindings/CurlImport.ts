// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { FoundCredential } from "./FoundCredential";
import type { RequestDraft } from "./RequestDraft";

/**
 * An imported cURL command: the draft, the credentials taken out, and notes on what was
 * ignored or guessed.
 */
export type CurlImport = { draft: RequestDraft, credentials: Array<FoundCredential>, notes: Array<string>, };
