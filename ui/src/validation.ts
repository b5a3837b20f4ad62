/**
 * Client-side checks of the token form, mirroring the backend's rules so most mistakes are
 * caught at the field before a round trip. The backend still decides: its errors are shown
 * as they come.
 */

import type { AuthMode } from "./bindings/AuthMode";
import type { Environment } from "./bindings/Environment";
import type { Profile } from "./bindings/Profile";
import { expiryFromDateInput } from "./format";

/** Longest secret every platform keychain stores (Rust `MAX_SECRET_CHARS`). */
export const MAX_SECRET_CHARS = 1280;
/** Requests per minute allowed by any provider (Pixlpay's plan maximum). */
export const MAX_RATE_LIMIT = 1000;
/** Longest rotation interval accepted (ten years). */
export const MAX_ROTATION_DAYS = 3650;
/** Longest token name. */
export const MAX_NAME_CHARS = 100;

/** The form's values as typed (numbers and dates still text). */
export type TokenDraft = {
  name: string;
  /** Absent when editing: the secret is replaced through its own dialog. */
  secret?: string;
  provider: string;
  environment: Environment;
  authMode: AuthMode;
  authHeader: string;
  tokenId: string;
  storeId: string;
  baseUrl: string;
  rateLimit: string;
  expires: string;
  rotationDays: string;
};

/** A field of the form that can carry an error. */
export type FieldName = keyof TokenDraft | "scopes";

/** Field → what is wrong with it, in words that say what to do. */
export type FieldErrors = Partial<Record<FieldName, string>>;

/**
 * Compiles a profile's Rust-syntax regex for the browser: `(?P<name>` becomes `(?<name>` and
 * a leading `(?i)` becomes the `i` flag. Returns `null` when it still does not compile (the
 * backend then validates alone).
 */
export function rustRegex(pattern: string): RegExp | null {
  let source = pattern.replace(/\(\?P</g, "(?<");
  let flags = "";
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    flags = [...new Set(inline[1].replace("x", ""))].join("");
  }
  try {
    return new RegExp(source, flags);
  } catch {
    return null;
  }
}

/**
 * Says what a pattern expects in words: "they start with shp_" when it begins with a literal
 * prefix, else the pattern itself.
 */
export function patternHint(pattern: string): string {
  const prefix = /^\^([A-Za-z0-9_-]{2,})/.exec(pattern)?.[1];
  return prefix ? `they start with ${prefix}` : `expected ${pattern}`;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Parses a base URL; returns an error sentence or `null` when it is fine. */
export function baseUrlProblem(text: string, requiresHttps: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL such as https://api.example.com.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "The base URL must start with https://.";
  if (url.username || url.password) return "Leave credentials out of the base URL; the token supplies them.";
  if (url.search) return "Leave the query string out of the base URL.";
  if (requiresHttps && url.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
    return "This provider requires HTTPS; use https:// (plain http is only allowed for localhost).";
  }
  return null;
}

function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * Every problem with the draft for the chosen profile (none = empty object). `taken` holds
 * other tokens' names, compared case-insensitively like the backend does.
 */
export function validateToken(draft: TokenDraft, profile: Profile | undefined, taken: readonly string[] = []): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = "Give the token a name, e.g. the app or script that uses it.";
  else if (name.length > MAX_NAME_CHARS) errors.name = `Keep the name under ${MAX_NAME_CHARS} characters.`;
  else if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) {
    errors.name = `A token named "${name}" already exists. Pick another name.`;
  }

  if (draft.secret !== undefined) {
    const secret = draft.secret;
    if (!secret.trim()) errors.secret = "Paste the token's secret value.";
    else if (/[\r\n]/.test(secret.trim())) errors.secret = "The value contains a line break; paste a single line.";
    else if ([...secret].length > MAX_SECRET_CHARS) {
      errors.secret = `The value is longer than ${MAX_SECRET_CHARS} characters, which some keychains cannot store.`;
    }
  }

  if (!profile) {
    errors.provider = "Choose a provider (or Custom).";
    return errors;
  }
  if (!profile.authModes.includes(draft.authMode)) {
    errors.authMode = `${profile.name} does not accept this auth mode.`;
  }
  if (draft.authMode === "hmac" && !draft.tokenId.trim()) {
    errors.tokenId = "HMAC mode needs the public token ID (stk_…) that goes in Authorization.";
  }
  if ((draft.authMode === "custom" || draft.authMode === "apiKey") && /[\s:]/.test(draft.authHeader.trim())) {
    errors.authHeader = "A header name has no spaces or colons (e.g. X-Api-Key).";
  }

  const storeId = draft.storeId.trim();
  if (storeId && profile.storeIdPattern) {
    const re = rustRegex(profile.storeIdPattern);
    if (re && !re.test(storeId)) errors.storeId = `This does not look like a ${profile.name} store ID (${patternHint(profile.storeIdPattern)}).`;
  }

  const baseUrl = draft.baseUrl.trim();
  if (baseUrl) {
    const problem = baseUrlProblem(baseUrl, profile.requiresHttps);
    if (problem) errors.baseUrl = problem;
  }

  const max = Math.min(MAX_RATE_LIMIT, profile.rateLimit.max || MAX_RATE_LIMIT);
  const rate = wholeNumber(draft.rateLimit);
  if (rate === null || rate < 1 || rate > max) errors.rateLimit = `Enter requests per minute from 1 to ${max}.`;

  const days = wholeNumber(draft.rotationDays);
  if (days === null || days < 1 || days > MAX_ROTATION_DAYS) {
    errors.rotationDays = `Enter a rotation interval from 1 to ${MAX_ROTATION_DAYS} days.`;
  }

  if (expiryFromDateInput(draft.expires) === null) errors.expires = "Enter a real date, or leave it empty for never.";
  return errors;
}
