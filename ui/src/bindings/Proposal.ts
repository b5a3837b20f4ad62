// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { Recognition } from "./Recognition";

export type Proposal = {
  proposalId: string;
  source: string;
  suggestedName: string;
  masked: string;
  recognition: Recognition;
  tokenId?: string;
  storeId?: string;
};
