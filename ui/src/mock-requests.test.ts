import { describe, expect, it } from "vitest";
import type { CurlImport } from "./bindings/CurlImport";
import type { Prepared } from "./bindings/Prepared";
import type { RequestDraft } from "./bindings/RequestDraft";
import type { SendResult } from "./bindings/SendResult";
import type { TokenView } from "./bindings/TokenView";
import type { VerifyResult } from "./bindings/VerifyResult";
import { createMockBackend } from "./mock";

// The browser preview must behave like the contract says, or the preview teaches the wrong
// thing: these tests hold its request-tester commands to the documented HMAC scheme, the
// guardrails and the masking rules.
const backend = () => createMockBackend(new URLSearchParams());
const draft = (over: Partial<RequestDraft> = {}): RequestDraft => ({ method: "GET", url: "/v2/core/stores/{storeId}/products", headers: [], query: [], body: "", vars: {}, ...over });
const BODY = '{"name":"New Product","amount":2999,"type":"ONE_TIME"}';
const enc = new TextEncoder();
const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
const sha256 = async (text: string) => hex(await crypto.subtle.digest("SHA-256", enc.encode(text)));
/** Pandabase's documented signature, written out here step by step (key = the hex text of SHA-256(secret)). */
async function documented(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", enc.encode(await sha256(secret)), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", key, enc.encode(body)));
}
// The same two signatures made by the seed document's own recipe, with openssl:
//   K=$(printf '%s' sk_live_previewtok_2 | openssl dgst -sha256 | awk '{print $2}')
//   printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$K"      (and printf '' for the GET)
const OPENSSL_POST = "1daace728dd61d54b7fe860f88612f91ea258c3d821ab9a33d36d5d9ef541dd6";
const OPENSSL_GET = "6733d3940d23e9799e05c2c1ca05e06c304bd2f989467b58e7ea9a7909a5894d";

async function tokenNamed(b: ReturnType<typeof backend>, name: string): Promise<TokenView> {
  const tokens = (await b.call("list_tokens", { query: {} })) as TokenView[];
  const t = tokens.find((x) => x.name === name);
  if (!t) throw new Error(`sample token ${name} is missing`);
  return t;
}

describe("preview backend: prepare_request", () => {
  it("signs HMAC requests exactly as Pandabase documents (key = hex SHA-256 of the secret)", async () => {
    const b = backend();
    const t = await tokenNamed(b, "Order webhook signer");
    const { value: secret } = (await b.call("reveal_secret", { id: t.id })) as { value: string };
    const p = (await b.call("prepare_request", { tokenId: t.id, draft: draft({ method: "POST", body: BODY }), options: { confirmed: [] } })) as Prepared;
    expect(secret, "the openssl vectors below were made for this sample secret").toBe("sk_live_previewtok_2");
    expect(p.hmac?.signature).toBe(OPENSSL_POST);
    expect(p.hmac?.signature).toBe(await documented(secret, BODY));
    expect(p.hmac?.signedBytes).toBe(BODY.length);
    expect(p.hmac?.signedSha256).toBe(await sha256(BODY));
    expect(p.headers).toContainEqual({ name: "Authorization", value: `Bearer ${t.tokenId}` });
    expect(p.headers).toContainEqual({ name: "X-Signature", value: OPENSSL_POST });
  });

  it("signs the empty string for a GET", async () => {
    const b = backend();
    const t = await tokenNamed(b, "Order webhook signer");
    const p = (await b.call("prepare_request", { tokenId: t.id, draft: draft(), options: { confirmed: [] } })) as Prepared;
    expect([p.hmac?.signedBytes, p.hmac?.signature, p.hmac?.signedText]).toEqual([0, OPENSSL_GET, ""]);
  });

  it("never puts a secret or the signing key in what the UI is shown", async () => {
    const b = backend();
    for (const name of ["Storefront sync", "Order webhook signer", "Balance service"]) {
      const t = await tokenNamed(b, name);
      const { value: secret } = (await b.call("reveal_secret", { id: t.id })) as { value: string };
      const url = name === "Balance service" ? "/api/v1/balance/derive/{customerId}" : "/v2/core/stores/{storeId}/products";
      const p = (await b.call("prepare_request", { tokenId: t.id, draft: draft({ url, vars: { customerId: "customer_001" } }), options: { confirmed: [] } })) as Prepared;
      const shown = JSON.stringify(p);
      expect(shown, name).not.toContain(secret);
      expect(shown, name).not.toContain(await sha256(secret));
    }
  });

  it("fills {storeId} from the token and builds the final URL with the enabled query rows only", async () => {
    const b = backend();
    const t = await tokenNamed(b, "Storefront sync");
    const p = (await b.call("prepare_request", {
      tokenId: t.id,
      draft: draft({ query: [{ name: "page", value: "2", enabled: true }, { name: "skip", value: "x", enabled: false }] }),
      options: { confirmed: [] },
    })) as Prepared;
    expect(p.url).toBe("https://api.pandabase.io/v2/core/stores/shp_acme_main/products?page=2");
  });

  it("rejects an unfilled variable with code invalid and names it", async () => {
    const b = backend();
    const t = await tokenNamed(b, "Balance service");
    await expect(b.call("prepare_request", { tokenId: t.id, draft: draft({ url: "/api/v1/balance/derive/{customerId}" }), options: { confirmed: [] } })).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("{customerId}") });
  });
});

