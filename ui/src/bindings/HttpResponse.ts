// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { Timing } from "./Timing";

/**
 * A received response, with text forms of the body (the raw bytes stay in Rust).
 */
export type HttpResponse = { status: number, statusText: string, headers: Array<[string, string]>, bodyText?: string, bodyJsonPretty?: string, isBinary: boolean, size: number, timing: Timing, remoteAddr?: string, truncated: boolean, 
/**
 * Sentences the user should read (truncation, credentials dropped on a redirect).
 */
notices: Array<string>, };
