// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.

/**
 * The languages a snippet can be written in.
 */
export type SnippetLang = "curl" | "typeScript" | "python";
