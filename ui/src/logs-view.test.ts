import { describe, expect, it } from "vitest";
import { INITIAL, Pager, exportName, filterFrom, rangeText } from "./logs-view";

describe("logs filters", () => {
  const now = new Date("2026-03-10T12:00:00Z");

  it("start with the last 7 days of everything", () => {
    expect(filterFrom(INITIAL, now)).toEqual({ since: "2026-03-03T12:00:00.000Z" });
  });

  it("pass only what the user picked, trimmed", () => {
    expect(filterFrom({ tokenId: "tok-1", status: "4xx", method: "POST", range: "all", search: "  products " }, now)).toEqual({ tokenId: "tok-1", status: "4xx", method: "POST", search: "products" });
    expect(filterFrom({ ...INITIAL, range: "1h" }, now).since).toBe("2026-03-10T11:00:00.000Z");
  });
});

describe("keyset paging", () => {
  it("goes older page by page and back exactly one page at a time", () => {
    const p = new Pager();
    expect([p.page, p.cursor]).toEqual([1, undefined]);
    expect(p.newer()).toBe(false);
    p.older({ atMs: 100, id: 9 });
    p.older({ atMs: 50, id: 4 });
    expect([p.page, p.cursor]).toEqual([3, { atMs: 50, id: 4 }]);
    expect(p.newer()).toBe(true);
    expect(p.cursor).toEqual({ atMs: 100, id: 9 });
    p.reset();
    expect([p.page, p.cursor]).toEqual([1, undefined]);
  });

  it("describes the rows on screen", () => {
    expect(rangeText(1, 100, 123456)).toBe("Rows 1–100 of 123,456");
    expect(rangeText(3, 17, undefined)).toBe("Rows 201–217");
    expect(rangeText(1, 0, 0)).toBe("No rows");
  });

  it("names exports by date and format", () => {
    expect(exportName("csv", new Date("2026-03-10T23:00:00Z"))).toBe("tokenbench-logs-2026-03-10.csv");
  });
});
