import { describe, expect, it } from "vitest";
import type { UsageFigures } from "./bindings/UsageFigures";
import { bucketLabel, chartSeries, classShares, formatRate, pathWithQuery, statusText, tiles, utcOffsetMinutes } from "./usage-view";

const figures = (over: Partial<UsageFigures> = {}): UsageFigures => ({
  range: "7d",
  from: "2026-03-04T00:00:00Z",
  to: "2026-03-10T15:30:00Z",
  bucket: "day",
  total: 6,
  today: 4,
  errors: 4,
  errorRate: 4 / 6,
  avgMs: 21,
  p95Ms: 40.5,
  statusClasses: { failed: 1, informational: 0, success: 2, redirect: 0, clientError: 2, serverError: 1 },
  timeline: [
    { start: "2026-03-09T00:00:00Z", requests: 1, errors: 1, avgMs: 40 },
    { start: "2026-03-10T00:00:00Z", requests: 4, errors: 2 },
  ],
  endpoints: [],
  recent: [],
  ...over,
});

describe("usage tiles", () => {
  it("show the five figures with the error rate as a percentage and flagged above 5 %", () => {
    const t = tiles(figures());
    expect(t.map((x) => [x.id, x.value])).toEqual([["total", "6"], ["today", "4"], ["avg", "21 ms"], ["p95", "41 ms"], ["error-rate", "66.7 %"]]);
    expect(t[4].tone).toBe("bad");
    expect(t[4].hint).toBe("4 of 6");
  });

  it("say nothing misleading when there are no requests", () => {
    const t = tiles(figures({ total: 0, today: 0, errors: 0, errorRate: 0, avgMs: undefined, p95Ms: undefined }));
    expect(t.map((x) => x.value)).toEqual(["0", "0", "—", "—", "—"]);
    expect(t[4].tone).toBeUndefined();
  });

  it("format rates and thousands", () => {
    expect(formatRate(0)).toBe("0 %");
    expect(formatRate(1)).toBe("100 %");
    expect(formatRate(0.0125)).toBe("1.3 %");
    expect(tiles(figures({ total: 1234567 }))[0].value).toBe("1,234,567");
  });
});

describe("usage chart and labels", () => {
  it("give the chart seconds on x and requests and errors per bucket", () => {
    expect(chartSeries(figures())).toEqual([[1773014400, 1773100800], [1, 4], [1, 2]]);
  });

  it("label hours and days in the given time zone", () => {
    expect(bucketLabel("2026-03-10T14:00:00Z", "hour", "UTC")).toBe("14:00");
    expect(bucketLabel("2026-03-10T00:00:00Z", "day", "UTC")).toBe("Mar 10");
    expect(bucketLabel("2026-03-10T00:00:00Z", "day", "America/New_York")).toBe("Mar 9");
  });

  it("share status classes among the non-empty ones", () => {
    expect(classShares(figures()).map((c) => [c.label, c.count])).toEqual([["2xx", 2], ["4xx", 2], ["5xx", 1], ["No answer", 1]]);
    expect(classShares(figures()).reduce((a, c) => a + c.share, 0)).toBeCloseTo(1);
  });

  it("words a row's status and path", () => {
    expect(statusText({ status: 429 })).toBe("429");
    expect(statusText({ failure: "guardrail" })).toBe("refused");
    expect(statusText({ failure: "dns" })).toBe("dns");
    expect(pathWithQuery({ path: "/v1/x", query: "api_key=•••&page=2" })).toBe("/v1/x?api_key=•••&page=2");
    expect(pathWithQuery({ path: "/v1/x", query: "" })).toBe("/v1/x");
  });

  it("read the user's offset east of UTC", () => {
    const d = new Date("2026-03-10T12:00:00Z");
    expect(utcOffsetMinutes(d)).toBe(-d.getTimezoneOffset());
  });
});
