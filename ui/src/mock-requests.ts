/**
 * Browser preview only: the request tester's commands answered in memory, so `npx vite` can
 * show the whole flow. `prepare_request` resolves drafts and signs HMAC bodies for real (Web
 * Crypto, the documented `HMAC-SHA256(hex(SHA-256(secret)), body)`); `send_request` answers
 * from a made-up store (see `mock-server.ts`) and never touches the network. The real app never
 * loads this file.
 */

import type { Confirmation } from "./bindings/Confirmation";
import type { LogRow } from "./bindings/LogRow";
import type { NewToken } from "./bindings/NewToken";
import type { Prepared } from "./bindings/Prepared";
import type { Profile } from "./bindings/Profile";
import type { RequestDraft } from "./bindings/RequestDraft";
import type { SavedRequest } from "./bindings/SavedRequest";
import type { SendOptions } from "./bindings/SendOptions";
import type { ShownHeader } from "./bindings/ShownHeader";
import type { TokenView } from "./bindings/TokenView";
import { createMockLog } from "./mock-log";
import { answer } from "./mock-server";
import { importCurl, writeSnippet } from "./mock-snippets";
import { isWrite, tokenVar } from "./request-draft";

/** What the request commands need from the rest of the mock. */
export type MockContext = {
  profiles: Profile[];
  tokens(): TokenView[];
  secretOf(id: string): string | undefined;
  addToken(input: NewToken, secret: string): TokenView;
  needVault(): Promise<never> | null;
  empty: boolean;
};

/** A resolved request: what `prepare_request` shows plus what sending needs. */
export type Resolved = { prepared: Prepared; token: TokenView; profile?: Profile; url: URL; secret: string; sandbox: boolean };

const fail = (code: string, message: string) => Promise.reject({ code, message });
const enc = new TextEncoder();
const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

function subtle(): SubtleCrypto {
  if (!globalThis.crypto?.subtle) throw { code: "unknown", message: "The browser preview needs Web Crypto: open it on http://localhost." };
  return globalThis.crypto.subtle;
}
/** Lowercase hex SHA-256 of the UTF-8 text. */
export const sha256Hex = async (text: string) => hex(await subtle().digest("SHA-256", enc.encode(text)));
/** Lowercase hex HMAC-SHA256 keyed with the UTF-8 bytes of `key`. */
export async function hmacHex(key: string, message: string): Promise<string> {
  const k = await subtle().importKey("raw", enc.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await subtle().sign("HMAC", k, enc.encode(message)));
}
/** Pandabase's documented signature: the key is the hex string of SHA-256(secret). */
export const pandabaseSignature = async (secret: string, body: string) => hmacHex(await sha256Hex(secret), body);

const SANDBOX_PORT = 8787;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function profileHosts(profile: Profile | undefined): string[] {
  return Object.values(profile?.environments ?? {}).flatMap((e) => (e?.baseUrl ? [new URL(e.baseUrl).host] : []));
}

/** The log row of a request (without its outcome); the query's credential-named values removed. */
function logged(r: Resolved, draft: RequestDraft): Omit<LogRow, "id"> {
  const query = [...r.url.searchParams].map(([n, v]) => `${encodeURIComponent(n)}=${/key|token|secret|signature|password|^auth/i.test(n) ? "•••" : encodeURIComponent(v)}`).join("&");
  const relative = draft.url.trim().startsWith("/");
  const template = relative ? draft.url.split("?")[0] : new URL(draft.url.replace(/[{}]/g, "")).pathname;
  return {
    at: new Date().toISOString(), tokenId: r.token.id, tokenName: r.token.name, provider: r.token.provider, environment: r.token.environment,
    method: draft.method.toUpperCase(), scheme: r.url.protocol.replace(":", ""), host: r.url.host, pathTemplate: template, relative,
    path: r.url.pathname, query, requestBytes: new TextEncoder().encode(draft.body).length, ...(draft.endpointId ? { endpointId: draft.endpointId } : {}),
  };
}

