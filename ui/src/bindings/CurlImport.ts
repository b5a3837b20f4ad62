// Written by hand from the Rust type on main (request/*.rs) until ts-rs output is copied here.
import type { FoundCredential } from "./FoundCredential";
import type { RequestDraft } from "./RequestDraft";

/**
 * The result of an import: the draft, the credentials taken out (`found`), and notes on what
 * was ignored or guessed.
 */
export type CurlImport = { draft: RequestDraft, found: Array<FoundCredential>, notes: Array<string>, };
