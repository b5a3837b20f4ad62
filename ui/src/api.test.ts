import { beforeEach, describe, expect, it, vi } from "vitest";
import type { NewToken } from "./bindings/NewToken";
import type { RequestDraft } from "./bindings/RequestDraft";

const DRAFT: RequestDraft = { method: "GET", url: "/v1/store/products", headers: [], query: [], body: "", vars: {} };

const invoke = vi.fn();
const listen = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({ listen: (...args: unknown[]) => listen(...args) }));
// Pretend to be inside Tauri so api.ts uses invoke, never the browser-preview mock.
(globalThis as Record<string, unknown>).window = { __TAURI_INTERNALS__: {} };

const api = await import("./api");
const { ApiError, toApiError } = api;

describe("toApiError", () => {
  it("keeps the contract's {code, message} as they are", () => {
    const e = toApiError({ code: "duplicate_name", message: "a token named 'x' already exists." });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.message]).toEqual(["duplicate_name", "a token named 'x' already exists."]);
  });

  it("maps a code the UI does not know to 'unknown' but keeps the backend's message", () => {
    const e = toApiError({ code: "brand_new", message: "something new" });
    expect([e.code, e.message]).toEqual(["unknown", "something new"]);
  });

  it("parses a JSON-encoded payload (how some IPC layers deliver it)", () => {
    const e = toApiError(JSON.stringify({ code: "keychain_locked", message: "unlock it" }));
    expect([e.code, e.message]).toEqual(["keychain_locked", "unlock it"]);
  });

  it("keeps a bare string error (Tauri's own 'command not found') readable", () => {
    const e = toApiError("command list_tokens not found");
    expect([e.code, e.message]).toEqual(["unknown", "command list_tokens not found"]);
  });

  it("uses an Error's message and never shows 'undefined' or '[object Object]'", () => {
    expect(toApiError(new Error("boom")).message).toBe("boom");
    for (const raw of [undefined, null, 42, {}, { code: 5 }]) {
      const e = toApiError(raw);
      expect(e.code).toBe("unknown");
      expect(e.message).not.toMatch(/undefined|\[object Object\]/);
      expect(e.message.length).toBeGreaterThan(10);
    }
  });

  it("gives a message even when the backend sent a code without one", () => {
    expect(toApiError({ code: "io" }).message).toContain("io");
  });

  it("groups the keychain failures so views can point at the keychain, not the data", () => {
    expect(new ApiError("keychain_locked", "").isKeychain).toBe(true);
    expect(new ApiError("keychain_unavailable", "").isKeychain).toBe(true);
    expect(new ApiError("not_found", "").isKeychain).toBe(false);
  });
});

