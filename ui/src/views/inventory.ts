/**
 * The inventory: every token in a sortable, filterable table with a detail panel beside it.
 * The backend filters and sorts (`list_tokens`); this view keeps the toolbar state, the
 * selected row and the keyboard flow (↑/↓, Enter, `/`, `n`, `i`, Esc). The table renders only
 * the rows in view (`token-table.ts`), so a large inventory is as quick to open as a small one.
 * Once the first list is on screen the page marks itself ready (`markInventoryReady`), which
 * the start-up benchmark measures.
 */

import * as api from "../api";
import type { SortKey } from "../bindings/SortKey";
import type { StatusFilter } from "../bindings/StatusFilter";
import type { TokenView } from "../bindings/TokenView";
import { debounce, h, replaceChildren } from "../dom";
import { ENVIRONMENT_LABEL, plural, STATUS_FILTER_LABEL } from "../format";
import { activeFilterCount, ariaSort, clearFilters, type FilterState, INITIAL_FILTERS, tagsOf, toggleSort, toListQuery } from "../filters";
import { icon } from "../icons";
import { moveSelection, type Shortcut } from "../keyboard";
import { go } from "../router";
import { shared } from "../state";
import { markInventoryReady } from "../startup-mark";
import { detailPanel, hideRevealed } from "./detail";
import { exportMenu } from "./export-menu";
import { openImportDialog } from "./import-dialog";
import { confirmDelete, confirmRevoke, replaceSecretDialog } from "./lifecycle";
import { openTokenForm } from "./token-form";
import { tokenTable } from "./token-table";

/** A mounted view, as `main.ts` drives it. */
export type View = {
  el: HTMLElement;
  /** Handles a keyboard shortcut; false lets the browser have the key. */
  shortcut(action: Shortcut): boolean;
  /** The route changed within this view (detail opened or closed). */
  showToken(id: string | undefined): void;
  dispose(): void;
};

type Column = { key: SortKey | null; label: string; className: string };
const COLUMNS: Column[] = [
  { key: "name", label: "Name", className: "col-name" },
  { key: "provider", label: "Provider", className: "col-provider" },
  { key: "environment", label: "Env", className: "col-env" },
  { key: "status", label: "Status", className: "col-status" },
  { key: null, label: "Value", className: "col-value" },
  { key: "expires", label: "Expires", className: "col-expires" },
  { key: "lastUsed", label: "Last used", className: "col-last-used" },
  { key: null, label: "Tags", className: "col-tags" },
];

/**
 * Mounts the inventory; `tokenId` opens that token's detail. `firstList`, when given, is the
 * unfiltered list already asked for (at start-up, while the shared state loads), used for the
 * first display instead of asking again.
 */
