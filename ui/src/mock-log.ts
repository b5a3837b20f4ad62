/**
 * Browser preview only: an in-memory request log standing in for the Rust one, so the Usage
 * and Logs views and the tester's Recent list show something under `npx vite`. Seeded with a
 * month of made-up calls for the sample tokens (none with `?mock=empty`); sends in the preview
 * append to it. The real figures are computed in Rust from SQLite rollups; these are counted
 * from the rows, which is plenty for a few thousand of them.
 */

import type { LogCursor } from "./bindings/LogCursor";
import type { LogFilter } from "./bindings/LogFilter";
import type { LogRow } from "./bindings/LogRow";
import type { RequestDraft } from "./bindings/RequestDraft";
import type { Settings } from "./bindings/Settings";
import type { TokenView } from "./bindings/TokenView";
import type { UsageFigures } from "./bindings/UsageFigures";
import type { UsageQuery } from "./bindings/UsageQuery";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PAGE = 100;

/** The log and the commands that read it. */
export type MockLog = {
  record(row: Omit<LogRow, "id">): void;
  /** Newest first. */
  rows(): LogRow[];
  commands: Record<string, (a: any) => unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

const fail = (code: string, message: string) => Promise.reject({ code, message });

/** Whether `row` passes the status filter word (`429`, `4xx`, `failed`, `errors`). */
export function statusMatches(row: Pick<LogRow, "status">, word: string): boolean {
  const w = word.trim().toLowerCase();
  const s = row.status;
  if (w === "failed") return s === undefined;
  if (w === "errors") return s === undefined || s >= 400;
  const cls = /^([1-5])xx$/.exec(w);
  if (cls) return s !== undefined && Math.floor(s / 100) === Number(cls[1]);
  return s === Number(w);
}

function matches(r: LogRow, f: LogFilter): boolean {
  if (f.tokenId && r.tokenId !== f.tokenId) return false;
  if (f.status && !statusMatches(r, f.status)) return false;
  if (f.method && r.method !== f.method.toUpperCase()) return false;
  if (f.since && r.at < f.since) return false;
  if (f.until && r.at >= f.until) return false;
  if (f.callsOnly && r.failure === "guardrail") return false;
  const words = (f.search ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${r.path} ${r.pathTemplate} ${r.query} ${r.tokenName} ${r.remoteIp ?? ""}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** The Usage figures counted from rows (same definitions as the Rust side). */
export function figuresFromRows(all: LogRow[], q: UsageQuery, now: Date): UsageFigures {
  const off = q.utcOffsetMinutes * 60_000;
  const nowMs = now.getTime();
  const midnight = Math.floor((nowMs + off) / DAY) * DAY - off;
  const counted = all.filter((r) => r.failure !== "guardrail" && (!q.tokenId || r.tokenId === q.tokenId));
  const days = { today: 1, "7d": 7, "30d": 30, "1y": 365, all: 0 }[q.range];
  const first = counted.length ? Math.min(...counted.map((r) => Date.parse(r.at))) : midnight;
  const from = days ? midnight - (days - 1) * DAY : Math.floor((Math.min(first, midnight) + off) / DAY) * DAY - off;
  const inRange = counted.filter((r) => Date.parse(r.at) >= from);
  const isError = (r: LogRow) => r.status === undefined || r.status >= 400;
  const answered = (rs: LogRow[]) => rs.filter((r) => r.status !== undefined && r.totalMs !== undefined);
  const avg = (rs: LogRow[]) => (answered(rs).length ? answered(rs).reduce((a, r) => a + (r.totalMs ?? 0), 0) / answered(rs).length : undefined);
  const times = answered(inRange).map((r) => r.totalMs ?? 0).sort((a, b) => a - b);
  const p95 = times.length ? times[Math.max(0, Math.ceil(times.length * 0.95) - 1)] : undefined;
  const bucket = q.range === "today" ? "hour" : "day";
  const size = bucket === "hour" ? HOUR : DAY;
  const count = bucket === "hour" ? 24 : Math.round((midnight - from) / DAY) + 1;
  const timeline = Array.from({ length: count }, (_, i) => {
    const start = from + i * size;
    const rs = inRange.filter((r) => Date.parse(r.at) >= start && Date.parse(r.at) < start + size);
    const a = avg(rs);
    return { start: new Date(start).toISOString(), requests: rs.length, errors: rs.filter(isError).length, ...(a === undefined ? {} : { avgMs: a }) };
  });
  const groups = new Map<string, LogRow[]>();
  for (const r of inRange) groups.set(`${r.method} ${r.host} ${r.pathTemplate}`, [...(groups.get(`${r.method} ${r.host} ${r.pathTemplate}`) ?? []), r]);
  const endpoints = [...groups.values()]
    .map((rs) => {
      const a = avg(rs);
      return { method: rs[0].method, host: rs[0].host, pathTemplate: rs[0].pathTemplate, requests: rs.length, errors: rs.filter(isError).length, successRate: rs.filter((r) => !isError(r)).length / rs.length, ...(a === undefined ? {} : { avgMs: a }) };
    })
    .sort((x, y) => y.requests - x.requests);
  const cls = (lo: number) => inRange.filter((r) => r.status !== undefined && r.status >= lo && r.status < lo + 100).length;
  const a = avg(inRange);
  const recentFilter: LogFilter = { callsOnly: true, ...(q.tokenId ? { tokenId: q.tokenId } : {}), ...(q.recentStatus ? { status: q.recentStatus } : {}) };
  return {
    range: q.range,
    from: new Date(from).toISOString(),
    to: now.toISOString(),
    bucket,
    total: inRange.length,
    today: counted.filter((r) => Date.parse(r.at) >= midnight).length,
    errors: inRange.filter(isError).length,
    errorRate: inRange.length ? inRange.filter(isError).length / inRange.length : 0,
    ...(a === undefined ? {} : { avgMs: a }),
    ...(p95 === undefined ? {} : { p95Ms: p95 }),
    statusClasses: { failed: inRange.filter((r) => r.status === undefined).length, informational: cls(100), success: cls(200), redirect: cls(300), clientError: cls(400), serverError: cls(500) },
    timeline,
    endpoints,
    recent: all.filter((r) => matches(r, recentFilter)).slice(0, 20),
  };
}

function draftOf(r: LogRow): RequestDraft {
  const query = r.query ? r.query.split("&").map((p) => { const [n, v = ""] = p.split("="); return { name: decodeURIComponent(n), value: v === "•••" ? "" : decodeURIComponent(v), enabled: true }; }) : [];
  return { method: r.method, url: r.relative ? r.pathTemplate : `${r.scheme}://${r.host}${r.pathTemplate}`, headers: [], query, body: "", vars: {}, ...(r.endpointId ? { endpointId: r.endpointId } : {}) };
}

function seed(tokens: TokenView[], now: number): Array<Omit<LogRow, "id">> {
  const live = tokens.filter((t) => t.status !== "revoked" && t.provider !== "custom");
  let x = 12345;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: Array<Omit<LogRow, "id">> = [];
  const paths: Record<string, string[]> = {
    pandabase: ["/v2/core/stores/{storeId}/products", "/v2/stores/{storeId}/api-logs"],
    pixlpay: ["/v1/store/orders", "/v1/store/products", "/v1/store/customers"],
    pacspace: ["/api/v1/balance/derive/{customerId}"],
    commerce: ["/api/v1/invoices", "/api/v1/services"],
    shipped: ["/v1/widgets/config"],
  };
  for (let i = 0; i < 1400 && live.length; i++) {
    const t = live[Math.floor(rand() * rand() * live.length)];
    const tpl = (paths[t.provider] ?? ["/"])[Math.floor(rand() * (paths[t.provider]?.length ?? 1))];
    const roll = rand();
    const status = roll < 0.86 ? 200 : roll < 0.91 ? 404 : roll < 0.95 ? 429 : roll < 0.975 ? 403 : roll < 0.99 ? 500 : undefined;
    const host = t.baseUrl ? new URL(t.baseUrl).host : `api.${t.provider}.example`;
    out.push({
      at: new Date(now - Math.pow(rand(), 1.6) * 30 * DAY).toISOString(), tokenId: t.id, tokenName: t.name, provider: t.provider, environment: t.environment,
      method: "GET", scheme: "https", host, pathTemplate: tpl, relative: true, path: tpl.replace("{storeId}", t.storeId ?? "shp_x").replace("{customerId}", "customer_001"),
      query: tpl.endsWith("products") ? "page=1&per_page=50" : "", requestBytes: 0,
      ...(status === undefined ? { failure: "timeout" as const, totalMs: 30000 } : { status, totalMs: 40 + rand() * rand() * 900, responseBytes: 300 + Math.floor(rand() * 5000), remoteIp: "203.0.113.10" }),
    });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : -1));
}

/** A log for `tokens` (seeded unless `empty`). */
export function createMockLog(tokens: () => TokenView[], empty: boolean): MockLog {
  let nextId = 1;
  let rows: LogRow[] = (empty ? [] : seed(tokens(), Date.now())).reverse().map((r) => ({ ...r, id: nextId++ })).reverse();
  let settings: Settings = { logRetentionDays: 30 };
  const page = (filter: LogFilter, cursor?: LogCursor) => {
    const all = rows.filter((r) => matches(r, filter));
    const start = cursor ? all.findIndex((r) => r.id === cursor.id) + 1 : 0;
    const slice = all.slice(start, start + PAGE);
    const last = slice[slice.length - 1];
    return { rows: slice, ...(start + PAGE < all.length && last ? { next: { atMs: Date.parse(last.at), id: last.id } } : {}), ...(cursor ? {} : { total: all.length }) };
  };
  return {
    record: (row) => (rows = [{ ...row, id: nextId++ }, ...rows]),
    rows: () => rows,
    commands: {
      usage_figures: ({ query }: { query: UsageQuery }) => figuresFromRows(rows, query, new Date()),
      log_page: ({ filter, cursor }: { filter: LogFilter; cursor?: LogCursor }) => page(filter, cursor),
      export_logs: ({ filter, format }: { filter: LogFilter; format: "csv" | "json" }) => {
        const all = rows.filter((r) => matches(r, filter));
        if (format === "json") return JSON.stringify(all, null, 2);
        const cols = ["at", "tokenName", "method", "host", "pathTemplate", "path", "query", "status", "failure", "totalMs", "remoteIp"] as const;
        return [cols.join(","), ...all.map((r) => cols.map((c) => JSON.stringify(r[c] ?? "")).join(","))].join("\n");
      },
      recent_requests: () => rows.slice(0, 50).map((entry) => ({ entry, draft: draftOf(entry) })),
      provider_logs: ({ tokenId }: { tokenId: string }) => {
        const t = tokens().find((x) => x.id === tokenId);
        if (!t) return fail("not_found", `no token with id '${tokenId}'.`);
        if (t.provider !== "pandabase") return fail("invalid", `${t.providerName} keeps no request logs Tokenbench can read; the local log is all there is.`);
        const mine = rows.filter((r) => r.tokenId === tokenId && r.status !== undefined).slice(0, 100);
        return { tokenId, provider: t.provider, providerName: t.providerName, retentionDays: 30, rows: mine.map((r) => ({ at: r.at, method: r.method, path: r.path, status: r.status, durationMs: Math.round((r.totalMs ?? 0) * 0.7), ip: "198.51.100.23" })) };
      },
      get_settings: () => settings,
      save_settings: ({ settings: s }: { settings: Settings }) => {
        if (s.logRetentionDays !== null && (s.logRetentionDays < 1 || s.logRetentionDays > 3650)) return fail("invalid", "keep the request log for 1 to 3650 days, or choose 'keep everything'");
        settings = s;
        if (s.logRetentionDays !== null) {
          const cutoff = new Date(Date.now() - s.logRetentionDays * DAY).toISOString();
          rows = rows.filter((r) => r.at >= cutoff);
        }
        return settings;
      },
    },
  };
}
