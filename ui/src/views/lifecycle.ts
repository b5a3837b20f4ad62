/**
 * The dialogs for changes that cannot be undone or that touch the keychain: revoke (the record
 * and history stay, the keychain entry goes), delete (type the name to confirm) and replace
 * secret (a new value, checked like a new token's).
 */

import * as api from "../api";
import type { TokenView } from "../bindings/TokenView";
import { h } from "../dom";
import { sameSecretText } from "../format";
import { icon } from "../icons";
import { toast } from "../toast";
import { field, openDialog } from "./dialog";
import { isBlocking, recognitionPanel } from "./recognition";

function errorBox(): HTMLElement {
  return h("div", { class: "form-alert", role: "alert", hidden: true, "data-testid": "form-error" });
}

function showError(box: HTMLElement, err: unknown): void {
  box.textContent = api.toApiError(err).message;
  box.hidden = false;
}

/** Asks, then revokes with `confirm: true`. */
export function confirmRevoke(token: TokenView, done: (t: TokenView) => void): void {
  const error = errorBox();
  const go = async () => {
    dialog.setBusy(true);
    try {
      const revoked = await api.revokeToken(token.id, true);
      dialog.close();
      toast(`Revoked “${token.name}”`, "success", "The keychain entry is gone; the record and its history stay.");
      done(revoked);
    } catch (err) {
      showError(error, err);
      dialog.setBusy(false);
    }
  };
  const confirmBtn = h("button", { type: "button", class: "button danger", "data-testid": "confirm-revoke", onclick: () => void go() }, "Revoke token");
  const dialog = openDialog({
    title: `Revoke “${token.name}”?`,
    testid: "revoke-dialog",
    size: "sm",
    body: [
      error,
      h(
        "ul",
        { class: "consequences" },
        h("li", null, "The secret is deleted from the OS keychain, so Tokenbench can no longer send it."),
        h("li", null, "The record, its history and its usage stay in the inventory, marked Revoked."),
        h("li", null, `This does not revoke it at ${token.providerName}: do that in their dashboard too.`),
      ),
      h("p", { class: "muted small" }, "Revoking is permanent. To keep using the token with a new value, use Replace secret instead."),
    ],
    footer: [h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Cancel"), confirmBtn],
    initialFocus: confirmBtn,
  });
}

/** Asks for the name to be typed, then deletes with `confirm: true`. */
export function confirmDelete(token: TokenView, done: () => void): void {
  const error = errorBox();
  const typed = h("input", { type: "text", autocomplete: "off", spellcheck: "false", "data-testid": "confirm-name", placeholder: token.name });
  const confirmBtn = h("button", { type: "button", class: "button danger", "data-testid": "confirm-delete", disabled: true }, "Delete token");
  typed.addEventListener("input", () => (confirmBtn.disabled = typed.value.trim() !== token.name));
  const go = async () => {
    if (typed.value.trim() !== token.name) return;
    dialog.setBusy(true);
    try {
      await api.deleteToken(token.id, true);
      dialog.close();
      toast(`Deleted “${token.name}”`);
      done();
    } catch (err) {
      showError(error, err);
      dialog.setBusy(false);
      confirmBtn.disabled = typed.value.trim() !== token.name;
    }
  };
  confirmBtn.addEventListener("click", () => void go());
  const label = h("span", null, "Type ", h("strong", null, token.name), " to confirm");
  const f = field("", typed);
  f.row.querySelector("label")?.replaceChildren(label);
  const dialog = openDialog({
    title: `Delete “${token.name}”?`,
    testid: "delete-dialog",
    size: "sm",
    body: h(
      "form",
      { onsubmit: (e: SubmitEvent) => (e.preventDefault(), void go()) },
      error,
      h("p", null, "The record, its history and the keychain entry are removed from this computer. This cannot be undone."),
      h("p", { class: "muted small" }, "The token itself keeps working at the provider until you revoke it there."),
      f.row,
    ),
    footer: [h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Cancel"), confirmBtn],
  });
}

/** Asks for the new value (with recognition) and stores it in place of the old one. */
export function replaceSecretDialog(token: TokenView, done: (t: TokenView) => void): void {
  const error = errorBox();
  const secret = h("input", { type: "password", autocomplete: "off", spellcheck: "false", "data-testid": "field-secret", placeholder: "Paste the new value" });
  const f = field("New secret", secret, { hint: "The old value is overwritten in the keychain. Roll it at the provider first, then paste the new one here." });
  const recognition = recognitionPanel({ pick: () => undefined });
  const hostOf = () => {
    try {
      return token.baseUrl ? new URL(token.baseUrl).hostname : undefined;
    } catch {
      return undefined;
    }
  };
  secret.addEventListener("input", () => {
    f.setError(undefined);
    recognition.update(secret.value, hostOf());
  });
  const go = async () => {
    const value = secret.value.trim();
    const blocking = recognition.latest()?.warnings.find((w) => isBlocking(w.code));
    if (!value) return f.setError("Paste the new value.");
    if (blocking) return f.setError(blocking.message);
    dialog.setBusy(true);
    try {
      const updated = await api.replaceSecret(token.id, value);
      dialog.close();
      if (updated.sameSecretAs?.length) toast(`Replaced the secret of “${token.name}”, but it is already stored`, "info", sameSecretText(updated.sameSecretAs));
      else toast(`Replaced the secret of “${token.name}”`, "success", `Now shown as ${updated.masked}.`);
      done(updated);
    } catch (err) {
      showError(error, err);
      dialog.setBusy(false);
    }
  };
  const dialog = openDialog({
    title: `Replace the secret of “${token.name}”`,
    subtitle: `Currently ${token.masked}`,
    testid: "replace-secret-dialog",
    size: "md",
    body: h("form", { onsubmit: (e: SubmitEvent) => (e.preventDefault(), void go()) }, error, f.row, recognition.el),
    footer: [
      h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Cancel"),
      h("button", { type: "button", class: "button primary", "data-testid": "save-secret", onclick: () => void go() }, icon("rotate"), "Replace secret"),
    ],
    onClose: () => recognition.dispose(),
  });
}
