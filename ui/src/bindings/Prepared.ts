// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { Confirmation } from "./Confirmation";
import type { HmacDebug } from "./HmacDebug";
import type { ShownHeader } from "./ShownHeader";

/**
 * The exact request that would be sent (no network): final URL with the query, every header
 * (auth masked), the body, the HMAC details and the questions to ask first.
 */
export type Prepared = { method: string, url: string, headers: Array<ShownHeader>, body: string, hmac?: HmacDebug, confirmations: Array<Confirmation>, };