export function inventoryView(tokenId?: string, firstList?: Promise<TokenView[]>): View {
  let filters: FilterState = { ...INITIAL_FILTERS };
  let tokens: TokenView[] = [];
  let all: TokenView[] = [];
  let openId = tokenId;
  let loaded = false;
  let loadError: api.ApiError | undefined;
  let tableShown = false;

  const count = h("span", { class: "count", "data-testid": "token-count" });
  const search = h("input", { type: "search", placeholder: "Search names, tags, notes", "aria-label": "Search tokens", "data-testid": "search", autocomplete: "off", spellcheck: "false" });
  const provider = filterSelect("Provider", "filter-provider");
  const environment = filterSelect("Environment", "filter-environment");
  const status = filterSelect("Status", "filter-status");
  const tag = filterSelect("Tag", "filter-tag");
  const clear = h("button", { type: "button", class: "button ghost", "data-testid": "clear-filters", hidden: true, onclick: () => setFilters(clearFilters(filters)) }, icon("x"), "Clear");
  const body = h("div", { class: "table-slot" });
  const table = tokenTable((index) => {
    table.select(index, false);
    go({ view: "inventory", tokenId: tokens[index].id });
  });
  const side = h("div", { class: "detail-slot" });
  const exporter = exportMenu();

  const newToken = () => openTokenForm({ taken: all.map((t) => t.name), onSaved: (t) => void refresh().then(() => go({ view: "inventory", tokenId: t.id })) });
  const importTokens = () => openImportDialog(() => void refresh());

  const el = h(
    "section",
    { class: "view inventory", "aria-labelledby": "inventory-title" },
    h(
      "header",
      { class: "view-header" },
      h("div", { class: "view-title" }, h("h1", { id: "inventory-title" }, "Inventory"), count),
      h(
        "div",
        { class: "view-actions" },
        h("button", { type: "button", class: "button", "data-testid": "import", title: "Import (i)", onclick: importTokens }, icon("upload"), "Import"),
        exporter,
        h("button", { type: "button", class: "button primary", "data-testid": "new-token", title: "New token (n)", onclick: newToken }, icon("plus"), "New token"),
      ),
    ),
    h(
      "div",
      { class: "toolbar", role: "search" },
      h("div", { class: "search" }, icon("search"), search, h("kbd", { "aria-hidden": "true" }, "/")),
      provider,
      environment,
      status,
      tag,
      clear,
    ),
    h("div", { class: "split" }, body, side),
  );

  function filterSelect(label: string, testid: string): HTMLSelectElement {
    const select = h("select", { "aria-label": label, "data-testid": testid, class: "filter" });
    select.addEventListener("change", () => {
      const key = testid.replace("filter-", "") as "provider" | "environment" | "status" | "tag";
      setFilters({ ...filters, [key]: select.value });
    });
    return select;
  }

  function fillFilters(): void {
    const opts = (select: HTMLSelectElement, any: string, options: Array<[string, string]>, value: string) => {
      replaceChildren(select, h("option", { value: "" }, any), options.map(([v, l]) => h("option", { value: v, selected: v === value }, l)));
      select.value = value;
      select.classList.toggle("active", value !== "");
    };
    opts(provider, "All providers", shared.profiles.map((p) => [p.id, p.name]), filters.provider);
    opts(environment, "Live & test", [["live", ENVIRONMENT_LABEL.live], ["test", ENVIRONMENT_LABEL.test]], filters.environment);
    opts(status, "Any status", (Object.keys(STATUS_FILTER_LABEL) as StatusFilter[]).map((s) => [s, STATUS_FILTER_LABEL[s]]), filters.status);
    const tags = tagsOf(all);
    if (filters.tag && !tags.includes(filters.tag)) tags.push(filters.tag);
    opts(tag, "Any tag", tags.map((t) => [t, t]), filters.tag);
    tag.disabled = tags.length === 0;
    clear.hidden = activeFilterCount(filters) === 0;
  }

  function setFilters(next: FilterState): void {
    filters = next;
    if (search.value !== next.search) search.value = next.search;
    void refresh(false);
  }

  const searchChanged = debounce(() => setFilters({ ...filters, search: search.value }), 120);
  search.addEventListener("input", searchChanged);

  /**
   * Lists again. A filter or sort change (`reloadAll` false) asks only for the filtered list and
   * keeps the whole inventory it already has (for the count, tags and taken names): with 10,000
   * tokens that halves what each keystroke in the search box costs. Anything that changed the
   * inventory reloads both.
   */
  async function refresh(reloadAll = true): Promise<void> {
    const keepId = (tableShown ? tokens[table.selected()]?.id : undefined) ?? openId;
    try {
      const filtered = activeFilterCount(filters) > 0;
      const needAll = filtered && (reloadAll || !loaded || loadError !== undefined);
      const early = !loaded && firstList && activeFilterCount(filters) === 0 ? firstList : undefined;
      const [list, universe] = await Promise.all([early ?? api.listTokens(toListQuery(filters)), needAll ? api.listTokens({}) : null]);
      tokens = list;
      all = universe ?? (filtered ? all : list);
      loadError = undefined;
    } catch (err) {
      loadError = api.toApiError(err);
    }
    const first = !loaded;
    loaded = true;
    render();
    if (tableShown) table.select(Math.max(tokens.findIndex((t) => t.id === keepId), tokens.length ? 0 : -1), false);
    void renderDetail();
    if (first) markInventoryReady(loadError ? "error" : String(all.length));
  }

  function render(): void {
    fillFilters();
    const filtered = activeFilterCount(filters) > 0;
    count.textContent = loaded ? (filtered ? `${tokens.length} of ${plural(all.length, "token")}` : plural(all.length, "token")) : "";
    tableShown = false;
    exporter.querySelector("button")?.toggleAttribute("disabled", all.length === 0);
    if (!loaded) return replaceChildren(body, h("div", { class: "loading" }, "Loading the inventory…"));
    if (loadError) return replaceChildren(body, errorState(loadError, () => void refresh()));
    if (all.length === 0 && !filtered) return replaceChildren(body, emptyState(newToken, importTokens));
    if (tokens.length === 0) {
      return replaceChildren(
        body,
        h("div", { class: "empty-inline", "data-testid": "no-match" }, h("p", null, "No tokens match these filters."), h("button", { type: "button", class: "button", onclick: () => setFilters(clearFilters(filters)) }, "Clear filters")),
      );
    }
    if (table.el.parentNode !== body) replaceChildren(body, table.el);
    table.show(tokens, COLUMNS.map(header));
    table.setOpen(openId);
    tableShown = true;
  }

  function header(c: Column): HTMLElement {
    if (!c.key) return h("th", { scope: "col", class: c.className }, c.label);
    const key = c.key;
    const sort = ariaSort(filters, key);
    return h(
      "th",
      { scope: "col", class: c.className, "aria-sort": sort },
      h(
        "button",
        { type: "button", class: "sort", "data-testid": `sort-${key}`, onclick: () => setFilters(toggleSort(filters, key)) },
        c.label,
        h("span", { class: `sort-arrow ${sort}`, "aria-hidden": "true" }, sort === "descending" ? "↓" : sort === "ascending" ? "↑" : ""),
      ),
    );
  }

  async function renderDetail(): Promise<void> {
    el.classList.toggle("with-detail", Boolean(openId));
    table.setOpen(openId);
    if (!openId) {
      hideRevealed();
      return replaceChildren(side);
    }
    let token = tokens.find((t) => t.id === openId) ?? all.find((t) => t.id === openId);
    if (!token) {
      try {
        token = await api.getToken(openId);
      } catch {
        openId = undefined;
        go({ view: "inventory" });
        return;
      }
    }
    const after = (t?: TokenView) => void refresh().then(() => t && go({ view: "inventory", tokenId: t.id }));
    replaceChildren(
      side,
      detailPanel(token, {
        close: () => closeDetail(),
        edit: (t) => openTokenForm({ token: t, taken: all.map((x) => x.name), onSaved: after }),
        replace: (t) => replaceSecretDialog(t, after),
        revoke: (t) => confirmRevoke(t, after),
        remove: (t) =>
          confirmDelete(t, () => {
            openId = undefined;
            go({ view: "inventory" });
            void refresh();
          }),
      }),
    );
  }

  function closeDetail(): void {
    const id = openId;
    go({ view: "inventory" });
    const index = tokens.findIndex((t) => t.id === id);
    if (index >= 0 && tableShown) table.select(index, true);
  }

  void refresh();
  return {
    el,
    shortcut(action) {
      switch (action) {
        case "focusSearch":
          search.focus();
          search.select();
          return true;
        case "newToken":
          newToken();
          return true;
        case "import":
          importTokens();
          return true;
        case "up":
        case "down":
        case "first":
        case "last":
          if (!tableShown || !tokens.length) return false;
          // Arriving in the table (from the search box or nowhere) lands on the selected row
          // first; once there, the arrows move.
          if (!table.hasFocus() && (action === "up" || action === "down")) {
            table.select(document.activeElement === search || table.selected() < 0 ? 0 : table.selected(), true);
          } else {
            table.select(moveSelection(table.selected(), tokens.length, action), true);
          }
          return true;
        case "open": {
          const t = tokens[table.selected()];
          if (!t) return false;
          go({ view: "inventory", tokenId: t.id });
          return true;
        }
        case "close":
          if (document.activeElement === search) {
            if (tableShown) table.select(Math.max(table.selected(), 0), true);
            return true;
          }
          if (openId) {
            closeDetail();
            return true;
          }
          return false;
      }
    },
    showToken(id) {
      if (id === openId) return;
      openId = id;
      void renderDetail();
    },
    dispose() {
      hideRevealed();
      searchChanged.cancel();
    },
  };
}

