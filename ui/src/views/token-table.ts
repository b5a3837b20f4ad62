/**
 * The inventory's table, windowed: however many tokens there are, only the rows in view (and a
 * few beyond, see `virtual-window.ts`) are in the DOM, with blank rows above and below standing
 * in for the rest, so 10,000 tokens open as fast as 10. Rows keep their `data-testid="token-row"`,
 * `data-name` and `data-id`; `aria-rowcount`/`aria-rowindex` tell assistive technology where a
 * row sits in the whole table.
 *
 * Selection is an index into the tokens, not an element: moving it scrolls the row into view
 * and renders it before focusing it. A focused row scrolled out of the window is removed from
 * the DOM; focus then parks on the scroll container so the arrow keys carry on from the
 * selection.
 *
 * Showing a list never forces a layout: the scroll position and the viewport's height are
 * kept from the scroll events and a ResizeObserver (which runs after layout), and the row and
 * header heights start from what the CSS gives and are corrected there if they differ. Each
 * forced layout of the whole page cost about 70 ms at start-up.
 */

import type { TokenView } from "../bindings/TokenView";
import { h, replaceChildren } from "../dom";
import { absoluteTime, relativeTime } from "../format";
import { scrollToReveal, visibleWindow, type Viewport } from "../virtual-window";
import { environmentBadge, flags, statusBadge } from "./badges";

/** The heights the CSS gives a row (`.tokens td`) and the header (`.tokens th`), borders included. */
const ROW_HEIGHT_GUESS = 38;
const HEADER_HEIGHT_GUESS = 32;

/** A mounted token table. */
export type TokenTable = {
  /** The scroll container holding the table. */
  el: HTMLElement;
  /** Shows `tokens` under `header` (the `<th>` cells); keeps the scroll position when it can. */
  show(tokens: TokenView[], header: HTMLElement[]): void;
  /** Selects row `index`; with `focus`, scrolls it into view and focuses it. */
  select(index: number, focus: boolean): void;
  /** The selected index, -1 for none. */
  selected(): number;
  /** Marks the row whose details are open. */
  setOpen(id: string | undefined): void;
  /** True when keyboard focus is in the table (on a row, or parked on the container). */
  hasFocus(): boolean;
};

