/**
 * Windowing for long tables: which rows to put in the DOM for the part of the table in view,
 * and where to scroll to bring a row into view. Pure arithmetic over fixed-height rows below a
 * sticky header, so it is tested without a DOM; `views/token-table.ts` applies it.
 *
 * Coordinates are the scroll container's content: the header occupies [0, headerHeight), row
 * `i` occupies [headerHeight + i·rowHeight, headerHeight + (i+1)·rowHeight). The sticky header
 * covers the top `headerHeight` pixels of the viewport, so a row is in view when it lies within
 * [scrollTop + headerHeight, scrollTop + viewportHeight).
 */

/** The table's geometry and where it is scrolled to. */
export type Viewport = {
  /** Number of rows in the table. */
  count: number;
  /** Height of one row, px (> 0). */
  rowHeight: number;
  /** Height of the sticky header, px. */
  headerHeight: number;
  /** The scroll container's `scrollTop`. */
  scrollTop: number;
  /** The scroll container's visible height. */
  viewportHeight: number;
};

/** Rows `[start, end)` to render, and the blank space standing in for the others. */
export type RowWindow = { start: number; end: number; padTop: number; padBottom: number };

/** Rows rendered beyond each edge of the view, so a scroll step shows rows already there. */
export const OVERSCAN = 8;

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/**
 * The rows to render for `v`: those in view plus `overscan` on each side, clamped to the table.
 * The paddings keep the scroll height that of the whole table.
 */
export function visibleWindow(v: Viewport, overscan = OVERSCAN): RowWindow {
  const h = Math.max(v.rowHeight, 1);
  const count = Math.max(0, Math.floor(v.count));
  const first = Math.floor((v.scrollTop - v.headerHeight) / h);
  const last = Math.ceil((v.scrollTop + Math.max(v.viewportHeight, 0) - v.headerHeight) / h);
  const start = clamp(first - overscan, 0, count);
  const end = clamp(last + overscan, start, count);
  return { start, end, padTop: start * h, padBottom: (count - end) * h };
}

/**
 * The `scrollTop` that brings row `index` fully into view with the least movement (like
 * `scrollIntoView({ block: "nearest" })`, but aware of the sticky header): unchanged when it
 * is in view already, else the row's top just below the header or its bottom at the viewport's
 * bottom edge. Never negative.
 */
export function scrollToReveal(v: Viewport, index: number): number {
  const top = v.headerHeight + index * v.rowHeight;
  const bottom = top + v.rowHeight;
  if (top < v.scrollTop + v.headerHeight) return Math.max(0, top - v.headerHeight);
  if (bottom > v.scrollTop + v.viewportHeight) return Math.max(0, bottom - v.viewportHeight);
  return v.scrollTop;
}
