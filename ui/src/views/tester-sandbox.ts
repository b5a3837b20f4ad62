/**
 * The sandbox card: start or stop the loopback fake of the five providers, and create a
 * sandbox token (random secret of the provider's shape, stored in the keychain, base URL set to
 * the sandbox) so a new user can try every feature offline, with nothing real at stake.
 */

import * as api from "../api";
import type { AuthMode } from "../bindings/AuthMode";
import type { Profile } from "../bindings/Profile";
import type { SandboxStatus } from "../bindings/SandboxStatus";
import type { TokenView } from "../bindings/TokenView";
import { h, replaceChildren } from "../dom";
import { icon } from "../icons";
import { toast, toastError } from "../toast";

/** Providers the sandbox serves (the profile ids it mounts). */
export const SANDBOX_PROVIDERS = ["pandabase", "pixlpay", "pacspace", "commerce", "shipped"];

/** The provider's scopes without the write ones, for a token that will meet a 403. */
export function readOnlyScopes(profile: Profile): string[] {
  return profile.scopes.filter((s) => !/(?:^|[_:])write$/i.test(s));
}

const MODE_LABEL: Record<AuthMode, string> = { bearer: "Bearer", hmac: "HMAC", apiKey: "API key", raw: "Raw key", custom: "Custom", none: "None" };

/** The mounted card. */
export type SandboxCard = { el: HTMLElement; load(): Promise<void> };

/** Builds the card; `created` gets each new sandbox token. */
export function sandboxCard(profiles: () => Profile[], created: (token: TokenView) => void): SandboxCard {
  let status: SandboxStatus = { running: false };
  let busy = false;
  const NOTE = "A local fake of Pandabase, Pixlpay, PacSpace, Commerce and Shipped on 127.0.0.1. Sandbox tokens only work there: nothing real is touched.";
  const line = h("div", { class: "sandbox-status", "data-testid": "sandbox-status", "aria-live": "polite", title: NOTE });
  const toggle = h("button", { type: "button", class: "button small" });
  const provider = h("select", { "data-testid": "sandbox-provider", "aria-label": "Sandbox provider" });
  const mode = h("select", { "data-testid": "sandbox-auth-mode", "aria-label": "Auth mode" });
  const readOnly = h("input", { type: "checkbox", "data-testid": "sandbox-readonly" });
  const readOnlyRow = h("label", { class: "check small", title: "The token gets every read scope but no write scope, so a write shows the 403 diagnosis" }, readOnly, h("span", null, "Leave out write scopes (see a 403)"));
  const create = h("button", { type: "button", class: "button primary small", "data-testid": "sandbox-create-token" }, icon("plus"), "Create sandbox token");
  const el = h(
    "section",
    { class: "side-card sandbox", "aria-label": "Sandbox", "data-testid": "sandbox-card" },
    h("div", { class: "side-title-row" }, h("h2", { class: "side-title" }, "Sandbox"), toggle),
    line,
    h("p", { class: "side-note" }, NOTE),
    h("div", { class: "sandbox-create" }, h("div", { class: "sandbox-selects" }, provider, mode), readOnlyRow, create),
  );

  const profileOf = () => profiles().find((p) => p.id === provider.value);

  function fillSelects(): void {
    const list = profiles().filter((p) => SANDBOX_PROVIDERS.includes(p.id));
    const keep = provider.value || "pandabase";
    replaceChildren(provider, list.map((p) => h("option", { value: p.id, selected: p.id === keep }, p.name)));
    fillModes();
  }

  function fillModes(): void {
    const p = profileOf();
    const modes: AuthMode[] = p?.authModes.length ? p.authModes : ["bearer"];
    replaceChildren(mode, modes.map((m) => h("option", { value: m }, MODE_LABEL[m])));
    mode.hidden = modes.length < 2;
    const canNarrow = p ? readOnlyScopes(p).length > 0 && readOnlyScopes(p).length < p.scopes.length : false;
    readOnlyRow.hidden = !canNarrow;
    if (!canNarrow) readOnly.checked = false;
  }

  function render(): void {
    el.classList.toggle("running", status.running);
    replaceChildren(
      line,
      h("span", { class: "status-dot", "aria-hidden": "true" }),
      status.running ? h("span", null, "Running on ", h("code", null, (status.baseUrl ?? "").replace(/^https?:\/\//, ""))) : h("span", null, "Stopped"),
    );
    toggle.dataset.testid = status.running ? "sandbox-stop" : "sandbox-start";
    replaceChildren(toggle, status.running ? "Stop" : "Start");
    toggle.disabled = busy;
    create.disabled = busy;
  }

  async function run<T>(work: () => Promise<T>, failure: string): Promise<T | undefined> {
    busy = true;
    render();
    try {
      return await work();
    } catch (err) {
      toastError(failure, err);
      return undefined;
    } finally {
      busy = false;
      render();
    }
  }

  toggle.addEventListener("click", () =>
    void run(async () => {
      status = status.running ? await api.sandboxStop() : await api.sandboxStart();
    }, status.running ? "Could not stop the sandbox" : "Could not start the sandbox"),
  );
  provider.addEventListener("change", fillModes);
  create.addEventListener("click", () =>
    void run(async () => {
      const p = profileOf();
      if (!p) return;
      if (!status.running) {
        status = await api.sandboxStart();
        toast(`Sandbox started on ${(status.baseUrl ?? "").replace(/^https?:\/\//, "")}`, "info");
      }
      const token = await api.createSandboxToken({
        provider: p.id,
        ...(mode.hidden ? {} : { authMode: mode.value as AuthMode }),
        ...(readOnly.checked ? { scopes: readOnlyScopes(p) } : {}),
      });
      toast(`Created '${token.name}'`, "success", "Its secret is in the keychain; it only works against the sandbox.");
      created(token);
    }, "Could not create a sandbox token"),
  );

  fillSelects();
  render();
  return {
    el,
    async load() {
      fillSelects();
      try {
        status = await api.sandboxStatus();
      } catch {
        status = { running: false };
      }
      render();
    },
  };
}
