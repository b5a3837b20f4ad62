/**
 * The Logs view (`#/logs`): the request log, newest first, 100 rows a page by keyset paging
 * in Rust (so 100,000+ rows never freeze it), with search and filters (token, status, method,
 * time range) and export as CSV or JSON. When the chosen token's provider keeps its own logs
 * (Pandabase's api-logs), a second tab fetches them with the token and labels them as the
 * provider's.
 */

import "../usage.css";
import * as api from "../api";
import type { LogPage } from "../bindings/LogPage";
import type { LogRow } from "../bindings/LogRow";
import type { ProviderLogs } from "../bindings/ProviderLogs";
import type { TokenView } from "../bindings/TokenView";
import { h, replaceChildren } from "../dom";
import { absoluteTime } from "../format";
import { icon } from "../icons";
import { INITIAL, METHODS, Pager, STATUS_CHOICES, TIME_RANGES, exportName, filterFrom, rangeText, type LogsState } from "../logs-view";
import { formatBytes, formatMs, statusTone } from "../response-view";
import { profileById } from "../state";
import { toast, toastError } from "../toast";
import { pathWithQuery, statusText } from "../usage-view";
import { offerDownload } from "./export-menu";

/** The mounted view. */
export type LogsView = { el: HTMLElement; dispose(): void };

const select = (testid: string, label: string, options: Array<{ value: string; label: string }>, value: string) =>
  h("select", { class: "filter", "data-testid": testid, "aria-label": label }, options.map((o) => h("option", { value: o.value, selected: o.value === value }, o.label)));

