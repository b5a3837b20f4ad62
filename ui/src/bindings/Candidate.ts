// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { AuthMode } from "./AuthMode";
import type { Environment } from "./Environment";
import type { TokenKind } from "./TokenKind";
import type { ValueRole } from "./ValueRole";

export type Candidate = {
  provider: string;
  providerName: string;
  environment?: Environment;
  kind: TokenKind;
  role: ValueRole;
  authMode: AuthMode;
  confidence: number;
  reason: string;
};
