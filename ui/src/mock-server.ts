/**
 * Browser preview only: a made-up store that answers the tester's requests the way the
 * providers' documents describe (401 for expired tokens, 403 listing missing permissions, 429
 * with Retry-After, JSON lists and created objects), with a diagnosis like the backend's. Every
 * answer carries a notice that nothing left the browser.
 */

import type { Diagnosis } from "./bindings/Diagnosis";
import type { LogRow } from "./bindings/LogRow";
import type { HttpResponse } from "./bindings/HttpResponse";
import type { Profile } from "./bindings/Profile";
import type { RequestDraft } from "./bindings/RequestDraft";
import type { SendResult } from "./bindings/SendResult";
import type { TokenView } from "./bindings/TokenView";
import type { Resolved } from "./mock-requests";

const STATUS_TEXT: Record<number, string> = { 200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests" };
const RATE_WINDOW_MS = 10_000;
const RATE_BURST = 6;
const recent = new Map<string, number[]>();

type Reply = { status: number; body: unknown; headers?: Array<[string, string]>; missing?: string[]; retryAfter?: number };

/** The catalogue endpoint whose method and path template match, if any. */
function route(profile: Profile | undefined, method: string, path: string) {
  return profile?.endpoints.find((e) => {
    if (e.method.toUpperCase() !== method.toUpperCase()) return false;
    const pattern = e.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace("{path}", ".+").replace(/\{[A-Za-z_]+\}/g, "[^/]+");
    return new RegExp(`^${pattern}/?$`).test(path);
  });
}

function items(prefix: string, count: number, make: (i: number) => Record<string, unknown>) {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}_${101 + i}`, ...make(i + 1) }));
}

/** What the made-up server says to this request. */
function serve(r: Resolved, draft: RequestDraft, history: LogRow[]): Reply {
  const t = r.token;
  const now = Date.now();
  const hits = (recent.get(t.id) ?? []).filter((at) => now - at < RATE_WINDOW_MS);
  hits.push(now);
  recent.set(t.id, hits);
  if (hits.length > RATE_BURST) {
    return { status: 429, retryAfter: 20, body: { error: "rate_limited", message: `Rate limit of ${t.rateLimit} requests per minute exceeded. Retry after 20 s and back off exponentially.` }, headers: [["retry-after", "20"]] };
  }
  if (t.status === "expired") return { status: 401, body: { error: "unauthorized", message: "Token expired." } };

  const prefix = r.sandbox ? `/${t.provider}` : "";
  const path = r.url.pathname.startsWith(prefix) ? r.url.pathname.slice(prefix.length) || "/" : r.url.pathname;
  const endpoint = route(r.profile, draft.method, path);
  if (!endpoint) return { status: 404, body: { error: "not_found", message: `No route ${draft.method} ${path}.` } };
  const missing = (endpoint.scopes ?? []).filter((s) => !t.scopes.includes(s));
  if (missing.length) {
    const label = t.provider === "pixlpay" ? "Missing scopes" : "Missing permissions";
    return { status: 403, missing, body: { error: "forbidden", message: `${label}: ${missing.join(", ")}` } };
  }
  if (t.provider === "shipped" && t.kind === "publishableKey" && path !== "/") {
    return { status: 403, body: { error: "forbidden", message: "This endpoint needs a secret (sk_) key; publishable keys only work on client-side endpoints." } };
  }
  const store = r.url.pathname.match(/stores\/([^/]+)/)?.[1] ?? "shp_sandbox";
  switch (`${t.provider}:${endpoint.id}`) {
    case "pandabase:products.list":
      return { status: 200, body: { data: { items: items(`prd_${store}`, 3, (i) => ({ name: `Sample Product ${i}`, amount: 999 + i * 1000, type: "ONE_TIME" })) } } };
    case "pandabase:products.create": {
      let input: unknown;
      try {
        input = JSON.parse(draft.body || "null");
      } catch {
        return { status: 400, body: { error: "bad_request", message: "The body is not valid JSON." } };
      }
      return { status: 201, body: { data: { id: `prd_${store}_104`, ...(input as object), createdAt: new Date().toISOString() } } };
    }
    case "pandabase:api-logs":
      return { status: 200, body: { data: { retentionDays: 30, items: history.filter((h) => h.tokenId === t.id && h.status !== undefined).slice(0, 5).map((h) => ({ method: h.method, path: h.path, status: h.status ?? 0, responseTimeMs: Math.round(h.totalMs ?? 0), ip: "127.0.0.1", timestamp: h.at })) } } };
    case "pandabase:roll-secret":
      return { status: 200, body: { data: { tokenId: t.tokenId ?? "stk_…", rolledAt: new Date().toISOString(), note: "Browser preview: the vault keeps its secret." } } };
    case "pacspace:balance.derive":
      return { status: 200, body: { customerId: decodeURIComponent(path.split("/").pop() ?? ""), balance: 1250, currency: "USD", derivedAt: new Date().toISOString() } };
    case "commerce:me":
      return { status: 200, body: { data: { id: "cl_1042", name: "Ada Example", email: "ada@example.com" } } };
    default:
      if (endpoint.id.endsWith(".list")) {
        const kind = endpoint.id.split(".")[0];
        const data = items(kind.slice(0, 3), 3, (i) => ({ name: `Sample ${kind.replace(/s$/, "")} ${i}`, status: "active" }));
        return { status: 200, body: t.provider === "commerce" ? { data, meta: { page: Number(r.url.searchParams.get("page") ?? 1), per_page: Number(r.url.searchParams.get("per_page") ?? 25), total: 3 } } : { data } };
      }
      return { status: 200, body: { data: { id: path.split("/").pop(), path } } };
  }
}

function diagnose(status: number, reply: Reply, t: TokenView, profile: Profile | undefined): Diagnosis | undefined {
  const said = profile?.errors[String(status)];
  if (status === 401) {
    return {
      title: "401 Unauthorized: the token was not accepted",
      explanation: said ?? "The server did not accept the credentials.",
      causes: [t.status === "expired" ? `'${t.name}' expired ${t.expires?.slice(0, 10) ?? ""}: replace its secret or pick another token.` : "The secret was rotated or revoked on the provider's side.", "The secret has stray spaces or is cut short (copy-paste).", t.authMode === "hmac" ? "The body sent is not the body that was signed." : "The auth header is in the wrong form for this provider."],
      missingPermissions: [],
    };
  }
  if (status === 403) {
    const missing = reply.missing ?? [];
    return {
      title: missing.length ? `403 Forbidden: '${t.name}' lacks ${missing.length === 1 ? "a permission" : `${missing.length} permissions`}` : "403 Forbidden",
      explanation: said ?? "The token is valid but may not do this.",
      causes: missing.length
        ? [`Add ${missing.join(", ")} to the token in the provider's dashboard (scopes cannot be added from here), then update its scopes in Tokenbench.`, "Or use a token that already has them."]
        : ["The resource belongs to another store or account.", "The key type cannot call this endpoint."],
      missingPermissions: missing,
    };
  }
  if (status === 429) {
    return { title: "429 Too Many Requests: rate limited", explanation: said ?? "Too many requests.", causes: [`'${t.name}' allows ${t.rateLimit} requests per minute.`, "Wait for Retry-After, then retry with exponential backoff."], missingPermissions: [], retryAfterSecs: reply.retryAfter };
  }
  if (status === 404) return { title: "404 Not Found", explanation: "No route matches this method and path.", causes: ["Check the path against the provider's reference (or pick an endpoint from the catalogue).", "Check the method."], missingPermissions: [] };
  return undefined;
}

