// Written by hand from api-contract.md until ts-rs generates it from Rust (it will overwrite this file).
import type { KeychainStatus } from "./KeychainStatus";

export type AppInfo = {
  version: string;
  dataDir: string;
  metadataFile: string;
  keychain: KeychainStatus;
  notices: Array<string>;
};