function errorState(err: api.ApiError, retry: () => void): HTMLElement {
  return h(
    "div",
    { class: "empty-inline", role: "alert", "data-testid": "inventory-error" },
    h("p", null, h("strong", null, "The inventory could not be loaded.")),
    h("p", null, err.message),
    h("button", { type: "button", class: "button", onclick: retry }, "Try again"),
  );
}

function emptyState(add: () => void, importTokens: () => void): HTMLElement {
  return h(
    "div",
    { class: "empty-state", "data-testid": "empty-state" },
    h("div", { class: "empty-icon" }, icon("key")),
    h("h2", null, "Keep every API token in one place"),
    h(
      "p",
      null,
      "Tokenbench is an inventory for the API tokens you work with — Pandabase, Pixlpay, PacSpace, Commerce, Shipped Suite or any custom API. It recognizes what you paste, tracks environments, scopes, expiry and rotation, and tests requests with them.",
    ),
    h(
      "div",
      { class: "empty-actions" },
      h("button", { type: "button", class: "button primary", "data-testid": "empty-new-token", onclick: add }, icon("plus"), "Add your first token"),
      h("button", { type: "button", class: "button", "data-testid": "empty-import", onclick: importTokens }, icon("upload"), "Import from .env / pasted text"),
    ),
    h("p", { class: "empty-note" }, icon("lock"), "Secrets are kept in your OS keychain, never on disk, in logs or in exports."),
    h("p", { class: "muted small" }, "Shortcuts: ", h("kbd", null, "n"), " new token · ", h("kbd", null, "i"), " import · ", h("kbd", null, "/"), " search"),
  );
}
