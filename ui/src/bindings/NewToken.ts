// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { AuthMode } from "./AuthMode";
import type { Environment } from "./Environment";
import type { TokenKind } from "./TokenKind";

export type NewToken = {
  name: string;
  provider: string;
  environment: Environment;
  kind: TokenKind;
  authMode: AuthMode;
  authHeader?: string;
  authPrefix?: string;
  tokenId?: string;
  storeId?: string;
  baseUrl?: string;
  scopes: Array<string>;
  rateLimit?: number;
  expires?: string;
  rotationDays?: number;
  tags: Array<string>;
  notes: string;
  secret: string;
};
