// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { RequestDraft } from "./RequestDraft";

/**
 * A named draft the user kept.
 */
export type SavedRequest = { id: string, name: string, tokenId?: string, draft: RequestDraft, };