describe("command wrappers follow api-contract.md", () => {
  beforeEach(() => invoke.mockReset().mockResolvedValue("ok"));

  const cases: Array<[string, () => Promise<unknown>, string, Record<string, unknown> | undefined]> = [
    ["app_info", () => api.appInfo(), "app_info", undefined],
    ["keychain_status", () => api.keychainStatus(), "keychain_status", undefined],
    ["list_profiles", () => api.listProfiles(), "list_profiles", undefined],
    ["list_tokens", () => api.listTokens({ tag: "ci" }), "list_tokens", { query: { tag: "ci" } }],
    ["get_token", () => api.getToken("t1"), "get_token", { id: "t1" }],
    ["recognize", () => api.recognize("sk_live_x"), "recognize", { value: "sk_live_x" }],
    ["recognize+host", () => api.recognize("sk_live_x", "api.pixlpay.net"), "recognize", { value: "sk_live_x", host: "api.pixlpay.net" }],
    ["update_token", () => api.updateToken("t1", { notes: "n" }), "update_token", { id: "t1", patch: { notes: "n" } }],
    ["replace_secret", () => api.replaceSecret("t1", "s"), "replace_secret", { id: "t1", secret: "s" }],
    ["revoke_token", () => api.revokeToken("t1", true), "revoke_token", { id: "t1", confirm: true }],
    ["delete_token", () => api.deleteToken("t1", true), "delete_token", { id: "t1", confirm: true }],
    ["export_inventory", () => api.exportInventory("csv"), "export_inventory", { format: "csv" }],
    ["import_text", () => api.importText("A=b"), "import_text", { text: "A=b" }],
    ["mark_startup", () => api.markStartup("inventory-interactive 3"), "mark_startup", { what: "inventory-interactive 3" }],
    ["import_file", () => api.importFile("/x/.env"), "import_file", { path: "/x/.env" }],
    ["confirm_proposals", () => api.confirmProposals([]), "confirm_proposals", { choices: [] }],
    ["reveal_secret", () => api.revealSecret("t1"), "reveal_secret", { id: "t1" }],
    ["copy_secret", () => api.copySecret("t1"), "copy_secret", { id: "t1" }],
    ["prepare_request", () => api.prepareRequest("t1", DRAFT, { confirmed: [] }), "prepare_request", { tokenId: "t1", draft: DRAFT, options: { confirmed: [] } }],
    ["send_request", () => api.sendRequest("t1", DRAFT, { confirmed: ["write"] }), "send_request", { tokenId: "t1", draft: DRAFT, options: { confirmed: ["write"] } }],
    ["verify_signature", () => api.verifySignature("{}", "ab"), "verify_signature", { body: "{}", signature: "ab" }],
    ["snippet", () => api.snippet("t1", DRAFT, "python", false), "snippet", { tokenId: "t1", draft: DRAFT, lang: "python", inlineSecret: false }],
    ["import_curl", () => api.importCurl("curl x"), "import_curl", { text: "curl x" }],
    ["sandbox_status", () => api.sandboxStatus(), "sandbox_status", undefined],
    ["sandbox_start", () => api.sandboxStart(), "sandbox_start", {}],
    ["sandbox_start+port", () => api.sandboxStart(9000), "sandbox_start", { port: 9000 }],
    ["sandbox_stop", () => api.sandboxStop(), "sandbox_stop", undefined],
    ["create_sandbox_token", () => api.createSandboxToken({ provider: "pandabase", authMode: "hmac" }), "create_sandbox_token", { provider: "pandabase", authMode: "hmac" }],
    ["recent_requests", () => api.recentRequests(), "recent_requests", undefined],
    ["saved_requests", () => api.savedRequests(), "saved_requests", undefined],
    ["save_request", () => api.saveRequest("n", DRAFT, "t1"), "save_request", { name: "n", tokenId: "t1", draft: DRAFT }],
    ["save_request without token", () => api.saveRequest("n", DRAFT), "save_request", { name: "n", draft: DRAFT }],
    ["delete_saved_request", () => api.deleteSavedRequest("s1"), "delete_saved_request", { id: "s1" }],
  ];

  it.each(cases)("%s sends the contract's command name and camelCase arguments", async (_, run, command, args) => {
    await expect(run()).resolves.toBe("ok");
    expect(invoke).toHaveBeenCalledWith(command, args);
  });

  it("create_token wraps the new token as `input`", async () => {
    const input: NewToken = { name: "n", provider: "pixlpay", environment: "test", kind: "secretKey", authMode: "bearer", scopes: [], tags: [], notes: "", secret: "s" };
    await api.createToken(input);
    expect(invoke).toHaveBeenCalledWith("create_token", { input });
  });

  it("turns a rejected command into an ApiError the views can switch on", async () => {
    invoke.mockRejectedValueOnce({ code: "needs_confirmation", message: "confirm first" });
    const err = await api.revokeToken("t1", false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as InstanceType<typeof ApiError>).code).toBe("needs_confirmation");
  });
});

describe("secret-hidden events", () => {
  it("passes the token id of each event and ignores malformed payloads", async () => {
    let deliver: (e: { payload: unknown }) => void = () => undefined;
    listen.mockImplementation(async (_name: string, handler: typeof deliver) => {
      deliver = handler;
      return () => undefined;
    });
    const seen: string[] = [];
    await api.onSecretHidden((id) => seen.push(id));
    expect(listen).toHaveBeenCalledWith("secret-hidden", expect.any(Function));
    deliver({ payload: { id: "t1" } });
    deliver({ payload: null });
    deliver({ payload: { id: 7 } });
    expect(seen).toEqual(["t1"]);
  });
});
