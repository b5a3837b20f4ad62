/**
 * The UI's only door to the backend. Every Tauri command in api-contract.md has one typed
 * wrapper here, and every rejection becomes an `ApiError {code, message}` so views switch on
 * `code` and show `message`. No other module calls `invoke` or `listen`.
 *
 * Outside Tauri (a plain browser running `npx vite`), the calls go to the in-memory sample
 * backend in `mock.ts`, loaded on demand; inside Tauri that module is never imported.
 */

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";

import type { AppInfo } from "./bindings/AppInfo";
import type { AuthMode } from "./bindings/AuthMode";
import type { Copied } from "./bindings/Copied";
import type { CurlImport } from "./bindings/CurlImport";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ImportReport } from "./bindings/ImportReport";
import type { KeychainStatus } from "./bindings/KeychainStatus";
import type { ListQuery } from "./bindings/ListQuery";
import type { LogCursor } from "./bindings/LogCursor";
import type { LogFilter } from "./bindings/LogFilter";
import type { LogPage } from "./bindings/LogPage";
import type { NewToken } from "./bindings/NewToken";
import type { Prepared } from "./bindings/Prepared";
import type { Profile } from "./bindings/Profile";
import type { ProviderLogs } from "./bindings/ProviderLogs";
import type { ProposalChoice } from "./bindings/ProposalChoice";
import type { RecentRequest } from "./bindings/RecentRequest";
import type { Recognition } from "./bindings/Recognition";
import type { RequestDraft } from "./bindings/RequestDraft";
import type { Revealed } from "./bindings/Revealed";
import type { SandboxStatus } from "./bindings/SandboxStatus";
import type { SavedRequest } from "./bindings/SavedRequest";
import type { SendOptions } from "./bindings/SendOptions";
import type { SendResult } from "./bindings/SendResult";
import type { Settings } from "./bindings/Settings";
import type { SnippetLang } from "./bindings/SnippetLang";
import type { TokenPatch } from "./bindings/TokenPatch";
import type { TokenView } from "./bindings/TokenView";
import type { UsageFigures } from "./bindings/UsageFigures";
import type { UsageQuery } from "./bindings/UsageQuery";
import type { VerifyResult } from "./bindings/VerifyResult";
import type { ErrorCode as BackendErrorCode } from "./bindings/ErrorCode";
import { ERROR_CODES } from "./bindings/errorCodes";

/** One of the backend's codes (generated from Rust's `ErrorCode`), or `unknown` when the IPC layer sent something else. */
export type ErrorCode = BackendErrorCode | "unknown";
export { ERROR_CODES };

/** Every failed call rejects with this: `code` to switch on, `message` to show. */
export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "ApiError";
    this.code = code;
  }

  /** True when the failure is the keychain's (locked, missing, refused), not the data's. */
  get isKeychain(): boolean {
    return this.code === "keychain_locked" || this.code === "keychain_unavailable" || this.code === "keychain_error";
  }
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Normalizes whatever a rejected call produced: the contract's `{code, message}` object, a
 * JSON string of it, a bare string (Tauri's own IPC errors), an `Error`, or anything else.
 * Never throws; unknown shapes become code `unknown` with a readable message.
 */
export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  if (typeof raw === "string") {
    const text = raw.trim();
    if (text.startsWith("{")) {
      try {
        return toApiError(JSON.parse(text));
      } catch {
        // not JSON after all: fall through to the plain-text case
      }
    }
    return new ApiError("unknown", text || "The app did not say what went wrong.");
  }
  if (raw && typeof raw === "object") {
    const obj = raw as { code?: unknown; message?: unknown };
    const message = typeof obj.message === "string" && obj.message.trim() ? obj.message : undefined;
    if (typeof obj.code === "string") {
      const code = isErrorCode(obj.code) ? obj.code : "unknown";
      return new ApiError(code, message ?? `The app failed (${obj.code}).`);
    }
    if (message) return new ApiError("unknown", message);
  }
  return new ApiError("unknown", "The app failed without saying why. Try again; if it keeps failing, restart Tokenbench.");
}

