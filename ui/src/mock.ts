/**
 * Browser preview only: an in-memory stand-in for the Rust commands, so `npx vite` shows the
 * UI with sample data. `api.ts` loads it only when the Tauri bridge is absent; the real app
 * never imports it. The sample "secrets" are made up. Query parameters shape the preview:
 * `?mock=empty` (a new user), `?keychain=locked|unavailable`, `?notice=1`.
 */

import type { Backend } from "./api";
import type { Candidate } from "./bindings/Candidate";
import type { ListQuery } from "./bindings/ListQuery";
import type { NewToken } from "./bindings/NewToken";
import type { Profile } from "./bindings/Profile";
import type { Proposal } from "./bindings/Proposal";
import type { ProposalChoice } from "./bindings/ProposalChoice";
import type { Recognition } from "./bindings/Recognition";
import type { RecognitionWarning } from "./bindings/RecognitionWarning";
import type { TokenPatch } from "./bindings/TokenPatch";
import type { TokenRecord } from "./bindings/TokenRecord";
import type { TokenView } from "./bindings/TokenView";
import { requestCommands } from "./mock-requests";
import { rustRegex } from "./validation";

const files = import.meta.glob<Profile>("../../src-tauri/core/profiles/*.json", { eager: true, import: "default" });
const ORDER = ["pandabase", "pixlpay", "pacspace", "commerce", "shipped", "custom"];
// serde fills the fields the JSON files leave out; the preview does the same.
const PROFILES = Object.values(files)
  .sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id))
  .map((p) => ({ ...p, endpoints: p.endpoints.map((e) => ({ ...e, query: e.query ?? [], scopes: e.scopes ?? [] })) }));
const DAY = 86_400_000;

const fail = (code: string, message: string) => Promise.reject({ code, message });
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

function mask(value: string): string {
  const prefix = /^[A-Za-z]+_(?:(?:live|test|production|sandbox|staging|development)_)?/.exec(value)?.[0] ?? "";
  return value.length > prefix.length + 8 ? `${prefix}••••${value.slice(-4)}` : "••••";
}

function recognize(value: string, host?: string): Recognition {
  const warnings: RecognitionWarning[] = [];
  const v = value.trim();
  if (!v) return { candidates: [], warnings: [{ code: "empty", message: "Nothing to recognize yet: paste the token's value." }], masked: "" };
  if (v !== value) warnings.push({ code: "whitespace", message: "Spaces around the value will be removed; providers reject keys with copy-paste spaces." });
  if (/[\r\n]/.test(v)) warnings.push({ code: "lineBreak", message: "The value contains a line break: paste a single line." });
  if (v.length > 1280) warnings.push({ code: "tooLong", message: "Longer than 1280 characters: some keychains cannot store it." });
  const candidates: Candidate[] = [];
  for (const p of PROFILES) {
    for (const s of p.shapes) {
      const m = rustRegex(s.pattern)?.exec(v);
      if (!m) continue;
      const env = m.groups?.env;
      const hosts = Object.values(p.environments).flatMap((e) => (e?.baseUrl ? [new URL(e.baseUrl).hostname] : []));
      candidates.push({
        provider: p.id, providerName: p.name, kind: s.kind, role: s.role, authMode: p.authModes[0] ?? "bearer",
        environment: s.environment ?? (env ? (/live|production/.test(env) ? "live" : "test") : undefined),
        confidence: host && hosts.includes(host) ? 95 : 60,
        reason: `matches ${p.name}'s ${s.label || m[0].slice(0, m[0].indexOf("_") + 1)}… shape${host && hosts.includes(host) ? ` and host ${host}` : ""}`,
      });
    }
  }
  if (candidates.length === 1) candidates[0].confidence = Math.max(candidates[0].confidence, 90);
  candidates.sort((a, b) => b.confidence - a.confidence);
  const top = candidates[0];
  if (!top) warnings.push({ code: "unrecognized", message: "No provider uses this shape; pick the provider yourself (or Custom)." });
  else if (top.role === "tokenId") warnings.push({ code: "tokenIdAsSecret", message: "This is a public token ID (stk_…), not the secret. Put it in Token ID and paste the secret here." });
  else if (top.role === "storeId") warnings.push({ code: "storeId", message: "This is a store ID (shp_…), not a secret. Put it in Store ID." });
  else if (top.role === "publishable") warnings.push({ code: "publishableKey", message: "A publishable key only works on a few client-side endpoints." });
  if (host && top && top.confidence < 90) warnings.push({ code: "hostMismatch", message: `No matching provider serves ${host}; check the base URL.` });
  const publicId = /^pk_(?:live|test)_([A-Za-z0-9_-]+)\./.exec(v)?.[1];
  return { candidates, warnings, masked: mask(v), ...(publicId ? { publicId } : {}) };
}

