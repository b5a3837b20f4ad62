/**
 * The token form's values and how they turn into the contract's `NewToken` (create) or a
 * minimal `TokenPatch` (edit: only what changed). Pure, so the tests pin what is sent.
 */

import type { AuthMode } from "./bindings/AuthMode";
import type { Candidate } from "./bindings/Candidate";
import type { NewToken } from "./bindings/NewToken";
import type { Profile } from "./bindings/Profile";
import type { TokenKind } from "./bindings/TokenKind";
import type { TokenPatch } from "./bindings/TokenPatch";
import type { TokenView } from "./bindings/TokenView";
import { dateInputValue, expiryFromDateInput, parseTags } from "./format";
import type { TokenDraft } from "./validation";

/** Everything the form holds, as typed. */
export type FormValues = TokenDraft & {
  kind: TokenKind;
  authPrefix: string;
  scopes: string[];
  tags: string;
  notes: string;
  confirmWrites: boolean;
  confirmForeignHost: boolean;
};

/** Rust's `DEFAULT_RATE_LIMIT` and `DEFAULT_ROTATION_DAYS`. */
export const DEFAULT_RATE_LIMIT = 60;
export const DEFAULT_ROTATION_DAYS = 90;

/** A blank form for a new token of `profile` (its default auth mode, rate limit and rotation). */
export function blankValues(profile: Profile | undefined): FormValues {
  return {
    name: "",
    secret: "",
    provider: profile?.id ?? "",
    environment: "live",
    kind: "secretKey",
    authMode: profile?.authModes[0] ?? "bearer",
    authHeader: "",
    authPrefix: "",
    tokenId: "",
    storeId: "",
    baseUrl: "",
    scopes: [],
    rateLimit: String(profile?.rateLimit.default ?? DEFAULT_RATE_LIMIT),
    expires: "",
    rotationDays: String(profile?.rotationDays ?? DEFAULT_ROTATION_DAYS),
    tags: "",
    notes: "",
    confirmWrites: true,
    confirmForeignHost: true,
  };
}

/** The form for editing `token` (no secret field: that has its own dialog). */
export function valuesFromToken(token: TokenView): FormValues {
  return {
    name: token.name,
    provider: token.provider,
    environment: token.environment,
    kind: token.kind,
    authMode: token.authMode,
    authHeader: token.authHeader ?? "",
    authPrefix: token.authPrefix ?? "",
    tokenId: token.tokenId ?? "",
    storeId: token.storeId ?? "",
    baseUrl: token.baseUrl ?? "",
    scopes: [...token.scopes],
    rateLimit: String(token.rateLimit),
    expires: dateInputValue(token.expires),
    rotationDays: String(token.rotationDays),
    tags: token.tags.join(", "),
    notes: token.notes,
    confirmWrites: token.confirmWrites,
    confirmForeignHost: token.confirmForeignHost,
  };
}

/** HMAC mode always means an HMAC token; otherwise what was recognized, else a secret key. */
export function kindFor(authMode: AuthMode, recognized?: TokenKind): TokenKind {
  if (authMode === "hmac") return "hmacToken";
  if (recognized && recognized !== "hmacToken") return recognized;
  return "secretKey";
}

/**
 * Switches the form to another provider: keeps the auth mode if the new profile accepts it
 * (else its default), drops scopes outside its vocabulary, and moves rate limit and rotation
 * to the new defaults unless the user changed them.
 */
export function withProvider(values: FormValues, next: Profile, previous: Profile | undefined): FormValues {
  const authMode = next.authModes.includes(values.authMode) ? values.authMode : (next.authModes[0] ?? "bearer");
  const scopes = next.scopes.length ? values.scopes.filter((s) => next.scopes.includes(s)) : values.scopes;
  const prevRate = String(previous?.rateLimit.default ?? DEFAULT_RATE_LIMIT);
  const prevDays = String(previous?.rotationDays ?? DEFAULT_ROTATION_DAYS);
  return {
    ...values,
    provider: next.id,
    authMode,
    kind: kindFor(authMode, values.kind),
    scopes,
    rateLimit: values.rateLimit === prevRate ? String(next.rateLimit.default) : values.rateLimit,
    rotationDays: values.rotationDays === prevDays ? String(next.rotationDays ?? DEFAULT_ROTATION_DAYS) : values.rotationDays,
  };
}