/** How calls reach a backend: Tauri's IPC or the browser preview's mock. */
export type Backend = {
  call(command: string, args?: Record<string, unknown>): Promise<unknown>;
  on(event: string, handler: (payload: unknown) => void): Promise<() => void>;
};

/** True inside the Tauri webview (its IPC bridge is injected before any script runs). */
export function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

const tauriBackend: Backend = {
  call: (command, args) => invoke(command, args),
  on: (event, handler) => listen(event, (e) => handler(e.payload)),
};

let backend: Promise<Backend> | undefined;

function currentBackend(): Promise<Backend> {
  backend ??= insideTauri()
    ? Promise.resolve(tauriBackend)
    : import("./mock").then((m) => m.createMockBackend(new URLSearchParams(window.location.search)));
  return backend;
}

/** True when the UI runs on sample data in a plain browser (never inside Tauri). */
export function isPreview(): boolean {
  return !insideTauri();
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  const b = await currentBackend();
  try {
    return (await b.call(command, args)) as T;
  } catch (err) {
    throw toApiError(err);
  }
}

/** Version, data paths, keychain state and startup notices (e.g. corrupt metadata moved aside). */
export const appInfo = () => call<AppInfo>("app_info");
/** Probes the keychain again. */
export const keychainStatus = () => call<KeychainStatus>("keychain_status");
/** Every provider profile, bundled and user-defined. */
export const listProfiles = () => call<Profile[]>("list_profiles");
/** Tokens matching the query, filtered and sorted by the backend. */
export const listTokens = (query: ListQuery) => call<TokenView[]>("list_tokens", { query });
/** One token; `not_found` if it is gone. */
export const getToken = (id: string) => call<TokenView>("get_token", { id });
/** What a typed or pasted value looks like (providers, environment, warnings, mask). */
export const recognize = (value: string, host?: string) =>
  call<Recognition>("recognize", host ? { value, host } : { value });
/** Stores the secret in the keychain and the record in the inventory. */
export const createToken = (input: NewToken) => call<TokenView>("create_token", { input });
/** Changes metadata only. */
export const updateToken = (id: string, patch: TokenPatch) => call<TokenView>("update_token", { id, patch });
/** Overwrites the keychain entry with a new value. */
export const replaceSecret = (id: string, secret: string) => call<TokenView>("replace_secret", { id, secret });
/** Marks revoked and deletes the keychain entry; without `confirm` rejects `needs_confirmation`. */
export const revokeToken = (id: string, confirm: boolean) => call<TokenView>("revoke_token", { id, confirm });
/** Deletes record and keychain entry. */
export const deleteToken = (id: string, confirm: boolean) => call<null>("delete_token", { id, confirm });
/** A start-up milestone for the benchmark; the backend records it only when asked to (a no-op otherwise). */
export const markStartup = (what: string) => call<null>("mark_startup", { what });
/** The inventory as JSON or CSV text; never contains secrets. */
export const exportInventory = (format: "json" | "csv") => call<string>("export_inventory", { format });
/**
 * Imports pasted text: an inventory export (JSON/CSV, recognized by its marker) is added at once;
 * anything else (.env content, a config, a message) is scanned into proposals, whose values the
 * backend keeps.
 */
export const importText = (text: string) => call<ImportOutcome>("import_text", { text });
/** Same as `importText`, reading a file the backend opens. */
export const importFile = (path: string) => call<ImportOutcome>("import_file", { path });
/** Stores the chosen proposals. */
export const confirmProposals = (choices: ProposalChoice[]) => call<ImportReport>("confirm_proposals", { choices });
/** The secret for `hideAfterMs`; the backend then emits `secret-hidden`. */
export const revealSecret = (id: string) => call<Revealed>("reveal_secret", { id });
/** Puts the secret on the clipboard; the backend clears it after `clearAfterMs`. */
export const copySecret = (id: string) => call<Copied>("copy_secret", { id });

