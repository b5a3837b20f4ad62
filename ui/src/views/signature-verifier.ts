/**
 * The HMAC signature verifier: paste a body and an `X-Signature` (from a webhook, a log, a
 * colleague's failing request) and the backend says which vault HMAC token signs that body to
 * that signature — or that none does, or that the signature is not 64 lowercase hex characters.
 */

import * as api from "../api";
import { h, replaceChildren } from "../dom";
import { plural } from "../format";
import { icon } from "../icons";
import { field, openDialog } from "./dialog";

/** What the verifier can be opened with: the current request's signed body, and a way to pick a matching token. */
export type VerifierOptions = { body?: string; signature?: string; pick?(tokenId: string): void };

const HEX64 = /^[0-9a-f]{64}$/;

/** The hint under the signature field while typing. */
export function signatureHint(value: string): string {
  const v = value.trim();
  if (!v) return "64 lowercase hex characters (SHA-256 output), as sent in X-Signature.";
  if (HEX64.test(v)) return "64 hex characters ✓";
  if (/^[0-9a-fA-F]+$/.test(v) && v.length === 64) return "Upper-case hex: the providers send lowercase, so this cannot match as typed.";
  return `${v.length} of 64 characters${/[^0-9a-fA-F]/.test(v) ? ", and not only hex digits" : ""}.`;
}

/** Opens the verifier dialog. */
export function openSignatureVerifier(opts: VerifierOptions = {}): void {
  const body = h("textarea", { rows: 6, "data-testid": "verify-body", spellcheck: "false", autocomplete: "off", placeholder: '{"name":"New Product","amount":2999,"type":"ONE_TIME"}' });
  body.value = opts.body ?? "";
  const signature = h("input", { type: "text", class: "mono", "data-testid": "verify-signature", spellcheck: "false", autocomplete: "off", placeholder: "e.g. 3f1c…(64 hex)" });
  signature.value = opts.signature ?? "";
  const bodyField = field("Body, exactly as sent", body, { hint: "Every byte counts: whitespace, key order and the trailing newline change the signature. Leave it empty for GET/DELETE." });
  const sigField = field("Signature", signature, { hint: signatureHint(signature.value) });
  const result = h("div", { class: "verify-result", "data-testid": "verify-result", "aria-live": "polite", hidden: true });
  const submit = h("button", { type: "button", class: "button primary", "data-testid": "verify-submit" }, "Verify");
  const dialog = openDialog({
    title: "Verify an HMAC signature",
    subtitle: "Which vault token signs this body to this signature? Secrets stay in the keychain.",
    testid: "verify-dialog",
    size: "md",
    body: [bodyField.row, sigField.row, result],
    footer: [h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Close"), submit],
    initialFocus: opts.body ? signature : body,
  });
  signature.addEventListener("input", () => {
    if (sigField.hint) sigField.hint.textContent = signatureHint(signature.value);
    result.hidden = true;
  });
  body.addEventListener("input", () => (result.hidden = true));

  async function verify(): Promise<void> {
    dialog.setBusy(true);
    try {
      const r = await api.verifySignature(body.value, signature.value.trim());
      result.hidden = false;
      result.className = "verify-result";
      if (!r.signatureValid) {
        result.classList.add("bad");
        replaceChildren(result, icon("alert"), h("div", null, h("strong", null, "The signature must be 64 lowercase hex characters."), h("p", null, "An HMAC-SHA256 signature is always 64 characters of 0–9 and a–f.")));
      } else if (r.matches.length) {
        result.classList.add("ok");
        replaceChildren(
          result,
          icon("check"),
          h(
            "div",
            null,
            h("strong", null, `Matches ${r.matches.map((m) => `token '${m.name}'`).join(" and ")}`),
            h("p", null, "This body was signed with that token's secret."),
            opts.pick
              ? h("div", { class: "chip-list" }, r.matches.map((m) => h("button", { type: "button", class: "button small", onclick: () => (opts.pick?.(m.id), dialog.close()) }, `Use '${m.name}' in the tester`)))
              : null,
          ),
        );
      } else {
        result.classList.add("none");
        replaceChildren(
          result,
          icon("x"),
          h(
            "div",
            null,
            h("strong", null, "No vault token signs this body to this signature."),
            h("p", null, r.checked ? `Checked ${plural(r.checked, "HMAC token")}. Check the body byte for byte (pretty-printing changes it) and which secret the sender used.` : "There are no HMAC tokens in the vault to check against."),
          ),
        );
      }
    } catch (err) {
      result.hidden = false;
      result.className = "verify-result bad";
      replaceChildren(result, icon("alert"), h("div", null, h("strong", null, "Could not verify"), h("p", null, api.toApiError(err).message)));
    } finally {
      dialog.setBusy(false);
    }
  }
  submit.addEventListener("click", () => void verify());
  signature.addEventListener("keydown", (ev: KeyboardEvent) => {
    if (ev.key === "Enter") {
      ev.preventDefault();
      void verify();
    }
  });
}
