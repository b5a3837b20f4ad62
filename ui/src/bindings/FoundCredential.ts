// Written by hand from the Rust type on main (request/*.rs) until ts-rs output is copied here.
import type { AuthMode } from "./AuthMode";

/**
 * A credential found in the pasted command and left out of the draft.
 */
export type FoundCredential = { 
/**
 * Where it was: `header Authorization`, `query api_key`, `-u`, `cookie`.
 */
location: string, 
/**
 * The value masked (or the `$VARIABLE` it came from).
 */
masked: string, 
/**
 * The auth mode a vault token for this request should use.
 */
suggestedMode?: AuthMode, 
/**
 * A public `stk_…` token id sent as the bearer (HMAC mode), in full: it is not secret.
 */
tokenId?: string, };
