import { describe, expect, it } from "vitest";
import { scrollToReveal, visibleWindow, type Viewport } from "./virtual-window";

// 10,000 rows of 39 px under a 33 px header, in a 600 px viewport.
const V: Viewport = { count: 10_000, rowHeight: 39, headerHeight: 33, scrollTop: 0, viewportHeight: 600 };

describe("visibleWindow renders only the rows in view", () => {
  it("at the top: the rows that fit plus the overscan below, nothing above", () => {
    const w = visibleWindow(V, 8);
    // (600 - 33) / 39 = 14.5 → rows 0..14 are (partly) visible.
    expect(w).toEqual({ start: 0, end: 15 + 8, padTop: 0, padBottom: (10_000 - 23) * 39 });
  });

  it("in the middle: the rows in view plus the overscan on both sides, the rest as padding", () => {
    const scrollTop = 33 + 5_000 * 39; // row 5000 at the top edge, behind the header
    const w = visibleWindow({ ...V, scrollTop }, 8);
    expect(w.start).toBe(5_000 - 8);
    expect(w.end).toBe(Math.ceil((scrollTop + 600 - 33) / 39) + 8);
    expect(w.padTop + (w.end - w.start) * 39 + w.padBottom).toBe(10_000 * 39); // the scroll height is the whole table's
  });

  it("at the bottom, and scrolled past it, the window is clamped to the last rows", () => {
    const bottom = 33 + 10_000 * 39 - 600;
    for (const scrollTop of [bottom, bottom + 5_000]) {
      const w = visibleWindow({ ...V, scrollTop }, 8);
      expect(w.end).toBe(10_000);
      expect(w.padBottom).toBe(0);
      expect(w.end - w.start).toBeLessThan(40);
    }
  });

  it("a short table is rendered whole, and an empty one not at all", () => {
    expect(visibleWindow({ ...V, count: 10 })).toEqual({ start: 0, end: 10, padTop: 0, padBottom: 0 });
    expect(visibleWindow({ ...V, count: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it("a viewport not laid out yet (height 0) still renders the overscan, never a negative range", () => {
    const w = visibleWindow({ ...V, viewportHeight: 0 }, 8);
    expect(w.start).toBe(0);
    expect(w.end).toBeGreaterThan(0);
    expect(w.end).toBeLessThanOrEqual(8);
  });
});

describe("scrollToReveal brings a row into view below the sticky header", () => {
  it("leaves the scroll alone when the row is fully visible", () => {
    expect(scrollToReveal({ ...V, scrollTop: 390 }, 12)).toBe(390);
  });

  it("scrolls up so a row above the view sits just below the header", () => {
    const scrollTop = scrollToReveal({ ...V, scrollTop: 10_000 }, 100);
    expect(scrollTop).toBe(100 * 39); // row 100's top (33 + 3900) at scrollTop + 33
  });

  it("scrolls down so a row below the view sits on the bottom edge", () => {
    const scrollTop = scrollToReveal(V, 20);
    expect(scrollTop).toBe(33 + 21 * 39 - 600);
    const w = visibleWindow({ ...V, scrollTop }, 0);
    expect(w.start <= 20 && 20 < w.end).toBe(true); // and the row is then rendered
  });

  it("a row half hidden behind the header counts as out of view", () => {
    expect(scrollToReveal({ ...V, scrollTop: 20 }, 0)).toBe(0);
  });

  it("the first and last rows: never a negative scroll, the end reachable", () => {
    expect(scrollToReveal({ ...V, scrollTop: 500 }, 0)).toBe(0);
    expect(scrollToReveal(V, 9_999)).toBe(33 + 10_000 * 39 - 600);
  });
});
