import { describe, expect, it } from "vitest";
import pandabase from "../../src-tauri/core/profiles/pandabase.json";
import pixlpay from "../../src-tauri/core/profiles/pixlpay.json";
import shipped from "../../src-tauri/core/profiles/shipped.json";
import type { Candidate } from "./bindings/Candidate";
import type { Profile } from "./bindings/Profile";
import type { TokenView } from "./bindings/TokenView";
import { blankValues, kindFor, toNewToken, toPatch, valuesFromToken, withCandidate, withProvider } from "./token-draft";

const PANDABASE = pandabase as unknown as Profile;
const PIXLPAY = pixlpay as unknown as Profile;
const SHIPPED = shipped as unknown as Profile;
const PROFILES = [PANDABASE, PIXLPAY, SHIPPED];

const view: TokenView = {
  id: "t1",
  name: "Storefront",
  provider: "pandabase",
  environment: "live",
  kind: "secretKey",
  authMode: "bearer",
  storeId: "shp_acme",
  scopes: ["ORDERS_READ"],
  rateLimit: 60,
  created: "2025-01-01T00:00:00Z",
  expires: "2025-12-31T10:00:00Z",
  rotationDays: 90,
  tags: ["ci"],
  notes: "",
  masked: "sk_live_••••abcd",
  confirmForeignHost: true,
  confirmWrites: true,
  status: "active",
  expiresSoon: false,
  rotationDue: false,
  rotationDueAt: "2025-04-01T00:00:00Z",
  providerName: "Pandabase",
};

describe("toNewToken", () => {
  it("sends trimmed text, numbers as numbers, tags as a list, and leaves out empty optional fields", () => {
    const values = { ...blankValues(PIXLPAY), name: "  Checkout ", secret: " sk_test_abc123 ", rateLimit: "120", tags: "ci, web", scopes: ["orders:read"] };
    const input = toNewToken(values);
    expect(input).toEqual({
      name: "Checkout",
      provider: "pixlpay",
      environment: "live",
      kind: "secretKey",
      authMode: "bearer",
      scopes: ["orders:read"],
      rateLimit: 120,
      rotationDays: 90,
      tags: ["ci", "web"],
      notes: "",
      secret: "sk_test_abc123",
    });
    for (const key of ["authHeader", "authPrefix", "tokenId", "storeId", "baseUrl", "expires"]) expect(input).not.toHaveProperty(key);
  });

  it("makes an HMAC-mode token an hmacToken, whatever the key type select said", () => {
    const input = toNewToken({ ...blankValues(PANDABASE), name: "n", secret: "s", authMode: "hmac", kind: "secretKey", tokenId: "stk_1" });
    expect([input.kind, input.tokenId]).toEqual(["hmacToken", "stk_1"]);
  });

  it("drops a header typed for a mode that does not use one", () => {
    expect(toNewToken({ ...blankValues(PANDABASE), name: "n", secret: "s", authHeader: "X-Key" })).not.toHaveProperty("authHeader");
  });

  it("sends the expiry as an ISO instant", () => {
    expect(toNewToken({ ...blankValues(PANDABASE), name: "n", secret: "s", expires: "2030-01-31" }).expires).toMatch(/^2030-0[12]-\d\dT/);
  });
});

describe("toPatch", () => {
  it("is empty when nothing changed, so a no-op save sends nothing", () => {
    expect(toPatch(view, valuesFromToken(view))).toEqual({});
  });

  it("sends only the fields that changed", () => {
    const values = { ...valuesFromToken(view), notes: "owned by web team", scopes: ["ORDERS_READ", "PRODUCTS_READ"] };
    expect(toPatch(view, values)).toEqual({ notes: "owned by web team", scopes: ["ORDERS_READ", "PRODUCTS_READ"] });
  });

  it("clears the expiry with clearExpires instead of an empty string", () => {
    expect(toPatch(view, { ...valuesFromToken(view), expires: "" })).toEqual({ clearExpires: true });
  });

  it("clears an optional text field by sending an empty string", () => {
    expect(toPatch(view, { ...valuesFromToken(view), storeId: "" })).toEqual({ storeId: "" });
  });

  it("sends a changed expiry date as an ISO instant", () => {
    const patch = toPatch(view, { ...valuesFromToken(view), expires: "2026-06-30" });
    expect(Object.keys(patch)).toEqual(["expires"]);
    expect(patch.expires).toMatch(/^2026-0[67]-\d\dT/);
  });
});

describe("switching provider and applying recognition", () => {
  it("falls back to the new provider's default auth mode and drops scopes it does not know", () => {
    const values = { ...blankValues(PANDABASE), authMode: "hmac" as const, scopes: ["ORDERS_READ"] };
    const next = withProvider(values, SHIPPED, PANDABASE);
    expect([next.provider, next.authMode, next.kind]).toEqual(["shipped", "raw", "secretKey"]);
    expect(next.scopes).toEqual(["ORDERS_READ"]); // Shipped has no vocabulary: free text is kept
    expect(withProvider(values, PIXLPAY, PANDABASE).scopes).toEqual([]);
  });

  it("keeps a rate limit the user typed but follows the default they did not touch", () => {
    const touched = withProvider({ ...blankValues(PANDABASE), rateLimit: "300" }, PIXLPAY, PANDABASE);
    expect(touched.rateLimit).toBe("300");
    expect(withProvider(blankValues(PANDABASE), PIXLPAY, PANDABASE).rateLimit).toBe(String(PIXLPAY.rateLimit.default));
  });

  it("applies a candidate's provider, environment, kind and auth mode", () => {
    const c: Candidate = { provider: "shipped", providerName: "Shipped Suite", environment: "test", kind: "publishableKey", role: "publishable", authMode: "raw", confidence: 80, reason: "pk_ shape" };
    const next = withCandidate(blankValues(PANDABASE), c, PROFILES);
    expect([next.provider, next.environment, next.kind, next.authMode]).toEqual(["shipped", "test", "publishableKey", "raw"]);
  });

  it("ignores a candidate for a provider that is not loaded", () => {
    const before = blankValues(PANDABASE);
    const c = { provider: "nope", providerName: "Nope", kind: "secretKey", role: "secret", authMode: "bearer", confidence: 50, reason: "" } as Candidate;
    expect(withCandidate(before, c, PROFILES)).toBe(before);
  });

  it("derives the kind from the auth mode first", () => {
    expect(kindFor("hmac", "secretKey")).toBe("hmacToken");
    expect(kindFor("bearer", "hmacToken")).toBe("secretKey");
    expect(kindFor("raw", "publishableKey")).toBe("publishableKey");
  });
});
