/**
 * The Usage view (`#/usage` for every token, `#/usage/<id>` for one): figure tiles, the
 * timeline chart, status classes, the endpoint breakdown and the last 20 calls with a status
 * filter, over Today / 7 days / 30 days / 1 year / All time. Figures come from the request
 * log's hourly rollups in Rust; a new user sees how to make a first call instead.
 */

import * as api from "../api";
import type { TokenView } from "../bindings/TokenView";
import type { UsageFigures } from "../bindings/UsageFigures";
import type { UsageRange } from "../bindings/UsageRange";
import { h, replaceChildren } from "../dom";
import { absoluteTime } from "../format";
import { icon } from "../icons";
import { formatMs, statusTone } from "../response-view";
import { go } from "../router";
import { toastError } from "../toast";
import { RANGES, RECENT_FILTERS, classShares, formatCount, formatRate, pathWithQuery, statusText, tiles, utcOffsetMinutes } from "../usage-view";
import { timelineChart, type TimelineChart } from "./usage-chart";

let lastRange: UsageRange = "30d";

/** The mounted view. */
export type UsageView = { el: HTMLElement; dispose(): void };

/** Builds the view for one token (`tokenId`) or all. */
export function usageView(tokenId?: string): UsageView {
  let range = lastRange;
  let recentStatus = "";
  let disposed = false;
  let chart: TimelineChart | undefined;
  let tokens: TokenView[] = [];

  const tokenSelect = h("select", { class: "filter", "data-testid": "usage-token", "aria-label": "Token" }, h("option", { value: "" }, "All tokens"));
  tokenSelect.addEventListener("change", () => go(tokenSelect.value ? { view: "usage", tokenId: tokenSelect.value } : { view: "usage" }));
  const rangeButtons = RANGES.map((r) =>
    h("button", { type: "button", class: "segment", "data-range": r.range, "data-testid": `usage-range-${r.range}`, onclick: () => ((range = lastRange = r.range), void load()) }, r.label),
  );
  const title = h("h1", { id: "usage-title" }, "Usage");
  const body = h("div", { class: "usage-body", "aria-live": "polite" }, h("div", { class: "loading" }, "Reading the request log…"));
  const el = h(
    "section",
    { class: "view usage", "aria-labelledby": "usage-title", "data-testid": "usage-view" },
    h(
      "header",
      { class: "view-header" },
      h("div", { class: "view-title" }, title),
      h("div", { class: "view-actions" }, tokenSelect, h("div", { class: "segmented", role: "group", "aria-label": "Range" }, rangeButtons)),
    ),
    body,
  );

  async function loadTokens(): Promise<void> {
    try {
      tokens = await api.listTokens({ sort: "name" });
    } catch {
      tokens = [];
    }
    replaceChildren(tokenSelect, h("option", { value: "" }, "All tokens"), tokens.map((t) => h("option", { value: t.id, selected: t.id === tokenId }, t.name)));
    const t = tokens.find((x) => x.id === tokenId);
    title.textContent = t ? `Usage — ${t.name}` : "Usage";
  }

  async function load(): Promise<void> {
    for (const b of rangeButtons) b.setAttribute("aria-pressed", String(b.dataset.range === range));
    body.setAttribute("aria-busy", "true");
    try {
      const f = await api.usageFigures({ range, utcOffsetMinutes: utcOffsetMinutes(new Date()), ...(tokenId ? { tokenId } : {}), ...(recentStatus ? { recentStatus } : {}) });
      if (!disposed) render(f);
    } catch (err) {
      if (!disposed) replaceChildren(body, h("div", { class: "empty-inline", role: "alert", "data-testid": "usage-error" }, api.toApiError(err).message));
    } finally {
      body.removeAttribute("aria-busy");
    }
  }

  function render(f: UsageFigures): void {
    chart?.destroy();
    chart = undefined;
    // The recent calls are not limited to the range: none at all means nothing was ever sent.
    if (f.recent.length === 0 && !recentStatus) {
      replaceChildren(body, emptyState(Boolean(tokenId)));
      return;
    }
    chart = timelineChart(f);
    replaceChildren(
      body,
      h(
        "div",
        { class: "tiles", "data-testid": "usage-tiles" },
        tiles(f).map((t) =>
          h("div", { class: `tile${t.tone ? ` tile-${t.tone}` : ""}`, "data-testid": `tile-${t.id}` }, h("span", { class: "tile-label" }, t.label), h("strong", { class: "tile-value" }, t.value), t.hint ? h("span", { class: "tile-hint" }, t.hint) : null),
        ),
      ),
      h("section", { class: "card usage-card" }, h("div", { class: "card-head" }, h("h2", null, "Requests over time"), h("span", { class: "muted small" }, `${f.bucket === "hour" ? "Hourly" : "Daily"} since ${absoluteTime(f.from)}`)), chart.el, classBar(f)),
      h("div", { class: "usage-columns" }, endpointTable(f), recentCalls(f)),
    );
  }

  function classBar(f: UsageFigures): HTMLElement {
    const shares = classShares(f);
    return h(
      "div",
      { class: "class-bar-wrap", "data-testid": "status-classes" },
      h("div", { class: "class-bar", "aria-hidden": "true" }, shares.map((s) => h("span", { class: `class-seg seg-${s.key}`, style: `flex-grow: ${s.share}` }))),
      h("ul", { class: "class-legend" }, shares.map((s) => h("li", null, h("span", { class: `dot seg-${s.key}` }), `${s.label} ${formatCount(s.count)}`))),
    );
  }

  function endpointTable(f: UsageFigures): HTMLElement {
    return h(
      "section",
      { class: "card" },
      h("div", { class: "card-head" }, h("h2", null, "Endpoints")),
      f.endpoints.length
        ? h(
            "table",
            { class: "simple usage-table", "data-testid": "usage-endpoints" },
            h("thead", null, h("tr", null, h("th", null, "Endpoint"), h("th", { class: "num" }, "Requests"), h("th", { class: "num" }, "Success"), h("th", { class: "num" }, "Average"))),
            h(
              "tbody",
              null,
              f.endpoints.map((e) =>
                h(
                  "tr",
                  null,
                  h("td", null, h("span", { class: `method-pill m-${e.method.toLowerCase()}` }, e.method), " ", h("code", { title: e.host }, e.pathTemplate)),
                  h("td", { class: "num" }, formatCount(e.requests)),
                  h("td", { class: `num ${e.successRate < 0.95 ? "bad" : ""}` }, formatRate(e.successRate)),
                  h("td", { class: "num" }, e.avgMs === undefined ? "—" : formatMs(e.avgMs)),
                ),
              ),
            ),
          )
        : h("p", { class: "muted small" }, "No requests in this range."),
    );
  }

  function recentCalls(f: UsageFigures): HTMLElement {
    const filter = h("select", { class: "filter", "data-testid": "recent-status", "aria-label": "Filter recent calls by status" }, RECENT_FILTERS.map((o) => h("option", { value: o.value, selected: o.value === recentStatus }, o.label)));
    filter.addEventListener("change", () => ((recentStatus = filter.value), void load()));
    return h(
      "section",
      { class: "card" },
      h("div", { class: "card-head" }, h("h2", null, "Last 20 calls"), filter),
      f.recent.length
        ? h(
            "table",
            { class: "simple usage-table", "data-testid": "usage-recent" },
            h("thead", null, h("tr", null, h("th", null, "Time"), h("th", null, "Call"), h("th", { class: "num" }, "Status"), h("th", null, "IP"))),
            h(
              "tbody",
              null,
              f.recent.map((r) =>
                h(
                  "tr",
                  { "data-testid": "recent-call" },
                  h("td", { class: "nowrap" }, absoluteTime(r.at)),
                  h("td", null, h("span", { class: `method-pill m-${r.method.toLowerCase()}` }, r.method), " ", h("code", { title: `${r.tokenName} · ${r.host}` }, pathWithQuery(r))),
                  h("td", { class: `num tone-${r.status ? statusTone(r.status) : "server"}` }, statusText(r)),
                  h("td", { class: "muted" }, r.remoteIp ?? "—"),
                ),
              ),
            ),
          )
        : h("p", { class: "muted small" }, "No calls match this status."),
    );
  }

  void loadTokens();
  void load().catch((err) => toastError("Could not read the request log", err));
  return {
    el,
    dispose() {
      disposed = true;
      chart?.destroy();
    },
  };
}

/** What a new user sees: how to make a first call. */
function emptyState(forToken: boolean): HTMLElement {
  return h(
    "div",
    { class: "empty-state", "data-testid": "usage-empty" },
    h("div", { class: "empty-icon" }, icon("chart")),
    h("h2", null, forToken ? "This token has no requests yet" : "No requests yet"),
    h(
      "p",
      { class: "muted" },
      "Every request the request tester (or tokenbench send) makes is logged here: time, endpoint, status and timing — never headers, bodies or secrets. No real account needed: in the tester, start the local sandbox, create a sandbox token and send.",
    ),
    h("div", { class: "empty-actions" }, h("a", { class: "button primary", href: "#/tester", "data-testid": "usage-first-request" }, icon("send"), "Send your first request")),
  );
}
