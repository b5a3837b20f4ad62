// Written by hand from the Rust type on main (request/*.rs) until ts-rs output is copied here.

/**
 * The languages a snippet can be written in. (Rust renames TypeScript to "typescript"; the
 * contract's "typeScript" is not what serde accepts.)
 */
export type SnippetLang = "curl" | "typescript" | "python";