/** The request commands of the browser preview. */
export function requestCommands(ctx: MockContext): Record<string, (a: any) => unknown> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let sandbox = { running: false } as { running: boolean; port?: number; baseUrl?: string };
  const log = createMockLog(ctx.tokens, ctx.empty);
  let saved: SavedRequest[] = ctx.empty ? [] : [{ id: "saved_1", name: "Acme products (first page)", tokenId: "tok_1", draft: { method: "GET", url: "/v2/core/stores/{storeId}/products", headers: [], query: [], body: "", endpointId: "products.list", vars: {} } }];
  let sandboxCount = 0;

  const token = (id: string) => ctx.tokens().find((t) => t.id === id);
  const profileOf = (t: TokenView) => ctx.profiles.find((p) => p.id === t.provider);

  async function resolve(tokenId: string, draft: RequestDraft, options: SendOptions): Promise<Resolved> {
    const t = token(tokenId);
    if (!t) throw { code: "not_found", message: `no token with id '${tokenId}'. Pick one from the list.` };
    if (t.status === "revoked") throw { code: "revoked", message: `'${t.name}' is revoked: its secret was deleted from the keychain. Pick another token.` };
    const blocked = ctx.needVault();
    if (blocked) await blocked;
    const secret = ctx.secretOf(t.id);
    if (!secret) throw { code: "secret_missing", message: `the keychain holds no secret for '${t.name}'. Use 'Replace secret' in the inventory to store it again.` };
    const profile = profileOf(t);

    let path = draft.url.trim();
    for (const [, name] of path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
      const value = draft.vars[name]?.trim() || tokenVar(t, name);
      if (!value) throw { code: "invalid", message: `{${name}} has no value: fill it in above the query table.` };
      path = path.replace(`{${name}}`, name === "path" ? encodeURI(value.replace(/^\/+/, "")) : encodeURIComponent(value));
    }
    let base = "";
    if (!/^https?:\/\//i.test(path)) {
      base = options.baseUrl || t.baseUrl || profile?.environments[t.environment]?.baseUrl || "";
      if (!base) {
        const note = profile?.environments[t.environment]?.note;
        throw { code: "invalid", message: `'${t.name}' has no base URL${note ? ` (${note})` : ""}. Set one in the token's details, or type a full URL.` };
      }
      if (!path.startsWith("/")) path = `/${path}`;
    }
    let url: URL;
    try {
      url = new URL(base.replace(/\/+$/, "") + path);
    } catch {
      throw { code: "invalid", message: "The URL is not valid: start with / for a path or https:// for a full URL." };
    }
    const loopback = LOOPBACK.has(url.hostname);
    if (profile?.requiresHttps && url.protocol === "http:" && !loopback) {
      throw { code: "invalid", message: `${profile.name} only accepts HTTPS: use https:// (only the local sandbox may use http://).` };
    }
    for (const q of draft.query) if (q.enabled && q.name.trim()) url.searchParams.append(q.name.trim(), q.value);

    const body = draft.body;
    const headers: ShownHeader[] = [];
    let hmac: Prepared["hmac"];
    switch (t.authMode) {
      case "bearer":
        headers.push({ name: "Authorization", value: `Bearer ${t.masked}` });
        break;
      case "hmac": {
        if (!t.tokenId) throw { code: "invalid", message: `'${t.name}' signs with HMAC but has no token ID (stk_…): add it in the token's details.` };
        const key = await sha256Hex(secret);
        const signature = await hmacHex(key, body);
        headers.push({ name: "Authorization", value: `Bearer ${t.tokenId}` }, { name: "X-Signature", value: signature });
        hmac = { signingKeyMasked: `${key.slice(0, 4)}••••••••${key.slice(-4)}`, signedText: body, signedBytes: enc.encode(body).length, signedSha256: await sha256Hex(body), signature };
        break;
      }
      case "apiKey":
        headers.push({ name: t.authHeader || profile?.authHeader || "X-Api-Key", value: t.masked });
        break;
      case "raw":
        headers.push({ name: "Authorization", value: t.masked });
        break;
      case "custom":
        headers.push({ name: t.authHeader || "Authorization", value: `${t.authPrefix ?? ""}${t.masked}` });
        break;
      case "none":
        break;
    }
    for (const h of draft.headers) {
      if (!h.enabled || !h.name.trim()) continue;
      if (headers.some((a) => a.name.toLowerCase() === h.name.trim().toLowerCase())) {
        throw { code: "invalid", message: `Remove the ${h.name.trim()} header row: the token's own auth header is added for you.` };
      }
      headers.push({ name: h.name.trim(), value: h.value });
    }
    if (body && !headers.some((h) => h.name.toLowerCase() === "content-type")) headers.push({ name: "Content-Type", value: "application/json" });

    const confirmations: Confirmation[] = [];
    const known = [...profileHosts(profile), ...(t.baseUrl ? [new URL(t.baseUrl).host] : [])];
    if (t.environment === "live" && t.confirmForeignHost && !loopback && known.length && !known.includes(url.host)) {
      confirmations.push({ kind: "foreignHost", message: `${url.host} is not a ${profile?.name ?? t.provider} host: '${t.name}' would send its live credentials there.` });
    }
    if (t.environment === "live" && t.confirmWrites && isWrite(draft.method)) {
      confirmations.push({ kind: "write", message: `'${t.name}' is a live token: ${draft.method} ${url.pathname} can change real data on ${url.host}.` });
    }
    const prepared: Prepared = { method: draft.method, url: url.toString(), headers, body, confirmations, ...(hmac ? { hmac } : {}) };
    return { prepared, token: t, profile, url, secret, sandbox: loopback };
  }

  return {
    prepare_request: async ({ tokenId, draft, options }) => (await resolve(tokenId, draft, options)).prepared,
    send_request: async ({ tokenId, draft, options }) => {
      const r = await resolve(tokenId, draft, options);
      const missing = r.prepared.confirmations.filter((c) => !options.confirmed.includes(c.kind));
      if (missing.length) {
        log.record({ ...logged(r, draft), failure: "guardrail" });
        return fail("needs_confirmation", missing.map((c) => c.message).join(" "));
      }
      await new Promise((done) => setTimeout(done, 120 + Math.random() * 160));
      if (r.sandbox && !sandbox.running && r.url.port === String(SANDBOX_PORT)) {
        log.record({ ...logged(r, draft), failure: "connect", totalMs: 1 });
        return fail("network", "Nothing answered on 127.0.0.1:8787 (connection refused): start the sandbox, or check the token's base URL.");
      }
      const result = answer(r, draft, log.rows().filter((x) => x.tokenId === tokenId));
      const res = result.response;
      log.record({ ...logged(r, draft), status: res.status, totalMs: res.timing.totalMs, responseBytes: res.size, remoteIp: res.remoteAddr?.replace(/:\d+$/, "") });
      return result;
    },
    snippet: async ({ tokenId, draft, lang, inlineSecret }) => {
      const r = await resolve(tokenId, draft, { confirmed: [] });
      return writeSnippet(r, lang, inlineSecret);
    },
    import_curl: ({ text }) => importCurl(text, ctx.profiles),
    verify_signature: async ({ body, signature }: { body: string; signature: string }) => {
      const sig = signature.trim();
      const signatureValid = /^[0-9a-f]{64}$/.test(sig);
      const hmacTokens = ctx.tokens().filter((t) => t.authMode === "hmac" && ctx.secretOf(t.id));
      const matches: Array<{ id: string; name: string }> = [];
      if (signatureValid) {
        for (const t of hmacTokens) if ((await pandabaseSignature(ctx.secretOf(t.id)!, body)) === sig) matches.push({ id: t.id, name: t.name });
      }
      return { matches, checked: hmacTokens.length, signatureValid };
    },
    sandbox_status: () => sandbox,
    sandbox_start: ({ port }) => (sandbox = { running: true, port: port ?? SANDBOX_PORT, baseUrl: `http://127.0.0.1:${port ?? SANDBOX_PORT}` }),
    sandbox_stop: () => (sandbox = { running: false }),
    create_sandbox_token: ({ provider, authMode, scopes, name }) => {
      const profile = ctx.profiles.find((p) => p.id === provider);
      if (!profile || provider === "custom") return fail("invalid", `the sandbox does not serve '${provider}'; it serves pandabase, pixlpay, pacspace, commerce and shipped.`);
      const mode = authMode ?? profile.authModes[0] ?? "bearer";
      const rand = (n: number) => Array.from({ length: n }, () => "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[Math.floor(Math.random() * 56)]).join("");
      const secret = { pacspace: `pk_test_${rand(16)}.${rand(32)}`, commerce: `opt_test_${rand(48)}`, shipped: `sk_test_${rand(64)}` }[provider as string] ?? `sk_test_${rand(40)}`;
      sandboxCount += 1;
      const base = sandbox.baseUrl ?? `http://127.0.0.1:${SANDBOX_PORT}`;
      return ctx.needVault() ?? ctx.addToken({
        name: name || `Sandbox ${profile.name}${mode === "hmac" ? " HMAC" : ""} ${sandboxCount}`,
        provider, environment: "test", kind: mode === "hmac" ? "hmacToken" : "secretKey", authMode: mode,
        tokenId: mode === "hmac" ? `stk_${rand(24)}` : undefined, storeId: provider === "pandabase" ? "shp_sandbox" : undefined,
        baseUrl: `${base}/${provider}`, scopes: scopes ?? [...profile.scopes], tags: ["sandbox"],
        notes: "Made by Tokenbench for its local sandbox; the secret only works there.", secret,
      }, secret);
    },
    ...log.commands,
    saved_requests: () => saved,
    save_request: ({ name, tokenId, draft }) => {
      if (!String(name).trim()) return fail("invalid", "Give the request a name.");
      const existing = saved.find((s) => s.name.toLowerCase() === String(name).trim().toLowerCase());
      const entry: SavedRequest = { id: existing?.id ?? `saved_${Date.now()}`, name: String(name).trim(), draft, ...(tokenId ? { tokenId } : {}) };
      saved = existing ? saved.map((s) => (s.id === existing.id ? entry : s)) : [...saved, entry];
      return entry;
    },
    delete_saved_request: ({ id }) => ((saved = saved.filter((s) => s.id !== id)), null),
  };
}
