import { describe, expect, it } from "vitest";
import type { Endpoint } from "./bindings/Endpoint";
import type { Profile } from "./bindings/Profile";
import {
  blankEditor, displayPath, editorFromEndpoint, fromDraft, isWrite, missingVars, sendsBody, splitTemplate, templateVars, toDraft, tokenVar,
} from "./request-draft";

const profiles = import.meta.glob<Profile>("../../src-tauri/core/profiles/*.json", { eager: true, import: "default" });
const pandabase = Object.values(profiles).find((p) => p.id === "pandabase")!;
const commerce = Object.values(profiles).find((p) => p.id === "commerce")!;
const endpoint = (p: Profile, id: string) => p.endpoints.find((e) => e.id === id) as Endpoint;

describe("URL templates", () => {
  it("lists each {variable} once, in order", () => {
    expect(templateVars("/v2/stores/{storeId}/tokens/{tokenId}/roll-secret")).toEqual(["storeId", "tokenId"]);
    expect(templateVars("/a/{id}/b/{id}")).toEqual(["id"]);
    expect(templateVars("https://api.pandabase.io/v2/core/stores/shp_x/products")).toEqual([]);
  });

  it("ignores braces that are not variable names (JSON-ish text, empty braces)", () => {
    expect(templateVars("/a/{}/b/{1x}/{ok_1}")).toEqual(["ok_1"]);
  });

  it("splits into text and variable pieces that join back to the URL, for highlighting", () => {
    const url = "/v2/core/stores/{storeId}/products?x={id}";
    const parts = splitTemplate(url);
    expect(parts.map((p) => p.text).join("")).toBe(url);
    expect(parts.filter((p) => p.variable).map((p) => p.variable)).toEqual(["storeId", "id"]);
    expect(splitTemplate("")).toEqual([]);
  });

  it("lets the token fill storeId and tokenId and nothing else", () => {
    const token = { storeId: "shp_acme", tokenId: "stk_9f" };
    expect([tokenVar(token, "storeId"), tokenVar(token, "tokenId"), tokenVar(token, "id")]).toEqual(["shp_acme", "stk_9f", undefined]);
    expect(tokenVar({}, "storeId")).toBeUndefined();
  });

  it("names the variables the user still has to fill (the token's own don't count)", () => {
    const url = "/v2/stores/{storeId}/tokens/{tokenId}/x/{id}";
    expect(missingVars({ url, vars: {} }, { storeId: "shp_a" })).toEqual(["tokenId", "id"]);
    expect(missingVars({ url, vars: { tokenId: "stk_1", id: " " } }, { storeId: "shp_a" })).toEqual(["id"]);
    expect(missingVars({ url, vars: {} }, undefined)).toEqual(["storeId", "tokenId", "id"]);
  });
});

describe("methods", () => {
  it("sends a body only for methods that carry one: GET/DELETE sign the empty string in HMAC mode", () => {
    expect(["GET", "HEAD", "DELETE", "OPTIONS", "get"].map(sendsBody)).toEqual([false, false, false, false, false]);
    expect(["POST", "PUT", "PATCH", "post"].map(sendsBody)).toEqual([true, true, true, true]);
  });

  it("counts POST/PUT/PATCH/DELETE as writes", () => {
    expect(["POST", "PUT", "PATCH", "DELETE", "GET", "HEAD"].map(isWrite)).toEqual([true, true, true, true, false, false]);
  });
});