type Row = TokenRecord;
const base = { authHeader: undefined, scopes: [], rateLimit: 60, rotationDays: 90, tags: [], notes: "", confirmForeignHost: true, confirmWrites: true } as const;
function sample(): Row[] {
  const rows: Array<Partial<Row> & Pick<Row, "name" | "provider" | "environment" | "authMode" | "masked">> = [
    { name: "Storefront sync", provider: "pandabase", environment: "live", authMode: "bearer", masked: "sk_live_••••9XkQ", storeId: "shp_acme_main", scopes: ["PRODUCTS_READ", "ORDERS_READ"], tags: ["storefront", "prod"], expires: iso(120), lastUsed: iso(-0.1), created: iso(-40), notes: "Nightly catalogue sync from the ERP." },
    { name: "Order webhook signer", provider: "pandabase", environment: "live", authMode: "hmac", kind: "hmacToken", masked: "sk_live_••••a71c", tokenId: "stk_9fQ2hd81", storeId: "shp_acme_main", scopes: ["ORDERS_READ", "WEBHOOKS_WRITE"], tags: ["worker"], created: iso(-130), lastRotated: iso(-120), lastUsed: iso(-2) },
    { name: "Checkout (staging)", provider: "pixlpay", environment: "test", authMode: "bearer", masked: "sk_test_••••3bd0", scopes: ["orders:read", "orders:write"], rateLimit: 120, tags: ["checkout", "staging"], expires: iso(5), created: iso(-25), lastUsed: iso(-1.5) },
    { name: "Analytics export", provider: "pixlpay", environment: "live", authMode: "bearer", masked: "sk_live_••••77aa", scopes: ["analytics:read"], tags: ["reports"], created: iso(-200), revokedAt: iso(-10), lastUsed: iso(-11) },
    { name: "Balance service", provider: "pacspace", environment: "live", authMode: "apiKey", authHeader: "X-Api-Key", masked: "pk_live_acct42.••••Zt0p", tags: ["billing"], created: iso(-60), lastUsed: iso(-0.02) },
    { name: "Hosting client", provider: "commerce", environment: "live", authMode: "bearer", masked: "opt_live_••••m2Qe", baseUrl: "https://my.example-host.com", scopes: ["read"], created: iso(-400), expires: iso(-3), lastUsed: iso(-30) },
    { name: "Tracking widget", provider: "shipped", environment: "live", authMode: "raw", kind: "publishableKey", masked: "pk_production_••••c9e1", baseUrl: "https://api.shipped.example", tags: ["frontend"], created: iso(-15) },
    { name: "Local echo server", provider: "custom", environment: "test", authMode: "bearer", masked: "dev_••••1234", baseUrl: "http://localhost:8787", tags: ["dev"], created: iso(-2), rotationDays: 30 },
  ];
  return rows.map((r, i) => ({ ...base, kind: "secretKey", ...r, id: `tok_${i + 1}`, created: r.created ?? iso(-1) }) as Row);
}

function view(r: Row, now = Date.now()): TokenView {
  const expires = r.expires ? Date.parse(r.expires) : Infinity;
  const status = r.revokedAt ? "revoked" : expires <= now ? "expired" : "active";
  const dueAt = Date.parse(r.lastRotated ?? r.created) + r.rotationDays * DAY;
  return {
    ...r, status, expiresSoon: status === "active" && expires - now < 14 * DAY, rotationDue: status === "active" && dueAt <= now,
    rotationDueAt: new Date(dueAt).toISOString(), providerName: PROFILES.find((p) => p.id === r.provider)?.name ?? r.provider,
  };
}

function sortValue(t: TokenView, key: string): string {
  const v = (t as unknown as Record<string, unknown>)[key];
  return typeof v === "string" ? v.toLowerCase() : "";
}