/** Builds the view. */
export function logsView(): LogsView {
  const state: LogsState = { ...INITIAL };
  const pager = new Pager();
  let page: LogPage | undefined;
  let total: number | undefined;
  let tokens: TokenView[] = [];
  let source: "local" | "provider" = "local";
  let disposed = false;
  let seq = 0;

  const search = h("input", { type: "search", class: "input", placeholder: "Search path, query, token, IP", "data-testid": "logs-search", "aria-label": "Search the log" });
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => ((state.search = search.value), restart()), 250);
  });
  const tokenSelect = select("logs-token", "Token", [{ value: "", label: "All tokens" }], "");
  const statusSelect = select("logs-status", "Status", STATUS_CHOICES, state.status);
  const methodSelect = select("logs-method", "Method", [{ value: "", label: "Any method" }, ...METHODS.map((m) => ({ value: m, label: m }))], "");
  const rangeSelect = select("logs-range", "Time range", TIME_RANGES, state.range);
  for (const [sel, key] of [[tokenSelect, "tokenId"], [statusSelect, "status"], [methodSelect, "method"], [rangeSelect, "range"]] as const) {
    sel.addEventListener("change", () => {
      state[key] = sel.value;
      if (key === "tokenId") source = "local";
      restart();
    });
  }
  const exportButtons = (["csv", "json"] as const).map((format) =>
    h("button", { type: "button", class: "button", "data-testid": `logs-export-${format}`, onclick: () => void exportAs(format) }, icon("download"), format.toUpperCase()),
  );
  const tabs = h("div", { class: "tabs", role: "tablist" });
  const table = h("div", { class: "table-wrap logs-table-wrap" });
  const status = h("span", { class: "muted small", "data-testid": "logs-range-text", "aria-live": "polite" });
  const newer = h("button", { type: "button", class: "button small", "data-testid": "logs-newer", onclick: () => pager.newer() && void load() }, "‹ Newer");
  const older = h("button", { type: "button", class: "button small", "data-testid": "logs-older", onclick: () => page?.next && (pager.older(page.next), void load()) }, "Older ›");
  const el = h(
    "section",
    { class: "view logs", "aria-labelledby": "logs-title", "data-testid": "logs-view" },
    h("header", { class: "view-header" }, h("div", { class: "view-title" }, h("h1", { id: "logs-title" }, "Logs")), h("div", { class: "view-actions" }, exportButtons)),
    h("div", { class: "toolbar" }, h("div", { class: "search" }, search), tokenSelect, statusSelect, methodSelect, rangeSelect),
    tabs,
    table,
    h("footer", { class: "pager" }, status, h("div", { class: "pager-buttons" }, newer, older)),
  );

  function restart(): void {
    pager.reset();
    total = undefined;
    renderTabs();
    void load();
  }

  function providerSpec(): { name: string } | undefined {
    const t = tokens.find((x) => x.id === state.tokenId);
    const p = t ? profileById(t.provider) : undefined;
    return t && p?.providerLogs ? { name: p.name } : undefined;
  }

  function renderTabs(): void {
    const spec = providerSpec();
    const tab = (id: "local" | "provider", label: string) =>
      h("button", { type: "button", role: "tab", class: "tab", "aria-selected": String(source === id), "data-testid": `logs-tab-${id}`, onclick: () => ((source = id), renderTabs(), void load()) }, label);
    replaceChildren(tabs, spec ? [tab("local", "Local log"), tab("provider", `${spec.name}'s log`)] : []);
    tabs.hidden = !spec;
  }

  async function load(): Promise<void> {
    const mine = ++seq;
    table.setAttribute("aria-busy", "true");
    try {
      if (source === "provider") {
        const logs = await api.providerLogs(state.tokenId);
        if (mine === seq && !disposed) renderProvider(logs);
        return;
      }
      const result = await api.logPage(filterFrom(state, new Date()), pager.cursor);
      if (mine !== seq || disposed) return;
      page = result;
      if (result.total !== undefined && result.total !== null) total = result.total;
      renderLocal(result);
    } catch (err) {
      if (mine === seq && !disposed) replaceChildren(table, h("div", { class: "empty-inline", role: "alert", "data-testid": "logs-error" }, api.toApiError(err).message));
    } finally {
      if (mine === seq) table.removeAttribute("aria-busy");
    }
  }

  function renderLocal(p: LogPage): void {
    newer.disabled = pager.page === 1;
    older.disabled = !p.next;
    newer.hidden = older.hidden = false;
    status.textContent = rangeText(pager.page, p.rows.length, total);
    if (!p.rows.length) {
      const filtered = JSON.stringify(state) !== JSON.stringify({ ...INITIAL, range: state.range });
      replaceChildren(table, h("div", { class: "empty-inline", "data-testid": "logs-empty" }, filtered ? "No requests match these filters." : "No requests in this time range."));
      // A log with no rows at all is a new user's: say how to make the first call.
      if (!filtered) void api.logPage({}).then((all) => !disposed && all.total === 0 && replaceChildren(table, firstCall())).catch(() => undefined);
      return;
    }
    replaceChildren(
      table,
      h(
        "table",
        { class: "table logs-table", "data-testid": "logs-table" },
        h("thead", null, h("tr", null, ["Time", "Token", "Method", "Status", "Path", "Time taken", "Size", "IP"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", null, p.rows.map(row)),
      ),
    );
  }

  function row(r: LogRow): HTMLElement {
    const timing = [r.connectMs !== undefined ? `connect ${formatMs(r.connectMs)}` : "", r.firstByteMs !== undefined ? `first byte ${formatMs(r.firstByteMs)}` : ""].filter(Boolean).join(" · ");
    const why = r.failure === "guardrail" ? "Refused before sending: a guardrail question was not answered yes." : r.failure ? `No answer: ${r.failure}` : "";
    return h(
      "tr",
      { "data-testid": "log-row", "data-id": String(r.id) },
      h("td", { class: "nowrap" }, absoluteTime(r.at)),
      h("td", { class: "nowrap", title: `${r.provider} · ${r.environment}` }, r.tokenName),
      h("td", null, h("span", { class: `method-pill m-${r.method.toLowerCase()}` }, r.method)),
      h("td", { class: `tone-${r.status ? statusTone(r.status) : "server"}`, title: why }, statusText(r)),
      h("td", { class: "path-cell" }, h("code", { title: `${r.scheme}://${r.host}${pathWithQuery(r)}\ntemplate ${r.pathTemplate}` }, pathWithQuery(r))),
      h("td", { class: "num nowrap", title: timing }, r.totalMs !== undefined && r.status !== undefined ? formatMs(r.totalMs) : "—"),
      h("td", { class: "num nowrap" }, r.responseBytes !== undefined ? formatBytes(r.responseBytes) : "—"),
      h("td", { class: "muted" }, r.remoteIp ?? "—"),
    );
  }

  function renderProvider(logs: ProviderLogs): void {
    newer.hidden = older.hidden = true;
    status.textContent = `${logs.rows.length} rows from ${logs.providerName}${logs.retentionDays ? ` (kept ${logs.retentionDays} days on their side)` : ""}`;
    replaceChildren(
      table,
      h("p", { class: "provider-note", "data-testid": "provider-log-label" }, icon("info"), `${logs.providerName}'s log: what ${logs.providerName} recorded on its side for this token's store, fetched with the token just now.`),
      logs.rows.length
        ? h(
            "table",
            { class: "table logs-table", "data-testid": "provider-log-table" },
            h("thead", null, h("tr", null, ["Time", "Method", "Status", "Path", "Time taken", "IP"].map((c) => h("th", { scope: "col" }, c)))),
            h(
              "tbody",
              null,
              logs.rows.map((r) =>
                h(
                  "tr",
                  { "data-testid": "provider-log-row" },
                  h("td", { class: "nowrap" }, r.at ? absoluteTime(r.at) : "—"),
                  h("td", null, h("span", { class: `method-pill m-${r.method.toLowerCase()}` }, r.method)),
                  h("td", { class: `tone-${r.status ? statusTone(r.status) : "server"}` }, r.status ?? "—"),
                  h("td", { class: "path-cell" }, h("code", null, r.path)),
                  h("td", { class: "num" }, r.durationMs !== undefined ? formatMs(r.durationMs) : "—"),
                  h("td", { class: "muted" }, r.ip ?? "—"),
                ),
              ),
            ),
          )
        : h("div", { class: "empty-inline" }, `${logs.providerName} has no requests on record for this store.`),
    );
  }

  async function exportAs(format: "csv" | "json"): Promise<void> {
    try {
      const text = await api.exportLogs(filterFrom(state, new Date()), format);
      const name = exportName(format, new Date());
      offerDownload(text, name, format === "csv" ? "text/csv" : "application/json");
      toast(`Exported ${name}`, "success", "The log holds no headers, bodies or secrets, so neither does the export.");
    } catch (err) {
      toastError("Export failed", err);
    }
  }

  async function loadTokens(): Promise<void> {
    try {
      tokens = await api.listTokens({ sort: "name" });
    } catch {
      tokens = [];
    }
    replaceChildren(tokenSelect, h("option", { value: "" }, "All tokens"), tokens.map((t) => h("option", { value: t.id, selected: t.id === state.tokenId }, t.name)));
  }

  renderTabs();
  void loadTokens();
  void load();
  return {
    el,
    dispose() {
      disposed = true;
      clearTimeout(typing);
    },
  };
}

function firstCall(): HTMLElement {
  return h(
    "div",
    { class: "empty-state", "data-testid": "logs-first" },
    h("div", { class: "empty-icon" }, icon("list")),
    h("h2", null, "No requests logged yet"),
    h("p", { class: "muted" }, "Send a request from the request tester (or tokenbench send) and it appears here: time, token, endpoint, status, timing and IP — never headers, bodies or secrets."),
    h("div", { class: "empty-actions" }, h("a", { class: "button primary", href: "#/tester" }, icon("send"), "Send your first request")),
  );
}
