/**
 * What the Usage page shows, computed from the backend's figures: the range choices, the
 * figure tiles, the chart's series, and labels. Pure (the clock and the time zone are passed
 * in), so the tests pin every answer.
 */

import type { LogRow } from "./bindings/LogRow";
import type { UsageFigures } from "./bindings/UsageFigures";
import type { UsageRange } from "./bindings/UsageRange";
import { formatMs } from "./response-view";

/** The ranges, in the order the page offers them (Pixlpay's dashboard's). */
export const RANGES: Array<{ range: UsageRange; label: string }> = [
  { range: "today", label: "Today" },
  { range: "7d", label: "Last 7 days" },
  { range: "30d", label: "Last 30 days" },
  { range: "1y", label: "Last year" },
  { range: "all", label: "All time" },
];

/** Status filters for the recent calls: a class, a common code, or no answer. */
export const RECENT_FILTERS: Array<{ value: string; label: string }> = [
  { value: "", label: "All statuses" },
  { value: "2xx", label: "2xx success" },
  { value: "3xx", label: "3xx redirect" },
  { value: "4xx", label: "4xx client error" },
  { value: "401", label: "401 unauthorized" },
  { value: "403", label: "403 forbidden" },
  { value: "429", label: "429 rate limited" },
  { value: "5xx", label: "5xx server error" },
  { value: "failed", label: "No answer" },
];

/** Minutes east of UTC at `date` in the user's time zone (what the backend's "today" needs). */
export function utcOffsetMinutes(date: Date): number {
  return -date.getTimezoneOffset();
}

/** "12.5 %", "0 %", "100 %". */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate)) return "—";
  const pct = rate * 100;
  return `${pct === 0 || pct === 100 ? pct.toFixed(0) : pct.toFixed(1)} %`;
}

/** "1,234". */
export function formatCount(n: number): string {
  return new Intl.NumberFormat("en").format(n);
}

/** One figure tile. */
export type Tile = { id: string; label: string; value: string; hint?: string; tone?: "bad" | "good" };

/** The tiles across the top: total, today, average, p95, error rate. */
export function tiles(f: UsageFigures): Tile[] {
  const ms = (v: number | undefined | null) => (v === undefined || v === null ? "—" : formatMs(v));
  return [
    { id: "total", label: "Total requests", value: formatCount(f.total) },
    { id: "today", label: "Requests today", value: formatCount(f.today) },
    { id: "avg", label: "Average response", value: ms(f.avgMs), hint: "answered requests" },
    { id: "p95", label: "p95 response", value: ms(f.p95Ms), hint: "within 4.4 %" },
    {
      id: "error-rate",
      label: "Error rate",
      value: f.total ? formatRate(f.errorRate) : "—",
      hint: `${formatCount(f.errors)} of ${formatCount(f.total)}`,
      ...(f.total ? { tone: f.errorRate > 0.05 ? ("bad" as const) : ("good" as const) } : {}),
    },
  ];
}

/** The chart's data: x in Unix seconds, then requests and errors per bucket. */
export function chartSeries(f: UsageFigures): [number[], number[], number[]] {
  return [f.timeline.map((p) => Date.parse(p.start) / 1000), f.timeline.map((p) => p.requests), f.timeline.map((p) => p.errors)];
}

/** A bucket's label: "14:00" for an hour, "Mar 10" for a day (in `timeZone`, the user's by default). */
export function bucketLabel(iso: string, bucket: "hour" | "day", timeZone?: string): string {
  const d = new Date(iso);
  return bucket === "hour"
    ? new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(d)
    : new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone }).format(d);
}

/** Status classes as bar segments, largest share first is not needed: fixed order, non-zero only. */
export function classShares(f: UsageFigures): Array<{ key: string; label: string; count: number; share: number }> {
  const c = f.statusClasses;
  const parts = [
    { key: "success", label: "2xx", count: c.success },
    { key: "redirect", label: "3xx", count: c.redirect },
    { key: "client", label: "4xx", count: c.clientError },
    { key: "server", label: "5xx", count: c.serverError },
    { key: "failed", label: "No answer", count: c.failed },
    { key: "info", label: "1xx", count: c.informational },
  ];
  const total = parts.reduce((a, p) => a + p.count, 0);
  return parts.filter((p) => p.count > 0).map((p) => ({ ...p, share: total ? p.count / total : 0 }));
}

/** A log row's status word: the code, "refused" for a guardrail, or the failure kind. */
export function statusText(row: Pick<LogRow, "status" | "failure">): string {
  if (row.status !== undefined && row.status !== null) return String(row.status);
  if (row.failure === "guardrail") return "refused";
  return row.failure ?? "error";
}

/** The path with its (already redacted) query, as the tables show it. */
export function pathWithQuery(row: Pick<LogRow, "path" | "query">): string {
  return row.query ? `${row.path}?${row.query}` : row.path;
}
