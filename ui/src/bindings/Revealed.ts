// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
export type Revealed = { value: string; hideAfterMs: number };
