/**
 * Browser preview only: `snippet` and `import_curl` answered in memory. Snippets read the
 * secret from the environment variable the provider's own examples use (HMAC snippets derive
 * the key and sign the body in the snippet); the secret is written inline only when asked.
 * The cURL import is a small shell-words reader that keeps credentials out of the draft.
 */

import type { CurlImport } from "./bindings/CurlImport";
import type { FormRow } from "./bindings/FormRow";
import type { FoundCredential } from "./bindings/FoundCredential";
import type { Profile } from "./bindings/Profile";
import type { SnippetLang } from "./bindings/SnippetLang";
import type { Resolved } from "./mock-requests";

const ENV_VAR: Record<string, string> = { pandabase: "PANDABASE_API_TOKEN", pixlpay: "PIXLPAY_API_TOKEN", pacspace: "PACSPACE_API_KEY", commerce: "COMMERCE_API_TOKEN", shipped: "SHIPPED_API_KEY" };

const sh = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const js = (s: string) => JSON.stringify(s);

/** The code for a resolved request in `lang`; `inline` writes the secret itself. */
export function writeSnippet(r: Resolved, lang: SnippetLang, inline: boolean): string {
  const t = r.token;
  const hmac = t.authMode === "hmac";
  const envVar = hmac ? "PANDABASE_TOKEN_SECRET" : (ENV_VAR[t.provider] ?? "API_TOKEN");
  const { method, url, body } = r.prepared;
  // Headers other than auth (the snippet computes those itself).
  const auth = new Set(["authorization", "x-signature", (t.authHeader || r.profile?.authHeader || "x-api-key").toLowerCase()]);
  const plain = r.prepared.headers.filter((h) => !auth.has(h.name.toLowerCase()));
  const authHeader = t.authMode === "apiKey" ? t.authHeader || r.profile?.authHeader || "X-Api-Key" : t.authMode === "custom" ? t.authHeader || "Authorization" : "Authorization";
  const prefix = t.authMode === "bearer" ? "Bearer " : t.authMode === "custom" ? (t.authPrefix ?? "") : "";
  const secret = r.secret;
  const header = `${t.name} (${r.profile?.name ?? t.provider}, ${t.environment})`;
  const warning = inline ? "WARNING: this snippet contains the secret. Do not commit, paste or share it." : `Set ${envVar} first (Tokenbench: Copy the secret).`;

  if (lang === "curl") {
    const lines = [`# ${header}`, `# ${warning}`];
    if (!inline) lines.push(`#   export ${envVar}='…'`);
    const secretRef = inline ? secret : `$${envVar}`;
    const args: string[] = [];
    if (hmac) {
      lines.push(`SIGNING_KEY=$(printf '%s' "${secretRef}" | openssl dgst -sha256 | awk '{print $2}')`, `BODY=${sh(body)}`, `SIGNATURE=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SIGNING_KEY" | awk '{print $2}')`);
      args.push(`-H ${sh(`Authorization: Bearer ${t.tokenId ?? ""}`)}`, `-H "X-Signature: $SIGNATURE"`);
    } else if (t.authMode !== "none") {
      args.push(inline ? `-H ${sh(`${authHeader}: ${prefix}${secret}`)}` : `-H "${authHeader}: ${prefix}$${envVar}"`);
    }
    for (const h of plain) args.push(`-H ${sh(`${h.name}: ${h.value}`)}`);
    if (body) args.push(hmac ? `--data-raw "$BODY"` : `--data-raw ${sh(body)}`);
    lines.push([`curl -X ${method} ${sh(url)}`, ...args].join(" \\\n  "));
    return lines.join("\n");
  }

  if (lang === "typescript") {
    const lines = [`// ${header}`, `// ${warning}`];
    if (hmac) lines.push(`import crypto from "node:crypto";`, "");
    lines.push(`const secret = ${inline ? js(secret) : `process.env.${envVar}!`};`);
    const headers: string[] = [];
    if (hmac) {
      lines.push(`const body = ${js(body)};`, `const signingKey = crypto.createHash("sha256").update(secret).digest("hex");`, `const signature = crypto.createHmac("sha256", signingKey).update(body).digest("hex");`);
      headers.push(`Authorization: ${js(`Bearer ${t.tokenId ?? ""}`)}`, `"X-Signature": signature`);
    } else {
      if (body) lines.push(`const body = ${js(body)};`);
      if (t.authMode !== "none") headers.push(`${js(authHeader)}: ${prefix ? `${js(prefix)} + secret` : "secret"}`);
    }
    for (const h of plain) headers.push(`${js(h.name)}: ${js(h.value)}`);
    lines.push("", `const res = await fetch(${js(url)}, {`, `  method: ${js(method)},`, `  headers: {\n    ${headers.join(",\n    ")},\n  },`);
    if (body) lines.push("  body,");
    lines.push("});", "console.log(res.status, await res.text());");
    return lines.join("\n");
  }

  const lines = [`# ${header}`, `# ${warning}`, "import os", "import requests"];
  if (hmac) lines.splice(2, 0, "import hashlib", "import hmac");
  lines.push("", `secret = ${inline ? js(secret) : `os.environ[${js(envVar)}]`}`);
  const headers: string[] = [];
  if (hmac) {
    lines.push(`body = ${js(body)}`, "signing_key = hashlib.sha256(secret.encode()).hexdigest()", "signature = hmac.new(signing_key.encode(), body.encode(), hashlib.sha256).hexdigest()");
    headers.push(`"Authorization": ${js(`Bearer ${t.tokenId ?? ""}`)}`, `"X-Signature": signature`);
  } else {
    if (body) lines.push(`body = ${js(body)}`);
    if (t.authMode !== "none") headers.push(`${js(authHeader)}: ${prefix ? `${js(prefix)} + secret` : "secret"}`);
  }
  for (const h of plain) headers.push(`${js(h.name)}: ${js(h.value)}`);
  lines.push("", `res = requests.request(`, `    ${js(method)},`, `    ${js(url)},`, `    headers={\n        ${headers.join(",\n        ")},\n    },`);
  if (body) lines.push("    data=body.encode(),");
  lines.push(")", "print(res.status_code, res.text)");
  return lines.join("\n");
}

