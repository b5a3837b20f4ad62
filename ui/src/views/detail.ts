/**
 * The token detail panel: every field of the record, the masked value with Reveal (shown for
 * the backend's 10 s, with a visible countdown) and Copy, and the lifecycle actions. A
 * revealed value exists only in this panel's one text node and its `RevealSession`.
 */

import * as api from "../api";
import type { TokenView } from "../bindings/TokenView";
import { type Child, h, replaceChildren } from "../dom";
import { absoluteTime, AUTH_MODE_LABEL, KIND_LABEL, plural, relativeTime, sameSecretText } from "../format";
import { icon } from "../icons";
import { RevealSession } from "../reveal";
import { go } from "../router";
import { profileById } from "../state";
import { toast, toastError } from "../toast";
import { environmentBadge, flags, statusBadge } from "./badges";
import { testWith } from "./tester";

/** What the panel's buttons ask the inventory to do. */
export type DetailActions = {
  close(): void;
  edit(token: TokenView): void;
  replace(token: TokenView): void;
  revoke(token: TokenView): void;
  remove(token: TokenView): void;
};

let active: RevealSession | undefined;

/** The backend's `secret-hidden` event: drop the shown value if it is this token's. */
export function handleSecretHidden(id: string): void {
  active?.onHiddenEvent(id);
}

/** Hides any revealed value now (the panel closes or shows another token). */
export function hideRevealed(): void {
  active?.hide();
  active = undefined;
}

function row(label: string, value: Child, title?: string): HTMLElement[] {
  return [h("dt", null, label), h("dd", title ? { title } : null, value ?? "—")];
}

function when(iso: string | undefined, now: Date, empty = "—"): Child {
  if (!iso) return empty;
  return h("span", null, absoluteTime(iso), h("span", { class: "muted" }, ` · ${relativeTime(iso, now)}`));
}

