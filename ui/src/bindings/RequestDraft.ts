// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { FormRow } from "./FormRow";

/**
 * A request as the user edits it: `url` is a path (`/v2/core/stores/{storeId}/products`) or a
 * full URL, possibly with `{variables}`; `vars` fills them (a non-empty value wins over the
 * token's own `storeId`/`tokenId`).
 */
export type RequestDraft = { method: string, url: string, headers: Array<FormRow>, query: Array<FormRow>, 
/**
 * The body exactly as typed; sent (and signed) as its UTF-8 bytes.
 */
body: string, endpointId?: string, vars: { [key in string]?: string }, };
