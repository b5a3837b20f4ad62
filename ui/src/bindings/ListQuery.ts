// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { Environment } from "./Environment";
import type { SortKey } from "./SortKey";
import type { StatusFilter } from "./StatusFilter";

export type ListQuery = {
  search?: string;
  provider?: string;
  environment?: Environment;
  status?: StatusFilter;
  tag?: string;
  sort?: SortKey;
  descending?: boolean;
};
