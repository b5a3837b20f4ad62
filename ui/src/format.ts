/**
 * How dates, durations and enum values read in the UI. Pure functions with the clock passed
 * in (`now`), so the tests pin every answer.
 */

import type { AuthMode } from "./bindings/AuthMode";
import type { Environment } from "./bindings/Environment";
import type { KeychainState } from "./bindings/KeychainState";
import type { Status } from "./bindings/Status";
import type { StatusFilter } from "./bindings/StatusFilter";
import type { TokenKind } from "./bindings/TokenKind";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * "in 3 days", "2 hours ago", "just now", "tomorrow". Returns `fallback` for a missing or
 * unparsable date, so callers never show "Invalid Date".
 */
export function relativeTime(iso: string | undefined, now: Date, fallback = "—"): string {
  if (!iso) return fallback;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return fallback;
  const diff = then - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 45_000) return "just now";
  if (abs < 45 * MINUTE) return relative.format(Math.round(diff / MINUTE), "minute");
  if (abs < 22 * HOUR) return relative.format(Math.round(diff / HOUR), "hour");
  if (abs < 26 * DAY) return relative.format(Math.round(diff / DAY), "day");
  if (abs < 320 * DAY) return relative.format(Math.round(diff / (30 * DAY)), "month");
  return relative.format(Math.round(diff / (365 * DAY)), "year");
}

/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one. */
const absoluteFormats = new Map<string, Intl.DateTimeFormat>();
function absoluteFormat(timeZone?: string): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let format = absoluteFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    absoluteFormats.set(key, format);
  }
  return format;
}

/**
 * "2025-03-14 15:04" in the given time zone (the user's own by default): unambiguous and
 * sortable, for titles and the detail panel. `fallback` for a missing or unparsable date.
 */
export function absoluteTime(iso: string | undefined, timeZone?: string, fallback = "—"): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fallback;
  const parts = absoluteFormat(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** The local calendar date of an instant as `YYYY-MM-DD`, for `<input type="date">`; "" if absent. */
export function dateInputValue(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Turns a date input's `YYYY-MM-DD` into the ISO instant the token expires: the end of that
 * day in local time (a token "expiring on the 31st" still works on the 31st).
 * Returns `undefined` for "" (never expires) and `null` for text that is not a real date.
 */
export function expiryFromDateInput(value: string): string | undefined | null {
  const text = value.trim();
  if (text === "") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d, 23, 59, 59);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.toISOString();
}

/** Seconds left (rounded up, never negative) of a countdown that started at `startedAt`. */
export function secondsLeft(startedAt: number, durationMs: number, now: number): number {
  return Math.max(0, Math.ceil((startedAt + durationMs - now) / 1000));
}

/** Splits "ci, deploy  prod" into unique, trimmed tags, keeping the order they were typed in. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[,\s]+/)) {
    const tag = raw.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/** "1 token", "3 tokens". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** “a”, “a” and “b”, “a”, “b” and “c”: names quoted and joined. */
export function quotedNames(names: readonly string[]): string {
  const q = names.map((n) => `“${n}”`);
  return q.length > 1 ? `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}` : (q[0] ?? "");
}

/** The warning for a token whose secret is also stored under `others` (compared by fingerprint in Rust). */
export function sameSecretText(others: readonly string[]): string {
  return `The same secret is also stored as ${quotedNames(others)}. One secret under two names is usually a mistake, and rotating one leaves the other with a dead secret.`;
}

/** Display labels for the contract's enums. */
export const ENVIRONMENT_LABEL: Record<Environment, string> = { live: "Live", test: "Test" };

export const STATUS_LABEL: Record<Status, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};

export const STATUS_FILTER_LABEL: Record<StatusFilter, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
  expiresSoon: "Expires soon",
  rotationDue: "Rotation due",
};

export const KIND_LABEL: Record<TokenKind, string> = {
  secretKey: "Secret key",
  publishableKey: "Publishable key",
  hmacToken: "HMAC token",
};

export const AUTH_MODE_LABEL: Record<AuthMode, string> = {
  bearer: "Bearer token",
  hmac: "HMAC signature",
  apiKey: "API key header",
  raw: "Raw Authorization",
  custom: "Custom header",
  none: "No authentication",
};

/** One line on what each auth mode sends, shown under the select. */
export const AUTH_MODE_HINT: Record<AuthMode, string> = {
  bearer: "Sends Authorization: Bearer <secret>.",
  hmac: "Sends Authorization: Bearer <token ID> and X-Signature; the secret never travels.",
  apiKey: "Sends the secret in an API key header (X-Api-Key unless set below).",
  raw: "Sends Authorization: <secret> with no scheme.",
  custom: "Sends <header>: <prefix><secret>, both chosen below.",
  none: "Sends no authentication header.",
};

export const KEYCHAIN_LABEL: Record<KeychainState, string> = {
  available: "Keychain unlocked",
  locked: "Keychain locked — secrets can't be read or stored; metadata is safe",
  unavailable: "No keychain service",
};
