/**
 * What every view shares: app info, keychain state and provider profiles, loaded once at
 * startup and refreshed on demand. Views subscribe to hear about changes.
 */

import * as api from "./api";
import type { AppInfo } from "./bindings/AppInfo";
import type { KeychainStatus } from "./bindings/KeychainStatus";
import type { Profile } from "./bindings/Profile";

/** The shared state. `keychain` is the latest probe (it starts as `info.keychain`). */
export type Shared = {
  info?: AppInfo;
  keychain?: KeychainStatus;
  profiles: Profile[];
  /** Startup notices the user dismissed this session. */
  dismissed: Set<string>;
};

export const shared: Shared = { profiles: [], dismissed: new Set() };

const listeners = new Set<() => void>();

/** Calls `fn` after every change; returns a function that unsubscribes. */
export function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tells subscribers something changed. */
export function changed(): void {
  for (const fn of listeners) fn();
}

/** Loads app info and profiles; rejects with an `ApiError` if the backend cannot answer. */
export async function loadShared(): Promise<void> {
  const [info, profiles] = await Promise.all([api.appInfo(), api.listProfiles()]);
  shared.info = info;
  shared.keychain = info.keychain;
  shared.profiles = profiles;
  changed();
}

/** Probes the keychain again (after the user unlocks it, or when the window regains focus). */
export async function refreshKeychain(): Promise<KeychainStatus> {
  const status = await api.keychainStatus();
  const before = shared.keychain;
  shared.keychain = status;
  if (before?.state !== status.state || before.message !== status.message) changed();
  return status;
}

/** The profile with this id, if loaded. */
export function profileById(id: string): Profile | undefined {
  return shared.profiles.find((p) => p.id === id);
}

/** True when secrets can be stored and read right now. */
export function keychainUsable(): boolean {
  return shared.keychain?.state === "available";
}