describe("preview backend: send_request", () => {
  it("asks before a live write and answers a missing permission with a 403 diagnosis", async () => {
    const b = backend();
    const t = await tokenNamed(b, "Storefront sync");
    const d = draft({ method: "POST", body: BODY });
    const p = (await b.call("prepare_request", { tokenId: t.id, draft: d, options: { confirmed: [] } })) as Prepared;
    expect(p.confirmations.map((c) => c.kind)).toEqual(["write"]);
    await expect(b.call("send_request", { tokenId: t.id, draft: d, options: { confirmed: [] } })).rejects.toMatchObject({ code: "needs_confirmation" });
    const r = (await b.call("send_request", { tokenId: t.id, draft: d, options: { confirmed: ["write"] } })) as SendResult;
    expect(r.response.status).toBe(403);
    expect(r.diagnosis?.missingPermissions).toEqual(["PRODUCTS_WRITE"]);
    const recent = (await b.call("recent_requests")) as Array<{ entry: { status?: number; failure?: string } }>;
    expect(recent[0].entry.status).toBe(403);
    expect(recent[1].entry.failure).toBe("guardrail");
  });

  it("refuses a revoked token with code revoked", async () => {
    const b = backend();
    const t = await tokenNamed(b, "Analytics export");
    await expect(b.call("prepare_request", { tokenId: t.id, draft: draft({ url: "/v1/store/products" }), options: { confirmed: [] } })).rejects.toMatchObject({ code: "revoked" });
  });

  it("makes a sandbox token that fails with network until the sandbox runs, then succeeds", async () => {
    const b = backend();
    const t = (await b.call("create_sandbox_token", { provider: "pandabase", authMode: "hmac" })) as TokenView;
    expect([t.environment, t.authMode, t.tags, t.baseUrl]).toEqual(["test", "hmac", ["sandbox"], "http://127.0.0.1:8787/pandabase"]);
    expect(t.tokenId).toMatch(/^stk_/);
    await expect(b.call("send_request", { tokenId: t.id, draft: draft(), options: { confirmed: [] } })).rejects.toMatchObject({ code: "network" });
    await b.call("sandbox_start", {});
    const r = (await b.call("send_request", { tokenId: t.id, draft: draft(), options: { confirmed: [] } })) as SendResult;
    expect(r.response.status).toBe(200);
    expect(r.response.remoteAddr).toBe("127.0.0.1:8787");
  });
});

describe("preview backend: verify, snippets, cURL import", () => {
  it("finds the vault token that signs a body to a signature, and flags malformed signatures", async () => {
    const b = backend();
    const t = await tokenNamed(b, "Order webhook signer");
    const { value: secret } = (await b.call("reveal_secret", { id: t.id })) as { value: string };
    const hit = (await b.call("verify_signature", { body: BODY, signature: await documented(secret, BODY) })) as VerifyResult;
    expect(hit.matches).toEqual([{ id: t.id, name: t.name }]);
    const miss = (await b.call("verify_signature", { body: `${BODY} `, signature: await documented(secret, BODY) })) as VerifyResult;
    expect([miss.matches, miss.signatureValid]).toEqual([[], true]);
    const bad = (await b.call("verify_signature", { body: BODY, signature: (await documented(secret, BODY)).toUpperCase() })) as VerifyResult;
    expect(bad.signatureValid).toBe(false);
  });

  it("writes the secret into a snippet only when asked", async () => {
    const b = backend();
    const t = await tokenNamed(b, "Storefront sync");
    const { value: secret } = (await b.call("reveal_secret", { id: t.id })) as { value: string };
    for (const lang of ["curl", "typescript", "python"]) {
      const plain = (await b.call("snippet", { tokenId: t.id, draft: draft(), lang, inlineSecret: false })) as string;
      expect(plain, lang).not.toContain(secret);
      expect(plain, lang).toContain("PANDABASE_API_TOKEN");
      expect((await b.call("snippet", { tokenId: t.id, draft: draft(), lang, inlineSecret: true })) as string, lang).toContain(secret);
    }
  });

  it("imports a cURL command without its credential and keeps the path for a known provider host", async () => {
    const b = backend();
    const r = (await b.call("import_curl", { text: `curl -s https://api.pandabase.io/v2/core/stores/shp_x/products?page=2 -H 'Authorization: Bearer sk_live_abcdefghijklmnop1234' -d '{"a":1}'` })) as CurlImport;
    expect(r.draft).toMatchObject({ method: "POST", url: "/v2/core/stores/shp_x/products", body: '{"a":1}', query: [{ name: "page", value: "2", enabled: true }], headers: [] });
    expect(r.found).toHaveLength(1);
    expect(r.found[0]).toMatchObject({ location: "header Authorization" });
    expect(r.found[0].masked).not.toContain("abcdefghijklmnop");
    expect(r.notes.join(" ")).toContain("-s");
  });
});