/** Splits a shell command line into words (quotes, backslashes, line continuations). */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  const src = text.replace(/\\\r?\n/g, " ");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && i + 1 < src.length && '"\\$`'.includes(src[i + 1])) word += src[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= "";
    } else if (c === "\\" && i + 1 < src.length) {
      word = (word ?? "") + src[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? "") + c;
    }
  }
  if (quote) throw { code: "invalid", message: `The command has an unclosed ${quote} quote.` };
  if (word !== null) words.push(word);
  return words;
}

function maskValue(value: string): string {
  const v = value.trim();
  if (/^\$\{?[A-Za-z_]/.test(v)) return v;
  const prefix = /^(?:[A-Za-z]+ )?[A-Za-z]+_(?:(?:live|test|production|sandbox)_)?/.exec(v)?.[0] ?? (/^[A-Za-z]+ /.exec(v)?.[0] ?? "");
  return v.length > prefix.length + 8 ? `${prefix}••••${v.slice(-4)}` : `${prefix}••••`;
}

const SECRET_HEADERS = ["authorization", "x-api-key", "x-signature", "cookie", "proxy-authorization"];
const SECRET_QUERY = ["api_key", "apikey", "token", "access_token", "key", "secret"];
const QUIET = new Set(["-s", "-S", "-v", "-i", "-L", "-k", "--silent", "--show-error", "--verbose", "--include", "--location", "--insecure", "--compressed", "-sS", "-sL", "-fsSL"]);

/** A draft from a pasted cURL command, its credentials set aside and masked. */
export function importCurl(text: string, profiles: Profile[]): CurlImport {
  const words = shellWords(text.trim().replace(/^\$\s+/, ""));
  if (words[0] !== "curl") throw { code: "invalid", message: "Paste a command that starts with curl." };
  let method = "";
  let url = "";
  let body = "";
  const headers: FormRow[] = [];
  const credentials: FoundCredential[] = [];
  const notes: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const next = () => words[++i] ?? "";
    if (w === "-X" || w === "--request") method = next().toUpperCase();
    else if (w === "-H" || w === "--header") {
      const raw = next();
      const at = raw.indexOf(":");
      const name = raw.slice(0, at).trim();
      const value = raw.slice(at + 1).trim();
      if (SECRET_HEADERS.includes(name.toLowerCase())) {
        const stk = /^Bearer (stk_[A-Za-z0-9_]+)$/.exec(value)?.[1];
        const hmac = stk !== undefined || name.toLowerCase() === "x-signature";
        credentials.push({ location: `header ${name}`, masked: stk ?? maskValue(value), ...(hmac ? { suggestedMode: "hmac" as const } : {}), ...(stk ? { tokenId: stk } : {}) });
      } else if (at > 0) headers.push({ name, value, enabled: true });
    } else if (["-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"].includes(w)) {
      body = body ? `${body}&${next()}` : next();
      if (w === "--json") headers.push({ name: "Content-Type", value: "application/json", enabled: true });
    } else if (w === "-u" || w === "--user") {
      credentials.push({ location: "-u", masked: maskValue(next()) });
    } else if (w === "-b" || w === "--cookie") {
      credentials.push({ location: "cookie", masked: maskValue(next()) });
    } else if (w === "--url") url = next();
    else if (QUIET.has(w)) notes.push(`Ignored ${w}: it changes curl's output, not the request.`);
    else if (w.startsWith("-")) notes.push(`Ignored ${w}: the tester does not use it.`);
    else if (!url) url = w;
  }
  if (!url) throw { code: "invalid", message: "The command has no URL." };
  let parsed: URL;
  try {
    parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    throw { code: "invalid", message: `'${url}' is not a URL.` };
  }
  const query: FormRow[] = [];
  for (const [name, value] of parsed.searchParams) {
    if (SECRET_QUERY.includes(name.toLowerCase())) credentials.push({ location: `query ${name}`, masked: maskValue(value) });
    else query.push({ name, value, enabled: true });
  }
  const owner = profiles.find((p) => Object.values(p.environments).some((e) => e?.baseUrl && new URL(e.baseUrl).origin === parsed.origin));
  const path = decodeURI(parsed.pathname);
  if (owner) notes.push(`${parsed.host} is ${owner.name}'s API: the path is kept, so the token's base URL applies.`);
  if (!method) method = body ? "POST" : "GET";
  return { draft: { method, url: owner ? path : `${parsed.origin}${path}`, headers, query, body, vars: {} }, found: credentials, notes };
}
