import { describe, expect, it } from "vitest";
import commerce from "../../src-tauri/core/profiles/commerce.json";
import pandabase from "../../src-tauri/core/profiles/pandabase.json";
import pacspace from "../../src-tauri/core/profiles/pacspace.json";
import type { Profile } from "./bindings/Profile";
import { baseUrlProblem, MAX_SECRET_CHARS, patternHint, rustRegex, type TokenDraft, validateToken } from "./validation";

// The real bundled profiles, so a change in their data shows up here.
const PANDABASE = pandabase as unknown as Profile;
const PACSPACE = pacspace as unknown as Profile;
const COMMERCE = commerce as unknown as Profile;

const draft = (over: Partial<TokenDraft> = {}): TokenDraft => ({
  name: "Storefront",
  secret: "sk_live_abcdef123456",
  provider: "pandabase",
  environment: "live",
  authMode: "bearer",
  authHeader: "",
  tokenId: "",
  storeId: "",
  baseUrl: "",
  rateLimit: "60",
  expires: "",
  rotationDays: "90",
  ...over,
});

describe("rustRegex", () => {
  it("compiles every bundled shape pattern, so client-side checks never silently switch off", () => {
    for (const p of [PANDABASE, PACSPACE, COMMERCE]) {
      for (const s of p.shapes) expect(rustRegex(s.pattern), `${p.id}: ${s.pattern}`).not.toBeNull();
    }
  });

  it("turns Rust's (?P<env>…) into a JS named group", () => {
    expect(rustRegex("^sk_(?P<env>live|test)_x$")?.exec("sk_test_x")?.groups?.env).toBe("test");
  });

  it("turns a leading (?i) into the i flag", () => {
    const re = rustRegex(PANDABASE.missingPermissionsPattern ?? "");
    expect(re?.flags).toContain("i");
    expect(re?.exec("Missing permissions: PRODUCTS_WRITE, ORDERS_READ")?.groups?.perms).toBe("PRODUCTS_WRITE, ORDERS_READ");
  });

  it("returns null for a pattern JS cannot compile, leaving the check to the backend", () => {
    expect(rustRegex("(?<unclosed")).toBeNull();
  });
});

describe("validateToken", () => {
  it("accepts a complete, ordinary token", () => {
    expect(validateToken(draft(), PANDABASE)).toEqual({});
  });

  it("asks for a name and a secret", () => {
    const errors = validateToken(draft({ name: "  ", secret: "" }), PANDABASE);
    expect(Object.keys(errors).sort()).toEqual(["name", "secret"]);
  });

  it("catches a duplicate name regardless of case, like the backend", () => {
    expect(validateToken(draft({ name: "storefront" }), PANDABASE, ["Storefront"]).name).toMatch(/already exists/);
  });

  it("refuses a pasted value with a line break or longer than keychains store", () => {
    expect(validateToken(draft({ secret: "sk_live_a\nsk_live_b" }), PANDABASE).secret).toMatch(/line break/);
    expect(validateToken(draft({ secret: "x".repeat(MAX_SECRET_CHARS + 1) }), PANDABASE).secret).toMatch(/longer/);
  });

  it("does not ask for a secret when editing (it is replaced in its own dialog)", () => {
    expect(validateToken(draft({ secret: undefined }), PANDABASE)).toEqual({});
  });

  it("requires the public token ID in HMAC mode", () => {
    expect(validateToken(draft({ authMode: "hmac" }), PANDABASE).tokenId).toMatch(/stk_/);
    expect(validateToken(draft({ authMode: "hmac", tokenId: "stk_abc123" }), PANDABASE)).toEqual({});
  });

  it("refuses an auth mode the provider does not accept", () => {
    expect(validateToken(draft({ authMode: "hmac" }), PACSPACE).authMode).toBeDefined();
  });

  it("checks the store ID against the profile's pattern and says what it should look like", () => {
    const error = validateToken(draft({ storeId: "store-1" }), PANDABASE).storeId;
    expect(error).toMatch(/start with shp_/);
    expect(validateToken(draft({ storeId: "shp_acme" }), PANDABASE)).toEqual({});
  });

  it("keeps rate limits within 1–1000 whole requests per minute", () => {
    for (const bad of ["0", "1001", "2.5", "", "-3", "ten"]) {
      expect(validateToken(draft({ rateLimit: bad }), PANDABASE).rateLimit, bad).toMatch(/1 to 1000/);
    }
    expect(validateToken(draft({ rateLimit: "1000" }), PANDABASE)).toEqual({});
  });

  it("requires a positive rotation interval", () => {
    expect(validateToken(draft({ rotationDays: "0" }), PANDABASE).rotationDays).toBeDefined();
  });

  it("flags an impossible expiry date but accepts an empty one (never expires)", () => {
    expect(validateToken(draft({ expires: "2025-02-31" }), PANDABASE).expires).toBeDefined();
    expect(validateToken(draft({ expires: "" }), PANDABASE)).toEqual({});
  });

  it("asks for a provider when none is chosen", () => {
    expect(validateToken(draft(), undefined).provider).toBeDefined();
  });

  it("refuses plain http for an HTTPS-only provider but allows a local test server", () => {
    expect(validateToken(draft({ baseUrl: "http://billing.example.com" }), COMMERCE).baseUrl).toMatch(/HTTPS/);
    expect(validateToken(draft({ baseUrl: "http://localhost:8080" }), COMMERCE).baseUrl).toBeUndefined();
  });
});

describe("baseUrlProblem", () => {
  it("explains what a usable base URL looks like", () => {
    expect(baseUrlProblem("api.example.com", true)).toMatch(/full URL/);
    expect(baseUrlProblem("ftp://x.example", false)).toMatch(/https/);
    expect(baseUrlProblem("https://user:pw@x.example", false)).toMatch(/credentials/);
    expect(baseUrlProblem("https://x.example?key=1", false)).toMatch(/query/);
    expect(baseUrlProblem("https://x.example/api", true)).toBeNull();
  });
});

describe("patternHint", () => {
  it("describes a literal prefix in words and falls back to the pattern", () => {
    expect(patternHint("^shp_[A-Za-z0-9_]+$")).toBe("they start with shp_");
    expect(patternHint("[0-9]+")).toBe("expected [0-9]+");
  });
});
