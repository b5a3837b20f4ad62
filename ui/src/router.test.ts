import { describe, expect, it } from "vitest";
import { parseRoute, routeHash } from "./router";

describe("routes", () => {
  it("opens the inventory for an empty or unknown hash", () => {
    expect(parseRoute("")).toEqual({ view: "inventory" });
    expect(parseRoute("#/nowhere")).toEqual({ view: "inventory" });
  });

  it("round-trips a token id with characters that need escaping", () => {
    const route = { view: "inventory" as const, tokenId: "tok/with space" };
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it("knows the tester and settings pages", () => {
    expect(parseRoute("#/tester")).toEqual({ view: "tester" });
    expect(parseRoute(routeHash({ view: "settings" }))).toEqual({ view: "settings" });
  });
});

describe("usage and logs routes", () => {
  it("opens usage for every token or for one, and the logs", () => {
    expect(parseRoute("#/usage")).toEqual({ view: "usage" });
    const one = { view: "usage" as const, tokenId: "tok 1/x" };
    expect(routeHash(one)).toBe("#/usage/tok%201%2Fx");
    expect(parseRoute(routeHash(one))).toEqual(one);
    expect(parseRoute("#/logs")).toEqual({ view: "logs" });
  });
});
