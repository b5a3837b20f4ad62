// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { Status } from "./Status";
import type { TokenRecord } from "./TokenRecord";

export type TokenView = TokenRecord & {
  status: Status;
  expiresSoon: boolean;
  rotationDue: boolean;
  rotationDueAt: string;
  providerName: string;
};