/** Builds the table inside a scroll container; `activate` runs on a click on row `index`. */
export function tokenTable(activate: (index: number) => void): TokenTable {
  let tokens: TokenView[] = [];
  let selected = -1;
  let openId: string | undefined;
  let rowHeight = ROW_HEIGHT_GUESS;
  let headerHeight = HEADER_HEIGHT_GUESS;
  let now = new Date();
  let frame = 0;
  let scrollTop = 0;
  let viewportHeight = window.innerHeight;
  const rendered = new Map<number, HTMLTableRowElement>();

  const thead = h("thead");
  const topPad = spacer();
  const bottomPad = spacer();
  const tbody = h("tbody", null, topPad, bottomPad);
  const table = h("table", { class: "tokens", "aria-label": "Tokens", "data-testid": "token-table" }, thead, tbody);
  const el = h("div", { class: "table-wrap", tabindex: "-1" }, table);

  el.addEventListener("scroll", () => {
    scrollTop = el.scrollTop;
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), render()));
  });
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver((entries) => {
      viewportHeight = entries[entries.length - 1].contentRect.height || viewportHeight;
      measure();
      render();
    }).observe(el);
  }

  function viewport(): Viewport {
    return { count: tokens.length, rowHeight, headerHeight, scrollTop, viewportHeight };
  }

  function render(): void {
    const w = visibleWindow(viewport());
    for (const [i, tr] of rendered) {
      if (i >= w.start && i < w.end) continue;
      if (tr.contains(document.activeElement)) el.focus({ preventScroll: true });
      tr.remove();
      rendered.delete(i);
    }
    (topPad.firstElementChild as HTMLElement).style.height = `${w.padTop}px`;
    (bottomPad.firstElementChild as HTMLElement).style.height = `${w.padBottom}px`;
    topPad.hidden = w.padTop === 0;
    bottomPad.hidden = w.padBottom === 0;
    let prev: Element = topPad;
    for (let i = w.start; i < w.end; i++) {
      let tr = rendered.get(i);
      if (!tr) {
        tr = row(tokens[i], i);
        rendered.set(i, tr);
      }
      if (prev.nextElementSibling !== tr) prev.after(tr);
      prev = tr;
    }
  }

  /**
   * Takes the real heights from the DOM (fonts and zoom vary). Called from the ResizeObserver,
   * after layout, when reading it costs nothing; the caller then renders the window again.
   */
  function measure(): void {
    const first = rendered.values().next().value;
    const height = first?.getBoundingClientRect().height ?? 0;
    const head = thead.getBoundingClientRect().height;
    if (head > 0) headerHeight = head;
    if (height > 0) rowHeight = height;
  }

  function row(t: TokenView, index: number): HTMLTableRowElement {
    const tr = h(
      "tr",
      {
        "data-testid": "token-row",
        "data-name": t.name,
        "data-id": t.id,
        "data-status": t.status,
        "aria-rowindex": String(index + 2),
        tabindex: index === selected ? "0" : "-1",
        "aria-selected": String(index === selected),
        class: [t.status !== "active" ? "inactive" : "", t.id === openId ? "open" : ""].join(" ").trim(),
      },
      cells(t, now),
    );
    tr.addEventListener("click", () => activate(index));
    tr.addEventListener("focus", () => selected !== index && select(index, false));
    return tr;
  }

  function select(index: number, focus: boolean): void {
    const prev = rendered.get(selected);
    if (prev) {
      prev.setAttribute("aria-selected", "false");
      prev.tabIndex = -1;
    }
    selected = index;
    if (index < 0 || index >= tokens.length) return;
    if (focus) {
      scrollTop = el.scrollTop;
      const top = scrollToReveal(viewport(), index);
      if (top !== scrollTop) el.scrollTop = scrollTop = top;
      render();
    }
    const tr = rendered.get(index);
    if (!tr) return;
    tr.setAttribute("aria-selected", "true");
    tr.tabIndex = 0;
    if (focus) tr.focus({ preventScroll: true });
  }

  return {
    el,
    show(next, header) {
      tokens = next;
      now = new Date();
      for (const tr of rendered.values()) tr.remove();
      rendered.clear();
      selected = -1;
      table.setAttribute("aria-rowcount", String(tokens.length + 1));
      replaceChildren(thead, h("tr", { "aria-rowindex": "1" }, header));
      render();
    },
    select,
    selected: () => selected,
    setOpen(id) {
      openId = id;
      for (const tr of rendered.values()) tr.classList.toggle("open", tr.dataset.id === id);
    },
    hasFocus: () => el.contains(document.activeElement),
  };
}

/** The cells of one token's row. */
function cells(t: TokenView, now: Date): HTMLElement[] {
  const shownTags = t.tags.slice(0, 3);
  return [
    h("td", { class: "col-name" }, h("span", { class: "name" }, t.name)),
    h("td", { class: "col-provider" }, t.providerName),
    h("td", { class: "col-env" }, environmentBadge(t)),
    h("td", { class: "col-status" }, h("div", { class: "status-cell" }, statusBadge(t), flags(t))),
    h("td", { class: "col-value" }, h("code", { class: "masked", "data-testid": "token-masked" }, t.masked)),
    h("td", { class: "col-expires", title: t.expires ? absoluteTime(t.expires) : "Never expires" }, t.expires ? relativeTime(t.expires, now) : h("span", { class: "muted" }, "Never")),
    h("td", { class: "col-last-used", title: t.lastUsed ? absoluteTime(t.lastUsed) : "Not used yet" }, t.lastUsed ? relativeTime(t.lastUsed, now) : h("span", { class: "muted" }, "Never")),
    h("td", { class: "col-tags" }, h("div", { class: "chip-list" }, shownTags.map((g) => h("span", { class: "tag" }, g)), t.tags.length > 3 ? h("span", { class: "muted small", title: t.tags.join(", ") }, `+${t.tags.length - 3}`) : null)),
  ];
}

/**
 * A blank row standing in for rows not rendered. One cell, spanning one column: a wider span
 * would add columns to a table whose narrow layouts hide some (display: none), and in a fixed
 * table an extra column takes a share of the name column's width.
 */
function spacer(): HTMLTableRowElement {
  return h("tr", { class: "spacer", "aria-hidden": "true" }, h("td"));
}