/** The mock backend the browser preview talks to. */
export function createMockBackend(params: URLSearchParams): Backend {
  let rows = params.get("mock") === "empty" ? [] : sample();
  const secrets = new Map<string, string>(rows.map((r) => [r.id, `${r.masked.replace(/••••.*/, "")}preview${r.id}`]));
  const pending = new Map<string, string>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const state = params.get("keychain") ?? "available";
  const keychain = {
    state: state === "locked" || state === "unavailable" ? state : "available",
    backend: state === "unavailable" ? "none" : "Secret Service (browser preview)",
    message: state === "locked" ? "The login keyring is locked. Unlock it and press Check again; nothing is lost."
      : state === "unavailable" ? "No Secret Service answered on D-Bus. Start gnome-keyring or KeePassXC." : "Secrets are stored in the OS keychain.",
  } as const;
  const notices = params.get("notice") ? ["The metadata file could not be read (expected value at line 1). It was moved to ~/.local/share/tokenbench/tokens.corrupt-1.json and a new inventory started."] : [];
  const needVault = () => (keychain.state === "locked" ? fail("keychain_locked", "The OS keychain is locked. Unlock it and try again; no data was changed.")
    : keychain.state === "unavailable" ? fail("keychain_unavailable", "No OS keychain is available; metadata is kept and nothing is written elsewhere.") : null);
  const find = (id: string) => rows.find((r) => r.id === id);
  const taken = (name: string, except?: string) => rows.some((r) => r.id !== except && r.name.toLowerCase() === name.trim().toLowerCase());

  function add(input: NewToken, secret: string): TokenView {
    const id = `tok_${Math.random().toString(36).slice(2, 10)}`;
    const { secret: _ignored, ...meta } = input;
    const row: Row = { ...base, ...meta, id, rateLimit: input.rateLimit ?? 60, rotationDays: input.rotationDays ?? 90, created: new Date().toISOString(), masked: mask(secret.trim()), confirmForeignHost: true, confirmWrites: true };
    rows.push(row);
    secrets.set(id, secret.trim());
    return view(row);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command reads its own argument shape
  const commands: Record<string, (a: any) => unknown> = {
    app_info: () => ({ version: "0.1.0-preview", dataDir: "~/.local/share/tokenbench", metadataFile: "~/.local/share/tokenbench/tokens.json", tokens: rows.length, providers: PROFILES.map((p) => p.id), keychain, notices }),
    keychain_status: () => keychain,
    list_profiles: () => PROFILES,
    list_tokens: ({ query }: { query: ListQuery }) => {
      const q = query.search?.toLowerCase();
      const list = rows.map((r) => view(r)).filter((t) =>
        (!q || [t.name, t.providerName, t.notes, ...t.tags].some((s) => s.toLowerCase().includes(q))) &&
        (!query.provider || t.provider === query.provider) && (!query.environment || t.environment === query.environment) &&
        (!query.tag || t.tags.includes(query.tag)) &&
        (!query.status || (query.status === "expiresSoon" ? t.expiresSoon : query.status === "rotationDue" ? t.rotationDue : t.status === query.status)));
      const key = query.sort === "provider" ? "providerName" : query.sort ?? "name";
      list.sort((a, b) => sortValue(a, key).localeCompare(sortValue(b, key)) * (query.descending ? -1 : 1));
      return list;
    },
    get_token: ({ id }) => (find(id) ? view(find(id)!) : fail("not_found", `no token with id '${id}'.`)),
    recognize: ({ value, host }) => recognize(value, host),
    create_token: ({ input }: { input: NewToken }) =>
      needVault() ?? (taken(input.name) ? fail("duplicate_name", `a token named '${input.name}' already exists. Pick another name or edit the existing one.`) : add(input, input.secret)),
    update_token: ({ id, patch }: { id: string; patch: TokenPatch }) => {
      const row = find(id);
      if (!row) return fail("not_found", `no token with id '${id}'.`);
      if (patch.name && taken(patch.name, id)) return fail("duplicate_name", `a token named '${patch.name}' already exists.`);
      const { clearExpires, ...rest } = patch;
      Object.assign(row, rest, clearExpires ? { expires: undefined } : {});
      return view(row);
    },
    replace_secret: ({ id, secret }) => needVault() ?? (find(id) ? (secrets.set(id, secret), Object.assign(find(id)!, { masked: mask(secret), lastRotated: new Date().toISOString() }), view(find(id)!)) : fail("not_found", "no such token.")),
    revoke_token: ({ id, confirm }) => {
      if (!confirm) return fail("needs_confirmation", "Revoking is permanent: confirm to go ahead.");
      const row = find(id);
      if (!row) return fail("not_found", "no such token.");
      row.revokedAt = new Date().toISOString();
      secrets.delete(id);
      return view(row);
    },
    delete_token: ({ id, confirm }) => (confirm ? ((rows = rows.filter((r) => r.id !== id)), secrets.delete(id), null) : fail("needs_confirmation", "Confirm to delete.")),
    export_inventory: ({ format }) => format === "csv"
      ? ["name,provider,environment,masked,tags", ...rows.map((r) => [r.name, r.provider, r.environment, r.masked, r.tags.join(" ")].map((c) => `"${c.replace(/"/g, '""')}"`).join(","))].join("\n")
      : JSON.stringify(rows, null, 2),
    import_inventory: ({ text }) => {
      let list: Row[];
      try { list = JSON.parse(text); } catch { return fail("invalid", "The text is neither an exported JSON nor CSV inventory (the preview reads JSON only)."); }
      const report = { added: [] as string[], skipped: [] as { name: string; reason: string }[] };
      for (const r of Array.isArray(list) ? list : []) {
        if (taken(r.name)) report.skipped.push({ name: r.name, reason: "a token with this name already exists" });
        else { rows.push({ ...base, ...r, id: `tok_${Math.random().toString(36).slice(2, 10)}` }); report.added.push(r.name); }
      }
      return report;
    },
    scan_secrets: ({ text }) => String(text).split(/\r?\n/).flatMap((line, i): Proposal[] => {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*["']?([^"'\s#]+)/.exec(line) ?? /^\s*()([A-Za-z0-9_.-]{12,})\s*$/.exec(line);
      if (!m) return [];
      const rec = recognize(m[2]);
      if (!rec.candidates.length && m[2].length < 16) return [];
      const proposalId = `p${i}_${Math.random().toString(36).slice(2, 6)}`;
      pending.set(proposalId, m[2]);
      const name = m[1] ? m[1].toLowerCase().replace(/_/g, "-") : `pasted-${i + 1}`;
      return [{ proposalId, source: `line ${i + 1}`, suggestedName: name, masked: rec.masked, recognition: rec }];
    }),
    scan_secrets_file: ({ path }) => fail("io", `could not read '${path}': the browser preview cannot open files. Paste the text instead.`),
    confirm_proposals: ({ choices }: { choices: ProposalChoice[] }) => needVault() ?? choices.reduce((report, c) => {
      if (taken(c.token.name)) report.skipped.push({ name: c.token.name, reason: "a token with this name already exists" });
      else { add(c.token, pending.get(c.proposalId) ?? ""); report.added.push(c.token.name); }
      return report;
    }, { added: [] as string[], skipped: [] as { name: string; reason: string }[] }),
    reveal_secret: ({ id }) => needVault() ?? (secrets.has(id)
      ? (setTimeout(() => listeners.forEach((l) => l("secret-hidden", { id })), 10_000), { value: secrets.get(id), hideAfterMs: 10_000 })
      : fail("secret_missing", "the keychain holds no secret for this token. Use 'Replace secret' to store it again.")),
    copy_secret: ({ id }) => needVault() ?? (secrets.has(id) ? { clearAfterMs: 30_000 } : fail("secret_missing", "the keychain holds no secret for this token.")),
    ...requestCommands({
      profiles: PROFILES,
      tokens: () => rows.map((r) => view(r)),
      secretOf: (id) => secrets.get(id),
      addToken: add,
      needVault,
      empty: params.get("mock") === "empty",
    }),
  };

  return {
    async call(command, args = {}) {
      await new Promise((r) => setTimeout(r, 40));
      const fn = commands[command];
      if (!fn) throw { code: "unknown", message: `the preview has no command '${command}'` };
      return structuredClone(await fn(args));
    },
    async on(event, handler) {
      const l = (e: string, p: unknown) => e === event && handler(p);
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
