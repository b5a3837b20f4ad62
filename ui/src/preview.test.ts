import { describe, expect, it, vi } from "vitest";

// A plain browser: no Tauri bridge. api.ts must fall back to the sample backend, and the
// real IPC must never be touched.
const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
(globalThis as Record<string, unknown>).window = { location: { search: "?keychain=locked" } };

const api = await import("./api");

describe("browser preview", () => {
  it("is detected when the Tauri bridge is absent", () => {
    expect(api.insideTauri()).toBe(false);
    expect(api.isPreview()).toBe(true);
  });

  it("answers from the sample backend and never calls Tauri's invoke", async () => {
    const tokens = await api.listTokens({ sort: "name" });
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.map((t) => t.name)).toEqual([...tokens.map((t) => t.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(invoke).not.toHaveBeenCalled();
  });

  it("honours ?keychain=locked so the locked state can be previewed, with the contract's error code", async () => {
    expect((await api.keychainStatus()).state).toBe("locked");
    const [first] = await api.listTokens({});
    await expect(api.revealSecret(first.id)).rejects.toMatchObject({ code: "keychain_locked" });
  });

  it("serves the bundled provider profiles", async () => {
    const ids = (await api.listProfiles()).map((p) => p.id);
    expect(ids).toEqual(["pandabase", "pixlpay", "pacspace", "commerce", "shipped", "custom"]);
  });
});