describe("catalogue endpoint → editor", () => {
  it("takes method and path template as the profile writes them, variables left to the token", () => {
    const s = editorFromEndpoint(endpoint(pandabase, "products.list"));
    expect([s.method, s.url, s.endpointId, s.body]).toEqual(["GET", "/v2/core/stores/{storeId}/products", "products.list", ""]);
    expect(s.vars).toEqual({});
  });

  it("turns the documented example body into indented JSON ready to edit", () => {
    const s = editorFromEndpoint(endpoint(pandabase, "products.create"));
    expect(s.method).toBe("POST");
    expect(JSON.parse(s.body)).toEqual({ name: "New Product", amount: 2999, type: "ONE_TIME" });
    expect(s.body).toContain('\n  "amount": 2999');
  });

  it("adds one enabled query row per documented parameter, filled with its example", () => {
    expect(editorFromEndpoint(endpoint(commerce, "invoices.list")).query).toEqual([
      { name: "page", value: "1", enabled: true },
      { name: "per_page", value: "25", enabled: true },
    ]);
  });
});

describe("editor ↔ draft", () => {
  it("sends only non-empty values of variables still in the URL, so the token fills the rest", () => {
    const s = { ...blankEditor(), url: "/v2/stores/{storeId}/tokens/{tokenId}/roll-secret", vars: { storeId: "", tokenId: " stk_other ", id: "left-over" } };
    expect(toDraft(s).vars).toEqual({ tokenId: "stk_other" });
  });

  it("drops rows left completely blank but keeps disabled ones (saved requests remember them)", () => {
    const s = {
      ...blankEditor(),
      query: [{ name: "page", value: "2", enabled: true }, { name: " ", value: "", enabled: true }, { name: "per_page", value: "5", enabled: false }],
      headers: [{ name: "", value: "", enabled: false }, { name: "X-Trace", value: "1", enabled: true }],
    };
    const d = toDraft(s);
    expect(d.query).toEqual([{ name: "page", value: "2", enabled: true }, { name: "per_page", value: "5", enabled: false }]);
    expect(d.headers).toEqual([{ name: "X-Trace", value: "1", enabled: true }]);
  });

  it("sends the empty body for GET/DELETE even when the editor still holds text", () => {
    const s = { ...blankEditor(), method: "delete", url: "/x", body: '{"a":1}' };
    const d = toDraft(s);
    expect([d.method, d.body]).toEqual(["DELETE", ""]);
    expect(toDraft({ ...s, method: "PATCH" }).body).toBe('{"a":1}');
  });

  it("sends the body exactly as typed (no trimming: these are the bytes that get signed)", () => {
    expect(toDraft({ ...blankEditor(), method: "POST", url: "/x", body: ' {"a": 1}\n' }).body).toBe(' {"a": 1}\n');
  });

  it("round-trips a draft through the editor unchanged", () => {
    const draft = { method: "POST", url: "/v2/core/stores/{storeId}/products", headers: [{ name: "X-Trace", value: "1", enabled: false }], query: [{ name: "page", value: "1", enabled: true }], body: "{}", endpointId: "products.create", vars: { storeId: "shp_other" } };
    expect(toDraft(fromDraft(draft))).toEqual(draft);
  });

  it("does not share row objects with the draft it came from (editing must not change history)", () => {
    const draft = { method: "GET", url: "/x", headers: [{ name: "a", value: "1", enabled: true }], query: [], body: "", vars: {} };
    const s = fromDraft(draft);
    s.headers[0].value = "2";
    expect(draft.headers[0].value).toBe("1");
  });

  it("reads drafts with missing or undefined parts (older saved requests) without failing", () => {
    const s = fromDraft({ method: "", url: "/x", headers: [], query: [], body: "", vars: { a: undefined, b: "1" } as unknown as Record<string, string> });
    expect(s.method).toBe("GET");
    expect(s.vars).toEqual({ b: "1" });
    expect(s.endpointId).toBeUndefined();
  });
});

it("shows paths without the origin in short lists", () => {
  expect(displayPath("http://127.0.0.1:8787/pandabase/v2/core/stores/shp_x/products?page=1")).toBe("/pandabase/v2/core/stores/shp_x/products?page=1");
  expect(displayPath("/v1/store/products")).toBe("/v1/store/products");
  expect(displayPath("https://api.pixlpay.net")).toBe("/");
});
