/**
 * The request editor's model and how it maps to the contract's `RequestDraft`: `{variables}`
 * in the URL, which of them the token fills itself (`storeId`, `tokenId`), what an endpoint of
 * the catalogue puts in the form, and which methods carry a body. Pure, so the tests pin what
 * is sent.
 */

import type { Endpoint } from "./bindings/Endpoint";
import type { FormRow } from "./bindings/FormRow";
import type { RequestDraft } from "./bindings/RequestDraft";
import type { TokenView } from "./bindings/TokenView";

/** Methods the method select offers. */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** Methods sent without a body: in HMAC mode they sign the empty string. */
const BODYLESS = new Set(["GET", "HEAD", "DELETE", "OPTIONS"]);

/** Everything the editor holds, as typed. `vars` may hold values for variables no longer in the URL. */
export type EditorState = {
  method: string;
  url: string;
  query: FormRow[];
  headers: FormRow[];
  body: string;
  vars: Record<string, string>;
  endpointId?: string;
};

/** True when `method` carries a body (POST, PUT, PATCH and unknown methods). */
export function sendsBody(method: string): boolean {
  return !BODYLESS.has(method.trim().toUpperCase());
}

/** True for methods that change data (what a live token asks about before sending). */
export function isWrite(method: string): boolean {
  return ["POST", "PUT", "PATCH", "DELETE"].includes(method.trim().toUpperCase());
}

const VARIABLE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The `{variables}` of a URL template, each once, in the order they appear. */
export function templateVars(url: string): string[] {
  return [...new Set([...url.matchAll(VARIABLE)].map((m) => m[1]))];
}

/** A piece of a URL template: plain text, or a `{variable}` (with its name). */
export type UrlPart = { text: string; variable?: string };

/** Splits a template into text and `{variable}` pieces, for highlighting; joining the texts gives `url` back. */
export function splitTemplate(url: string): UrlPart[] {
  const parts: UrlPart[] = [];
  let last = 0;
  for (const m of url.matchAll(VARIABLE)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: url.slice(last, at) });
    parts.push({ text: m[0], variable: m[1] });
    last = at + m[0].length;
  }
  if (last < url.length) parts.push({ text: url.slice(last) });
  return parts;
}

/** The value the token itself gives `{name}` (its `storeId` or `tokenId`), if any. */
export function tokenVar(token: Pick<TokenView, "storeId" | "tokenId"> | undefined, name: string): string | undefined {
  if (!token) return undefined;
  if (name === "storeId") return token.storeId || undefined;
  if (name === "tokenId") return token.tokenId || undefined;
  return undefined;
}

/** Variables in the URL that neither the editor nor the token fills: the request cannot be built yet. */
export function missingVars(state: Pick<EditorState, "url" | "vars">, token: Pick<TokenView, "storeId" | "tokenId"> | undefined): string[] {
  return templateVars(state.url).filter((name) => !state.vars[name]?.trim() && !tokenVar(token, name));
}

/** An empty GET with no rows. */
export function blankEditor(): EditorState {
  return { method: "GET", url: "", query: [], headers: [], body: "", vars: {} };
}

/** A blank, enabled row (what "Add" appends). */
export function blankRow(): FormRow {
  return { name: "", value: "", enabled: true };
}

/**
 * What clicking a catalogue endpoint puts in the editor: its method and path template, a
 * query row per documented parameter (filled with its example), and its example body as
 * indented JSON. Variables start empty, so the token's own `storeId`/`tokenId` apply.
 */
export function editorFromEndpoint(endpoint: Endpoint): EditorState {
  return {
    method: endpoint.method.toUpperCase(),
    url: endpoint.path,
    query: (endpoint.query ?? []).map((p) => ({ name: p.name, value: p.example, enabled: true })),
    headers: [],
    body: endpoint.body === undefined || endpoint.body === null ? "" : JSON.stringify(endpoint.body, null, 2),
    vars: {},
    endpointId: endpoint.id,
  };
}

const isBlank = (row: FormRow) => row.name.trim() === "" && row.value.trim() === "";

/**
 * The draft the backend is given. Rows left completely blank are dropped (disabled rows are
 * kept: the backend skips them but saved requests remember them); only non-empty values of
 * variables still in the URL travel, so the token fills the rest; a body-less method sends
 * the empty body (the text stays in the editor for when the method changes back).
 */
export function toDraft(state: EditorState): RequestDraft {
  const url = state.url.trim();
  const vars: Record<string, string> = {};
  for (const name of templateVars(url)) {
    const value = state.vars[name]?.trim();
    if (value) vars[name] = value;
  }
  const draft: RequestDraft = {
    method: state.method.trim().toUpperCase() || "GET",
    url,
    headers: state.headers.filter((r) => !isBlank(r)).map((r) => ({ ...r })),
    query: state.query.filter((r) => !isBlank(r)).map((r) => ({ ...r })),
    body: sendsBody(state.method) ? state.body : "",
    vars,
  };
  if (state.endpointId) draft.endpointId = state.endpointId;
  return draft;
}

/** The editor for a draft from history, a saved request or an imported cURL command. */
export function fromDraft(draft: RequestDraft): EditorState {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft.vars ?? {})) {
    if (typeof value === "string") vars[name] = value;
  }
  const state: EditorState = {
    method: (draft.method || "GET").toUpperCase(),
    url: draft.url ?? "",
    query: (draft.query ?? []).map((r) => ({ ...r })),
    headers: (draft.headers ?? []).map((r) => ({ ...r })),
    body: draft.body ?? "",
    vars,
  };
  if (draft.endpointId) state.endpointId = draft.endpointId;
  return state;
}

/** The path (and query) of a draft URL or final URL, for short lists: origins are left out. */
export function displayPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(url.trim());
  const rest = m ? m[1] : url.trim();
  return rest || "/";
}

/** Labels for the two values a token fills itself. */
export const TOKEN_VAR_LABEL: Record<string, string> = { storeId: "the token's store ID", tokenId: "the token's ID" };