/** Applies a recognition candidate: provider (via `withProvider`), environment, kind, auth mode. */
export function withCandidate(values: FormValues, c: Candidate, profiles: readonly Profile[]): FormValues {
  const next = profiles.find((p) => p.id === c.provider);
  if (!next) return values;
  const moved = withProvider(values, next, profiles.find((p) => p.id === values.provider));
  const authMode = next.authModes.includes(moved.authMode) && values.provider === c.provider ? moved.authMode : c.authMode;
  return { ...moved, environment: c.environment ?? moved.environment, authMode, kind: kindFor(authMode, c.kind) };
}

const opt = (text: string) => (text.trim() ? text.trim() : undefined);

/** The `create_token` input. Call only after `validateToken` found nothing. */
export function toNewToken(v: FormValues): NewToken {
  const input: NewToken = {
    name: v.name.trim(),
    provider: v.provider,
    environment: v.environment,
    kind: kindFor(v.authMode, v.kind),
    authMode: v.authMode,
    scopes: [...v.scopes],
    rateLimit: Number(v.rateLimit),
    rotationDays: Number(v.rotationDays),
    tags: parseTags(v.tags),
    notes: v.notes.trim(),
    secret: (v.secret ?? "").trim(),
  };
  const usesHeader = v.authMode === "apiKey" || v.authMode === "custom";
  const optional = {
    authHeader: usesHeader ? opt(v.authHeader) : undefined,
    authPrefix: v.authMode === "custom" ? opt(v.authPrefix) : undefined,
    tokenId: opt(v.tokenId),
    storeId: opt(v.storeId),
    baseUrl: opt(v.baseUrl),
    expires: expiryFromDateInput(v.expires) ?? undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (input as Record<string, unknown>)[key] = value;
  }
  return input;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The `update_token` patch: only fields that differ from `before`. A cleared optional text
 * field is sent as "" (clear it); a cleared expiry as `clearExpires: true`; an expiry date
 * left as it was is not sent (so its time of day is kept).
 */
export function toPatch(before: TokenView, v: FormValues): TokenPatch {
  const patch: TokenPatch = {};
  const name = v.name.trim();
  if (name !== before.name) patch.name = name;
  if (v.provider !== before.provider) patch.provider = v.provider;
  if (v.environment !== before.environment) patch.environment = v.environment;
  const kind = kindFor(v.authMode, v.kind);
  if (kind !== before.kind) patch.kind = kind;
  if (v.authMode !== before.authMode) patch.authMode = v.authMode;
  const text = (field: "authHeader" | "authPrefix" | "tokenId" | "storeId" | "baseUrl", value: string) => {
    if (value.trim() !== (before[field] ?? "")) patch[field] = value.trim();
  };
  text("authHeader", v.authMode === "apiKey" || v.authMode === "custom" ? v.authHeader : (before.authHeader ?? ""));
  text("authPrefix", v.authMode === "custom" ? v.authPrefix : (before.authPrefix ?? ""));
  text("tokenId", v.tokenId);
  text("storeId", v.storeId);
  text("baseUrl", v.baseUrl);
  if (!sameList(v.scopes, before.scopes)) patch.scopes = [...v.scopes];
  if (Number(v.rateLimit) !== before.rateLimit) patch.rateLimit = Number(v.rateLimit);
  if (Number(v.rotationDays) !== before.rotationDays) patch.rotationDays = Number(v.rotationDays);
  if (v.expires !== dateInputValue(before.expires)) {
    const expires = expiryFromDateInput(v.expires);
    if (expires) patch.expires = expires;
    else patch.clearExpires = true;
  }
  const tags = parseTags(v.tags);
  if (!sameList(tags, before.tags)) patch.tags = tags;
  if (v.notes.trim() !== before.notes) patch.notes = v.notes.trim();
  if (v.confirmWrites !== before.confirmWrites) patch.confirmWrites = v.confirmWrites;
  if (v.confirmForeignHost !== before.confirmForeignHost) patch.confirmForeignHost = v.confirmForeignHost;
  return patch;
}
