import { describe, expect, it } from "vitest";
import type { TokenView } from "./bindings/TokenView";
import { activeFilterCount, ariaSort, clearFilters, INITIAL_FILTERS, tagsOf, toggleSort, toListQuery } from "./filters";

describe("toListQuery", () => {
  it("sends only the sort when nothing is filtered, so the backend returns everything", () => {
    expect(toListQuery(INITIAL_FILTERS)).toEqual({ sort: "name", descending: false });
  });

  it("sends every filter that is set and trims the search", () => {
    const query = toListQuery({ ...INITIAL_FILTERS, search: "  shop  ", provider: "pandabase", environment: "live", status: "expiresSoon", tag: "ci" });
    expect(query).toEqual({ search: "shop", provider: "pandabase", environment: "live", status: "expiresSoon", tag: "ci", sort: "name", descending: false });
  });

  it("does not send a search of only spaces", () => {
    expect(toListQuery({ ...INITIAL_FILTERS, search: "   " })).not.toHaveProperty("search");
  });
});

describe("toggleSort", () => {
  it("flips the direction when the same header is clicked again", () => {
    const once = toggleSort(INITIAL_FILTERS, "name");
    expect(once).toMatchObject({ sort: "name", descending: true });
    expect(toggleSort(once, "name")).toMatchObject({ sort: "name", descending: false });
  });

  it("starts a new column ascending, but 'last used' and 'created' newest first", () => {
    expect(toggleSort(INITIAL_FILTERS, "expires")).toMatchObject({ sort: "expires", descending: false });
    expect(toggleSort(INITIAL_FILTERS, "lastUsed")).toMatchObject({ sort: "lastUsed", descending: true });
    expect(toggleSort(INITIAL_FILTERS, "created")).toMatchObject({ sort: "created", descending: true });
  });

  it("keeps the filters when the sort changes", () => {
    expect(toggleSort({ ...INITIAL_FILTERS, tag: "ci" }, "status").tag).toBe("ci");
  });
});

describe("filter counting and clearing", () => {
  it("counts each narrowing filter once and ignores the sort", () => {
    expect(activeFilterCount({ ...INITIAL_FILTERS, sort: "expires", descending: true })).toBe(0);
    expect(activeFilterCount({ ...INITIAL_FILTERS, search: "x", provider: "pixlpay", status: "revoked" })).toBe(3);
  });

  it("clears filters but keeps the user's sort", () => {
    const cleared = clearFilters({ ...INITIAL_FILTERS, search: "x", tag: "ci", sort: "expires", descending: true });
    expect(cleared).toEqual({ ...INITIAL_FILTERS, sort: "expires", descending: true });
  });

  it("reports aria-sort only on the sorted column", () => {
    const state = { ...INITIAL_FILTERS, sort: "expires" as const, descending: true };
    expect(ariaSort(state, "expires")).toBe("descending");
    expect(ariaSort(state, "name")).toBe("none");
  });
});

describe("tagsOf", () => {
  it("lists each tag once, sorted without regard to case", () => {
    const t = (tags: string[]) => ({ tags }) as unknown as TokenView;
    expect(tagsOf([t(["prod", "ci"]), t(["Billing", "ci"]), t([])])).toEqual(["Billing", "ci", "prod"]);
  });
});
