/**
 * The tester's left column, top: the token picker (vault tokens grouped by provider; revoked
 * ones listed but disabled), a summary of the chosen token (provider, environment, masked
 * value, auth mode, ids, scopes), and the endpoint catalogue of its provider profile, each
 * endpoint flagged when the token lacks a scope it needs.
 */

import type { Endpoint } from "../bindings/Endpoint";
import type { Profile } from "../bindings/Profile";
import type { TokenView } from "../bindings/TokenView";
import { h, replaceChildren } from "../dom";
import { AUTH_MODE_LABEL, ENVIRONMENT_LABEL, STATUS_LABEL } from "../format";
import { icon } from "../icons";
import { environmentBadge } from "./badges";

/** The mounted picker and catalogue. */
export type TokenPicker = {
  picker: HTMLElement;
  catalogue: HTMLElement;
  /** Redraws for this token list and selection. */
  render(tokens: TokenView[], selected: TokenView | undefined, profile: Profile | undefined): void;
  /** Marks the catalogue entry the editor started from. */
  markEndpoint(id: string | undefined): void;
};

/** Scopes `endpoint` needs that `token` does not have (none when the provider has no scopes). */
export function lackingScopes(endpoint: Endpoint, token: TokenView | undefined): string[] {
  if (!token) return [];
  return (endpoint.scopes ?? []).filter((s) => !token.scopes.includes(s));
}

function optionLabel(t: TokenView): string {
  const state = t.status === "active" ? "" : ` — ${STATUS_LABEL[t.status].toLowerCase()}`;
  return `${t.name} · ${ENVIRONMENT_LABEL[t.environment]}${state}`;
}

/** Builds the picker; `onToken` gets the chosen id, `onEndpoint` the clicked endpoint. */
export function tokenPicker(onToken: (id: string) => void, onEndpoint: (e: Endpoint) => void): TokenPicker {
  const select = h("select", { "data-testid": "tester-token", "aria-label": "Token to send with", class: "token-select" });
  select.addEventListener("change", () => onToken(select.value));
  const summary = h("div", { class: "token-summary", "data-testid": "tester-token-summary" });
  const picker = h("section", { class: "side-card", "aria-label": "Token" }, h("h2", { class: "side-title" }, "Token"), select, summary);
  const list = h("ul", { class: "endpoints", "data-testid": "tester-endpoints" });
  const catalogueTitle = h("h2", { class: "side-title" }, "Endpoints");
  const catalogue = h("section", { class: "side-card", "aria-label": "Endpoint catalogue" }, catalogueTitle, list);
  let active: string | undefined;

  function renderSummary(t: TokenView | undefined): void {
    if (!t) return replaceChildren(summary, h("p", { class: "muted small" }, "No token chosen."));
    const warn =
      t.status === "expired"
        ? "Expired: the provider will answer 401. Useful to see what that looks like."
        : t.status === "revoked"
          ? "Revoked: its secret is gone, so it cannot send."
          : undefined;
    replaceChildren(
      summary,
      h("div", { class: "badges" }, h("span", { class: "provider" }, t.providerName), environmentBadge(t), h("span", { class: "badge auth-badge", "data-testid": "tester-auth-mode" }, AUTH_MODE_LABEL[t.authMode]), t.tags.includes("sandbox") ? h("span", { class: "badge sandbox-badge" }, "sandbox") : null),
      h("code", { class: "masked summary-masked", "data-testid": "tester-token-masked" }, t.masked),
      t.tokenId ? h("div", { class: "summary-line" }, h("span", { class: "muted" }, "Token ID "), h("code", null, t.tokenId)) : null,
      t.storeId ? h("div", { class: "summary-line" }, h("span", { class: "muted" }, "Store "), h("code", null, t.storeId)) : null,
      t.baseUrl ? h("div", { class: "summary-line", title: t.baseUrl }, h("span", { class: "muted" }, "Base "), h("code", null, t.baseUrl)) : null,
      t.scopes.length ? h("div", { class: "chip-list summary-scopes" }, t.scopes.slice(0, 6).map((s) => h("span", { class: "tag mono" }, s)), t.scopes.length > 6 ? h("span", { class: "muted small", title: t.scopes.join(", ") }, `+${t.scopes.length - 6}`) : null) : null,
      warn ? h("p", { class: `summary-warn${t.status === "revoked" ? " bad" : ""}` }, icon("alert"), warn) : null,
    );
  }

  function renderCatalogue(t: TokenView | undefined, profile: Profile | undefined): void {
    catalogueTitle.textContent = profile ? `${profile.name} endpoints` : "Endpoints";
    if (!profile || profile.endpoints.length === 0) {
      return replaceChildren(list, h("li", { class: "muted small endpoints-empty" }, profile ? `${profile.name} has no catalogue: type the path or a full URL above.` : "Pick a token to see its provider's endpoints."));
    }
    replaceChildren(
      list,
      profile.endpoints.map((e) => {
        const lacking = lackingScopes(e, t);
        return h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: `endpoint${e.id === active ? " active" : ""}`,
              "data-testid": "tester-endpoint",
              "data-endpoint-id": e.id,
              "aria-current": e.id === active ? "true" : undefined,
              title: `${e.method} ${e.path}${e.scopes?.length ? `\nNeeds ${e.scopes.join(", ")}` : ""}`,
              onclick: () => onEndpoint(e),
            },
            h("span", { class: `method-pill m-${e.method.toLowerCase()}` }, e.method),
            h("span", { class: "endpoint-text" }, h("span", { class: "endpoint-name" }, e.name), h("code", { class: "endpoint-path" }, e.path), lacking.length ? h("span", { class: "endpoint-lacks", "data-testid": "endpoint-lacks" }, icon("alert"), `token lacks ${lacking.join(", ")}`) : null),
          ),
        );
      }),
    );
  }

  return {
    picker,
    catalogue,
    render(tokens, selected, profile) {
      const groups = new Map<string, TokenView[]>();
      for (const t of tokens) groups.set(t.providerName, [...(groups.get(t.providerName) ?? []), t]);
      replaceChildren(
        select,
        selected ? null : h("option", { value: "", selected: true, disabled: true }, "Choose a token…"),
        [...groups].map(([provider, list]) =>
          h("optgroup", { label: provider }, list.map((t) => h("option", { value: t.id, disabled: t.status === "revoked", selected: t.id === selected?.id }, optionLabel(t)))),
        ),
      );
      select.value = selected?.id ?? "";
      renderSummary(selected);
      renderCatalogue(selected, profile);
    },
    markEndpoint(id) {
      active = id;
      for (const b of list.querySelectorAll<HTMLElement>("[data-endpoint-id]")) {
        const on = b.dataset.endpointId === id;
        b.classList.toggle("active", on);
        if (on) b.setAttribute("aria-current", "true");
        else b.removeAttribute("aria-current");
      }
    },
  };
}
