// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { Candidate } from "./Candidate";
import type { RecognitionWarning } from "./RecognitionWarning";

export type Recognition = {
  candidates: Array<Candidate>;
  warnings: Array<RecognitionWarning>;
  masked: string;
  publicId?: string;
};