/** The full `send_request` answer for a resolved request. */
/** `history` is the token's logged requests, newest first (Pandabase's api-logs shows them). */
export function answer(r: Resolved, draft: RequestDraft, history: LogRow[]): SendResult {
  const reply = serve(r, draft, history);
  const text = JSON.stringify(reply.body);
  const total = r.sandbox ? 3 + Math.random() * 9 : 120 + Math.random() * 140;
  const response: HttpResponse = {
    status: reply.status,
    statusText: STATUS_TEXT[reply.status] ?? "",
    headers: [["content-type", "application/json"], ["content-length", String(text.length)], ["x-request-id", `req_${Math.random().toString(36).slice(2, 12)}`], ["x-ratelimit-limit", String(r.token.rateLimit)], ...(reply.headers ?? [])],
    bodyText: text,
    bodyJsonPretty: JSON.stringify(reply.body, null, 2),
    isBinary: false,
    size: new TextEncoder().encode(text).length,
    timing: { totalMs: total, ...(r.sandbox ? {} : { connectMs: total * 0.35 }), firstByteMs: total * 0.9 },
    remoteAddr: r.sandbox ? `127.0.0.1:${r.url.port || 80}` : "203.0.113.10:443",
    truncated: false,
    notices: ["Browser preview: this answer is made up and nothing left the browser."],
  };
  const diagnosis = reply.status >= 400 ? diagnose(reply.status, reply, r.token, r.profile) : undefined;
  return { request: r.prepared, response, ...(diagnosis ? { diagnosis } : {}) };
}
