/**
 * The Logs view's state: filters as the user picks them, turned into the backend's
 * `LogFilter`, and keyset paging (a stack of cursors, so "Newer" goes back exactly one page and
 * page 1,000 costs what page 1 costs). Pure, with the clock passed in.
 */

import type { LogCursor } from "./bindings/LogCursor";
import type { LogFilter } from "./bindings/LogFilter";

/** The time ranges offered. */
export const TIME_RANGES: Array<{ value: string; label: string; ms?: number }> = [
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
  { value: "all", label: "All time" },
];

/** Status choices: the same words the CLI's `--status` takes. */
export const STATUS_CHOICES: Array<{ value: string; label: string }> = [
  { value: "", label: "Any status" },
  { value: "errors", label: "Errors (4xx, 5xx, no answer)" },
  { value: "2xx", label: "2xx" },
  { value: "3xx", label: "3xx" },
  { value: "4xx", label: "4xx" },
  { value: "401", label: "401" },
  { value: "403", label: "403" },
  { value: "404", label: "404" },
  { value: "429", label: "429" },
  { value: "5xx", label: "5xx" },
  { value: "failed", label: "No answer / refused" },
];

/** HTTP methods offered. */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** What the user picked. Empty strings mean "any". */
export type LogsState = { tokenId: string; status: string; method: string; range: string; search: string };

/** The starting state: everything from the last 7 days. */
export const INITIAL: LogsState = { tokenId: "", status: "", method: "", range: "7d", search: "" };

/** The backend filter for `state` at `now`. */
export function filterFrom(state: LogsState, now: Date): LogFilter {
  const range = TIME_RANGES.find((r) => r.value === state.range);
  const search = state.search.trim();
  return {
    ...(state.tokenId ? { tokenId: state.tokenId } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.method ? { method: state.method } : {}),
    ...(range?.ms ? { since: new Date(now.getTime() - range.ms).toISOString() } : {}),
    ...(search ? { search } : {}),
  };
}

/** Keyset paging: the cursors that led to the current page. */
export class Pager {
  private stack: Array<LogCursor | undefined> = [undefined];

  /** The cursor of the page on screen (`undefined` for the first). */
  get cursor(): LogCursor | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** 1 for the first page. */
  get page(): number {
    return this.stack.length;
  }

  /** Moves to the older page that starts at `next`. */
  older(next: LogCursor): void {
    this.stack.push(next);
  }

  /** Moves back one page; false on the first. */
  newer(): boolean {
    if (this.stack.length === 1) return false;
    this.stack.pop();
    return true;
  }

  /** Back to the first page (after a filter change). */
  reset(): void {
    this.stack = [undefined];
  }
}

/** "Rows 101–200 of 12,345". */
export function rangeText(page: number, shown: number, total: number | undefined, size = 100): string {
  if (shown === 0) return "No rows";
  const first = (page - 1) * size + 1;
  const last = first + shown - 1;
  const of = total === undefined ? "" : ` of ${new Intl.NumberFormat("en").format(total)}`;
  return `Rows ${first}–${last}${of}`;
}

/** `tokenbench-logs-2026-03-10.csv`. */
export function exportName(format: "csv" | "json", now: Date): string {
  return `tokenbench-logs-${now.toISOString().slice(0, 10)}.${format}`;
}