// ---- Request tester (api-contract.md, issue 3) ----

/** The exact request `send` would make (final URL, headers with auth masked, HMAC details, questions); no network. */
export const prepareRequest = (tokenId: string, draft: RequestDraft, options: SendOptions) =>
  call<Prepared>("prepare_request", { tokenId, draft, options });
/** Sends; rejects `needs_confirmation` unless every confirmation `prepareRequest` listed is in `options.confirmed`. */
export const sendRequest = (tokenId: string, draft: RequestDraft, options: SendOptions) =>
  call<SendResult>("send_request", { tokenId, draft, options });
/** Which vault HMAC tokens sign `body` to `signature`. */
export const verifySignature = (body: string, signature: string) => call<VerifyResult>("verify_signature", { body, signature });
/** Code for the draft; `inlineSecret` only after the user chose it with a warning. */
export const snippet = (tokenId: string, draft: RequestDraft, lang: SnippetLang, inlineSecret: boolean) =>
  call<string>("snippet", { tokenId, draft, lang, inlineSecret });
/** Parses a pasted cURL command into a draft; credentials are left out and reported masked. */
export const importCurl = (text: string) => call<CurlImport>("import_curl", { text });
/** Whether the local sandbox runs, and where. */
export const sandboxStatus = () => call<SandboxStatus>("sandbox_status");
/** Starts the local sandbox (on `port`, or the backend's default). */
export const sandboxStart = (port?: number) => call<SandboxStatus>("sandbox_start", port === undefined ? {} : { port });
/** Stops the local sandbox. */
export const sandboxStop = () => call<SandboxStatus>("sandbox_stop");
/** A test token of `provider`'s shape stored in the keychain, pointing at the sandbox. */
export const createSandboxToken = (input: { provider: string; authMode?: AuthMode; scopes?: string[]; name?: string }) =>
  call<TokenView>("create_sandbox_token", input);
/** The last requests sent, newest first (at most 50), from the request log, each with the draft that repeats it. */
export const recentRequests = () => call<RecentRequest[]>("recent_requests");
/** The requests the user saved by name. */
export const savedRequests = () => call<SavedRequest[]>("saved_requests");
/** Saves a draft under `name` (with the token it was made for, if any). */
export const saveRequest = (name: string, draft: RequestDraft, tokenId?: string) =>
  call<SavedRequest>("save_request", tokenId ? { name, tokenId, draft } : { name, draft });
/** Deletes a saved request. */
export const deleteSavedRequest = (id: string) => call<null>("delete_saved_request", { id });

// ---- Request log and usage ----

/** The Usage page's figures for one token or all, over a range (from the log's hourly rollups). */
export const usageFigures = (query: UsageQuery) => call<UsageFigures>("usage_figures", { query });
/** One page (100 rows) of the request log, newest first; pass the previous page's `next` for the one after. */
export const logPage = (filter: LogFilter, cursor?: LogCursor) => call<LogPage>("log_page", cursor ? { filter, cursor } : { filter });
/** Every row matching `filter` as CSV or JSON text (no headers, bodies or secrets: the log has none). */
export const exportLogs = (filter: LogFilter, format: ExportFormat) => call<string>("export_logs", { filter, format });
/** The provider's own request logs for this token's account (Pandabase's api-logs), fetched with the token. */
export const providerLogs = (tokenId: string) => call<ProviderLogs>("provider_logs", { tokenId });
/** The user's settings. */
export const getSettings = () => call<Settings>("get_settings");
/** Saves settings; a shorter log retention purges old rows at once. */
export const saveSettings = (settings: Settings) => call<Settings>("save_settings", { settings });

/**
 * Calls `handler` with the token id each time the backend says a revealed secret must go.
 * Resolves to a function that stops listening.
 */
export async function onSecretHidden(handler: (id: string) => void): Promise<() => void> {
  const b = await currentBackend();
  return b.on("secret-hidden", (payload) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id === "string") handler(id);
  });
}
