// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { WarningCode } from "./WarningCode";

export type RecognitionWarning = { code: WarningCode; message: string };
