// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { NewToken } from "./NewToken";

export type ProposalChoice = { proposalId: string; token: NewToken };
