import { describe, expect, it } from "vitest";
import type { Profile } from "./bindings/Profile";
import type { TokenView } from "./bindings/TokenView";
import { credentialAdvice } from "./views/curl-import";
import { signatureHint } from "./views/signature-verifier";
import { readOnlyScopes, SANDBOX_PROVIDERS } from "./views/tester-sandbox";
import { lackingScopes } from "./views/tester-token";

const profiles = Object.values(import.meta.glob<Profile>("../../src-tauri/core/profiles/*.json", { eager: true, import: "default" }));
const profile = (id: string) => profiles.find((p) => p.id === id)!;

describe("signature field hint", () => {
  it("accepts exactly 64 lowercase hex characters, the only shape a signature has", () => {
    expect(signatureHint("a".repeat(64))).toMatch(/✓/);
  });
  it("explains why upper-case hex cannot match instead of just rejecting it", () => {
    expect(signatureHint("A".repeat(64))).toMatch(/lowercase/);
  });
  it("counts characters while the user types and flags non-hex text", () => {
    expect(signatureHint("abc")).toBe("3 of 64 characters.");
    expect(signatureHint("xyz")).toBe("3 of 64 characters, and not only hex digits.");
    expect(signatureHint("  ")).toMatch(/64 lowercase hex/);
  });
});

describe("endpoint scope hints", () => {
  const token = { scopes: ["PRODUCTS_READ"] } as unknown as TokenView;
  const pandabase = profile("pandabase");
  const endpoint = (id: string) => pandabase.endpoints.find((e) => e.id === id)!;

  it("names the scopes an endpoint needs that the token lacks, before the user meets the 403", () => {
    expect(lackingScopes(endpoint("products.create"), token)).toEqual(["PRODUCTS_WRITE"]);
    expect(lackingScopes(endpoint("products.list"), token)).toEqual([]);
  });

  it("says nothing when the endpoint lists no scopes or no token is chosen", () => {
    expect(lackingScopes(endpoint("api-logs"), token)).toEqual([]);
    expect(lackingScopes(endpoint("products.create"), undefined)).toEqual([]);
  });
});

describe("sandbox read-only scopes", () => {
  it("drops every write scope in both providers' spellings, keeping the reads", () => {
    const pb = readOnlyScopes(profile("pandabase"));
    expect(pb).toContain("PRODUCTS_READ");
    expect(pb.some((s) => s.endsWith("_WRITE"))).toBe(false);
    expect(readOnlyScopes(profile("pixlpay"))).toEqual(["products:read", "orders:read", "customers:read", "analytics:read", "webhooks:read", "settings:read"]);
  });

  it("offers the sandbox only for providers that have a bundled profile", () => {
    expect(SANDBOX_PROVIDERS.filter((id) => !profiles.some((p) => p.id === id))).toEqual([]);
  });
});

describe("advice for credentials found in a pasted cURL command", () => {
  it("points an stk_ bearer at the vault HMAC token with that id rather than at pasting a secret", () => {
    expect(credentialAdvice({ location: "header Authorization", masked: "stk_9fQ2hd81", suggestedMode: "hmac", tokenId: "stk_9fQ2hd81" })).toContain("stk_9fQ2hd81");
  });
  it("explains that a pasted signature only fits its own body", () => {
    expect(credentialAdvice({ location: "header X-Signature", masked: "ab12…", suggestedMode: "hmac" })).toMatch(/only the body it was made for/);
  });
  it("names the auth mode the backend suggests, and never echoes the value", () => {
    const advice = credentialAdvice({ location: "header X-Api-Key", masked: "pk_live_••••Zt0p", suggestedMode: "apiKey" });
    expect(advice).toBe("Pick a vault token using API key header.");
    expect(credentialAdvice({ location: "query api_key", masked: "••••" })).toBe("Pick a vault token instead.");
  });
});
