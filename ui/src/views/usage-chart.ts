/**
 * The Usage page's timeline, drawn by uPlot (about 20 KB gzipped, canvas, no dependencies,
 * loaded when the chart is first shown, so start-up does not pay for it):
 * requests per bucket as bars and errors as a line over them. It follows its container's
 * width, and says when it has drawn (`data-drawn`) so the end-to-end test can check a real
 * chart is on screen.
 */

import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "../usage.css";

import type { UsageFigures } from "../bindings/UsageFigures";
import { h } from "../dom";
import { bucketLabel, chartSeries } from "../usage-view";

/** The mounted chart. */
export type TimelineChart = { el: HTMLElement; update(f: UsageFigures): void; destroy(): void };

const HEIGHT = 220;

function css(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * uPlot builds an `Intl.NumberFormat(navigator.language)` when it loads. Under `LANG=C` WebKit
 * reports the language as "C", which Intl rejects (RangeError), and the import fails; a static
 * import would take the whole page down with it. Such a language is replaced by "en-US" for
 * the page before uPlot loads; a valid one is left alone.
 */
export function usableLocale(nav: Navigator = navigator): void {
  try {
    new Intl.NumberFormat(nav.language);
  } catch {
    Object.defineProperty(nav, "language", { value: "en-US", configurable: true });
  }
}

/** A chart of `f`'s timeline. */
export function timelineChart(f: UsageFigures): TimelineChart {
  const el = h("div", { class: "usage-chart", "data-testid": "usage-chart", role: "img", "aria-label": "Requests and errors over time" });
  let figures = f;
  let plot: uPlot | undefined;

  function options(Plot: typeof uPlot, width: number): uPlot.Options {
    const accent = css("--accent", "#0b66d6");
    const red = css("--red", "#c8252f");
    const muted = css("--text-muted", "#5a636e");
    const grid = css("--border-subtle", "#e7eaee");
    const bars = Plot.paths.bars?.({ size: [0.7, 36] });
    const hourly = figures.bucket === "hour";
    const step = hourly ? 3600 : 86400;
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: "11px system-ui, sans-serif" };
    return {
      width,
      height: HEIGHT,
      padding: [12, 8, 0, 0],
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        // Half a bucket of room on each side, so the first and last bars are drawn whole.
        x: { time: true, range: (_u, min, max) => [min - step / 2, max + step / 2] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
      },
      axes: [
        // Ticks fall on whole buckets only (hours or days), so no label repeats.
        { ...axis, incrs: hourly ? [3600, 2 * 3600, 3 * 3600, 6 * 3600] : [86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400, 91 * 86400], values: (_u, ticks) => ticks.map((t) => bucketLabel(new Date(t * 1000).toISOString(), figures.bucket)) },
        { ...axis, size: 44, values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : "")) },
      ],
      series: [
        { value: (_u, v) => (v === null ? "—" : bucketLabel(new Date(v * 1000).toISOString(), figures.bucket)) },
        { label: "Requests", stroke: accent, fill: `${accent}55`, width: 1, paths: bars, points: { show: false } },
        { label: "Errors", stroke: red, width: 2, points: { show: true, size: 5, fill: red } },
      ],
      hooks: {
        draw: [
          () => {
            el.dataset.drawn = "true";
            el.dataset.points = String(figures.timeline.length);
          },
        ],
      },
    };
  }

  let library: Promise<typeof uPlot> | undefined;
  let gone = false;

  async function draw(): Promise<void> {
    library ??= (usableLocale(), import("uplot").then((m) => m.default));
    let Plot: typeof uPlot;
    try {
      Plot = await library;
    } catch (err) {
      el.dataset.error = String(err);
      el.textContent = "The chart could not be drawn.";
      return;
    }
    if (gone) return;
    const width = Math.max(320, Math.floor(el.clientWidth || el.parentElement?.clientWidth || 640));
    plot?.destroy();
    plot = new Plot(options(Plot, width), chartSeries(figures), el);
  }

  const resize = new ResizeObserver(() => {
    const width = Math.floor(el.clientWidth);
    if (plot && width > 0 && Math.abs(width - plot.width) > 4) plot.setSize({ width: Math.max(320, width), height: HEIGHT });
  });
  // Drawn once the element is in the page and has a width.
  requestAnimationFrame(() => {
    void draw();
    resize.observe(el);
  });

  return {
    el,
    update(next) {
      figures = next;
      void draw();
    },
    destroy() {
      gone = true;
      resize.disconnect();
      plot?.destroy();
    },
  };
}
