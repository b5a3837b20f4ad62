/**
 * The tester's small questions: "send anyway?" before a guarded request, "write the secret
 * into the snippet?", and "save as…". Each resolves once, with the answer or `undefined` /
 * `false` when the user cancelled (Esc, close button, Cancel).
 */

import type { Confirmation } from "../bindings/Confirmation";
import type { TokenView } from "../bindings/TokenView";
import { h } from "../dom";
import { icon } from "../icons";
import { environmentBadge } from "./badges";
import { field, openDialog } from "./dialog";

/** Lists the backend's confirmations and resolves true only on "Send anyway". */
export function confirmSend(confirmations: Confirmation[], token: TokenView, request: string): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const send = h("button", { type: "button", class: "button danger", "data-testid": "confirm-send" }, icon("send"), "Send anyway");
    const cancel = h("button", { type: "button", class: "button", "data-testid": "confirm-cancel" }, "Cancel");
    const dialog = openDialog({
      title: "Send this request?",
      testid: "send-confirm-dialog",
      size: "sm",
      body: [
        h("div", { class: "confirm-token" }, h("strong", null, token.name), environmentBadge(token), h("code", { class: "muted" }, request)),
        h(
          "ul",
          { class: "confirm-list", "data-testid": "confirm-messages" },
          confirmations.map((c) => h("li", { "data-kind": c.kind }, icon("alert"), h("span", null, c.message))),
        ),
        h("p", { class: "muted small" }, "Tokenbench asks because this token is set to confirm these requests. Change that under the token's guardrails."),
      ],
      footer: [cancel, send],
      initialFocus: cancel,
      onClose: () => resolve(answer),
    });
    cancel.addEventListener("click", () => dialog.close());
    send.addEventListener("click", () => {
      answer = true;
      dialog.close();
    });
  });
}

/** Warns that the snippet will contain the secret; resolves true only on explicit consent. */
export function confirmInlineSecret(token: TokenView): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const ok = h("button", { type: "button", class: "button danger", "data-testid": "inline-secret-confirm" }, "Show the secret in the code");
    const cancel = h("button", { type: "button", class: "button" }, "Keep it out");
    const dialog = openDialog({
      title: "Write the secret into the snippet?",
      testid: "inline-secret-dialog",
      size: "sm",
      body: [
        h(
          "div",
          { class: "form-alert form-alert-warn" },
          icon("alert"),
          h("span", null, `The code will contain the full secret of '${token.name}' in plain text, on screen. Anyone who sees it, or a file, chat or commit it ends up in, can use the token.`),
        ),
        h("p", { class: "small muted" }, "Without it, the snippet reads the secret from an environment variable. Tokenbench will not copy an inline secret to the clipboard and hides it again after a minute."),
      ],
      footer: [cancel, ok],
      initialFocus: cancel,
      onClose: () => resolve(answer),
    });
    cancel.addEventListener("click", () => dialog.close());
    ok.addEventListener("click", () => {
      answer = true;
      dialog.close();
    });
  });
}

/** Asks for a name to save the request under; resolves the trimmed name or undefined. */
export function promptSaveName(suggested: string, taken: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    let answer: string | undefined;
    const input = h("input", { type: "text", value: suggested, "data-testid": "save-name", autocomplete: "off", spellcheck: "false" });
    const name = field("Name", input, { hint: "Saved requests keep the method, URL, variables, rows, body and token — never a secret." });
    const save = h("button", { type: "submit", class: "button primary", "data-testid": "save-confirm" }, "Save");
    const form = h("form", null, name.row);
    const check = () => {
      const v = input.value.trim();
      const exists = taken.some((t) => t.toLowerCase() === v.toLowerCase());
      name.setError(undefined);
      if (name.hint) name.hint.textContent = exists ? `Replaces the saved request '${v}'.` : "Saved requests keep the method, URL, variables, rows, body and token — never a secret.";
      return v;
    };
    input.addEventListener("input", check);
    const dialog = openDialog({
      title: "Save request",
      testid: "save-dialog",
      size: "sm",
      body: form,
      footer: [h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Cancel"), save],
      onClose: () => resolve(answer),
    });
    const submit = (ev: Event) => {
      ev.preventDefault();
      const v = check();
      if (!v) return name.setError("Give the request a name.");
      answer = v;
      dialog.close();
    };
    form.addEventListener("submit", submit);
    save.addEventListener("click", submit);
    input.select();
  });
}