/** Builds the panel for `token`. */
export function detailPanel(token: TokenView, actions: DetailActions, now = new Date()): HTMLElement {
  hideRevealed();
  const profile = profileById(token.provider);
  const revoked = token.status === "revoked";
  const titleId = `detail-title-${token.id}`;

  const value = h("code", { class: "secret-value", "data-testid": "detail-masked" }, token.masked);
  const countdown = h("div", { class: "countdown", hidden: true, "data-testid": "reveal-countdown", "aria-live": "polite" });
  const revealBtn = h("button", { type: "button", class: "button", "data-testid": "reveal", disabled: revoked }, icon("eye"), "Reveal");
  const copyBtn = h("button", { type: "button", class: "button", "data-testid": "copy", disabled: revoked }, icon("copy"), "Copy");

  const showMasked = () => {
    value.textContent = token.masked;
    value.classList.remove("revealed");
    countdown.hidden = true;
    replaceChildren(countdown);
    replaceChildren(revealBtn, icon("eye"), "Reveal");
    revealBtn.dataset.state = "hidden";
  };

  revealBtn.addEventListener("click", async () => {
    if (active?.tokenId === token.id && active.value !== undefined) return hideRevealed();
    revealBtn.disabled = true;
    try {
      const revealed = await api.revealSecret(token.id);
      if (!value.isConnected) return; // the panel went away while the keychain answered
      hideRevealed();
      const fill = h("span");
      fill.style.animationDuration = `${revealed.hideAfterMs}ms`;
      const bar = h("span", { class: "countdown-bar", "aria-hidden": "true" }, fill);
      const label = h("span", { "data-testid": "reveal-seconds" });
      replaceChildren(countdown, icon("eyeOff"), label, bar);
      countdown.hidden = false;
      active = new RevealSession(token.id, revealed.value, revealed.hideAfterMs, {
        tick: (s) => (label.textContent = `Hides in ${s} s`),
        hidden: showMasked,
      });
      value.textContent = revealed.value;
      value.classList.add("revealed");
      replaceChildren(revealBtn, icon("eyeOff"), "Hide");
      revealBtn.dataset.state = "shown";
    } catch (err) {
      toastError("Could not reveal the secret", err);
    } finally {
      revealBtn.disabled = revoked;
    }
  });

  copyBtn.addEventListener("click", async () => {
    copyBtn.disabled = true;
    try {
      const copied = await api.copySecret(token.id);
      toast(`Copied — clipboard clears in ${Math.round(copied.clearAfterMs / 1000)} s`);
    } catch (err) {
      toastError("Could not copy the secret", err);
    } finally {
      copyBtn.disabled = revoked;
    }
  });

  const envSpec = profile?.environments[token.environment];
  const scopes = token.scopes.length ? h("div", { class: "chip-list" }, token.scopes.map((s) => h("span", { class: "tag mono" }, s))) : "None recorded";
  const tags = token.tags.length ? h("div", { class: "chip-list" }, token.tags.map((t) => h("span", { class: "tag" }, t))) : "—";

  return h(
    "aside",
    { class: "detail", "aria-labelledby": titleId, "data-testid": "token-detail", "data-id": token.id },
    h(
      "header",
      { class: "detail-header" },
      h(
        "div",
        { class: "detail-title" },
        h("h2", { id: titleId }, token.name),
        h("div", { class: "badges" }, h("span", { class: "provider" }, token.providerName), environmentBadge(token), statusBadge(token), flags(token)),
      ),
      revoked
        ? null
        : h(
            "button",
            { type: "button", class: "button small", "data-testid": "open-tester", title: "Send a request with this token in the request tester", onclick: () => (testWith(token.id), go({ view: "tester" })) },
            icon("send"),
            "Test",
          ),
      h(
        "button",
        { type: "button", class: "button small", "data-testid": "open-usage", title: "Requests, error rate and timings of this token", onclick: () => go({ view: "usage", tokenId: token.id }) },
        icon("chart"),
        "Usage",
      ),
      h("button", { type: "button", class: "icon-button", "aria-label": "Close details", "data-testid": "detail-close", onclick: actions.close }, icon("x")),
    ),
    h(
      "section",
      { class: "secret-box", "aria-label": "Secret" },
      revoked
        ? h("p", { class: "muted small" }, `Revoked ${absoluteTime(token.revokedAt)}. The keychain entry was deleted; the record and its history stay.`)
        : h("div", { class: "secret-line" }, value, h("div", { class: "secret-actions" }, revealBtn, copyBtn)),
      countdown,
      token.sameSecretAs?.length ? h("p", { class: "warning", "data-testid": "same-secret" }, icon("alert"), sameSecretText(token.sameSecretAs)) : null,
    ),
    h(
      "div",
      { class: "detail-actions" },
      h("button", { type: "button", class: "button", "data-testid": "edit", onclick: () => actions.edit(token) }, icon("edit"), "Edit"),
      h("button", { type: "button", class: "button", "data-testid": "replace-secret", disabled: revoked, onclick: () => actions.replace(token) }, icon("rotate"), "Replace secret"),
      h("button", { type: "button", class: "button danger-outline", "data-testid": "revoke", disabled: revoked, onclick: () => actions.revoke(token) }, icon("ban"), "Revoke"),
      h("button", { type: "button", class: "button danger-outline", "data-testid": "delete", onclick: () => actions.remove(token) }, icon("trash"), "Delete"),
    ),
    h(
      "dl",
      { class: "meta" },
      row("Provider", profile ? `${profile.name}` : token.provider),
      row("Auth", `${AUTH_MODE_LABEL[token.authMode]}${token.authHeader ? ` · ${token.authHeader}` : ""}${token.authPrefix ? ` · prefix “${token.authPrefix}”` : ""}`),
      row("Key type", KIND_LABEL[token.kind]),
      token.tokenId ? row("Token ID", h("code", null, token.tokenId)) : [],
      token.storeId ? row("Store ID", h("code", null, token.storeId)) : [],
      row("Base URL", token.baseUrl ? h("code", null, token.baseUrl) : envSpec?.baseUrl ? h("span", null, h("code", null, envSpec.baseUrl), h("span", { class: "muted" }, " (provider default)")) : h("span", { class: "muted" }, "Not set")),
      row("Scopes", scopes),
      row("Rate limit", `${token.rateLimit} requests/min`),
      row("Created", when(token.created, now)),
      row("Expires", when(token.expires, now, "Never")),
      row("Last used", when(token.lastUsed, now, "Never")),
      row("Last rotated", when(token.lastRotated, now, "Never")),
      row("Rotation", h("span", null, `Every ${plural(token.rotationDays, "day")} · next due `, when(token.rotationDueAt, now))),
      token.revokedAt ? row("Revoked", when(token.revokedAt, now)) : [],
      row("Tags", tags),
      row("Notes", token.notes ? h("p", { class: "notes" }, token.notes) : "—"),
      token.environment === "live"
        ? row("Guardrails", [token.confirmWrites ? "Asks before writes" : "Writes without asking", token.confirmForeignHost ? "asks before foreign hosts" : "sends to any host"].join(" · "))
        : [],
    ),
  );
}
