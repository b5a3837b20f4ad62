/**
 * Recent and saved requests in the tester's left column. Recent (newest first, from the
 * backend's history) shows method, path, status and time; clicking one restores its draft and
 * token. Saved requests load the same way and can be deleted.
 */

import * as api from "../api";
import type { HistoryEntry } from "../bindings/HistoryEntry";
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

/** Builds both lists; `open` restores a draft (with its token when known). */
export function historyLists(open: (item: HistoryEntry | SavedRequest) => void): HistoryLists {
  let recent: HistoryEntry[] = [];
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
        ? (showAll ? recent : recent.slice(0, SHOWN)).map((e) => {
            const tone = e.status !== undefined && e.status !== null ? statusTone(e.status) : "server";
            return h(
              "li",
              null,
              h(
                "button",
                { type: "button", class: "history-item", "data-testid": "recent-item", "data-id": e.id, title: `${e.method} ${e.url}\n${e.tokenName} · ${absoluteTime(e.at)}${e.error ? `\n${e.error}` : ""}`, onclick: () => open(e) },
                h("span", { class: `method-pill m-${e.method.toLowerCase()}` }, e.method),
                h("span", { class: "history-text" }, h("code", { class: "history-path" }, displayPath(e.url)), h("span", { class: "history-sub" }, `${e.tokenName} · ${relativeTime(e.at, now)}${e.totalMs !== undefined && e.totalMs !== null ? ` · ${formatMs(e.totalMs)}` : ""}`)),
                h("span", { class: `history-status tone-${tone}` }, e.status ?? "error"),
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
