// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
export type WarningCode =
  | "empty"
  | "whitespace"
  | "lineBreak"
  | "tokenIdAsSecret"
  | "publishableKey"
  | "storeId"
  | "tooLong"
  | "unrecognized"
  | "hostMismatch";
