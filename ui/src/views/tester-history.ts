/**
 * Recent and saved requests in the tester's left column. Recent (newest first, from the
 * request log) shows method, path template, status and time; clicking one restores its token,
 * method, path and query (the log keeps no headers or body). Saved requests load their whole
 * draft the same way and can be deleted.
 */

import * as api from "../api";
import type { RecentRequest } from "../bindings/RecentRequest";
import type { RequestDraft } from "../bindings/RequestDraft";
import type { SavedRequest } from "../bindings/SavedRequest";
import { h, replaceChildren } from "../dom";
import { absoluteTime, relativeTime } from "../format";
import { icon } from "../icons";
import { displayPath } from "../request-draft";
import { formatMs, statusTone } from "../response-view";
import { toastError } from "../toast";

const SHOWN = 12;

/** The mounted lists. */
export type HistoryLists = { el: HTMLElement; load(): Promise<void>; saved(): SavedRequest[] };

/** What opening a recent or saved request restores. */
export type Reopen = { tokenId?: string; draft: RequestDraft };

/** What a log row's status column says: the code, or why there was none. */
export function statusLabel(status: number | undefined, failure: string | undefined): string {
  if (status !== undefined && status !== null) return String(status);
  return failure === "guardrail" ? "refused" : failure ?? "error";
}

/** Builds both lists; `open` restores a draft (with its token when known). */
export function historyLists(open: (item: Reopen) => void): HistoryLists {
  let recent: RecentRequest[] = [];
  let saved: SavedRequest[] = [];
  let showAll = false;
  const recentList = h("ul", { class: "history", "data-testid": "recent-list" });
  const savedList = h("ul", { class: "history", "data-testid": "saved-list" });
  const more = h("button", { type: "button", class: "link-button", hidden: true, onclick: () => ((showAll = !showAll), render()) });
  const el = h(
    "div",
    { class: "history-wrap" },
    h("section", { class: "side-card", "aria-label": "Saved requests" }, h("h2", { class: "side-title" }, "Saved"), savedList),
    h("section", { class: "side-card", "aria-label": "Recent requests" }, h("h2", { class: "side-title" }, "Recent"), recentList, more),
  );

  function render(): void {
    const now = new Date();
    replaceChildren(
      recentList,
      recent.length
        ? (showAll ? recent : recent.slice(0, SHOWN)).map(({ entry: e, draft }) => {
            const tone = e.status !== undefined && e.status !== null ? statusTone(e.status) : "server";
            const shown = e.query ? `${e.pathTemplate}?${e.query}` : e.pathTemplate;
            const why = e.failure === "guardrail" ? "\nRefused before sending (a guardrail question was not answered yes)" : e.failure ? `\nNo answer: ${e.failure}` : "";
            return h(
              "li",
              null,
              h(
                "button",
                { type: "button", class: "history-item", "data-testid": "recent-item", "data-id": String(e.id), title: `${e.method} ${e.host}${e.path}\n${e.tokenName} · ${absoluteTime(e.at)}${why}`, onclick: () => open({ tokenId: e.tokenId, draft }) },
                h("span", { class: `method-pill m-${e.method.toLowerCase()}` }, e.method),
                h("span", { class: "history-text" }, h("code", { class: "history-path" }, displayPath(shown)), h("span", { class: "history-sub" }, `${e.tokenName} · ${relativeTime(e.at, now)}${e.totalMs !== undefined && e.totalMs !== null && e.status !== undefined ? ` · ${formatMs(e.totalMs)}` : ""}`)),
                h("span", { class: `history-status tone-${tone}` }, statusLabel(e.status, e.failure)),
              ),
            );
          })
        : h("li", { class: "muted small" }, "Requests you send appear here."),
    );
    more.hidden = recent.length <= SHOWN;
    more.textContent = showAll ? "Show fewer" : `Show all ${recent.length}`;
    replaceChildren(
      savedList,
      saved.length
        ? saved.map((s) =>
            h(
              "li",
              { class: "saved-row" },
              h(
                "button",
                { type: "button", class: "history-item", "data-testid": "saved-item", "data-id": s.id, title: `${s.draft.method} ${s.draft.url}`, onclick: () => open(s) },
                h("span", { class: `method-pill m-${s.draft.method.toLowerCase()}` }, s.draft.method),
                h("span", { class: "history-text" }, h("span", { class: "history-name" }, s.name), h("code", { class: "history-sub" }, displayPath(s.draft.url))),
              ),
              h("button", { type: "button", class: "icon-button", "aria-label": `Delete saved request ${s.name}`, "data-testid": "saved-delete", onclick: () => void remove(s) }, icon("trash")),
            ),
          )
        : h("li", { class: "muted small" }, "Save a request to keep it here."),
    );
  }

  async function remove(s: SavedRequest): Promise<void> {
    try {
      await api.deleteSavedRequest(s.id);
      saved = saved.filter((x) => x.id !== s.id);
      render();
    } catch (err) {
      toastError("Could not delete the saved request", err);
    }
  }

  render();
  return {
    el,
    async load() {
      const [r, s] = await Promise.allSettled([api.recentRequests(), api.savedRequests()]);
      if (r.status === "fulfilled") recent = r.value;
      if (s.status === "fulfilled") saved = s.value;
      render();
    },
    saved: () => saved,
  };
}
