// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { RequestDraft } from "./RequestDraft";

/**
 * One sent request, newest first in `recent_requests`.
 */
export type HistoryEntry = { id: string, at: string, tokenId: string, tokenName: string, method: string, url: string, status?: number, totalMs?: number, error?: string, draft: RequestDraft, };
