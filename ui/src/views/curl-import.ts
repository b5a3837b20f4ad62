/**
 * "Import cURL": paste a command from a provider's docs or a browser's "Copy as cURL", and the
 * backend turns it into a draft. Credentials in it are never imported: they are listed masked,
 * with the advice to pick a vault token instead, next to the notes on what was ignored.
 */

import * as api from "../api";
import type { CurlImport } from "../bindings/CurlImport";
import type { FoundCredential } from "../bindings/FoundCredential";
import { AUTH_MODE_LABEL } from "../format";
import { h, replaceChildren } from "../dom";
import { icon } from "../icons";
import { toast } from "../toast";
import { field, openDialog } from "./dialog";

/** What to do instead of pasting this credential, in one line. */
export function credentialAdvice(c: FoundCredential): string {
  if (c.tokenId) return `The public id of an HMAC token: pick the vault token with ID ${c.tokenId} (it signs each body itself).`;
  if (/x-signature/i.test(c.location)) return "A signature fits only the body it was made for: a vault HMAC token signs each request.";
  if (c.suggestedMode) return `Pick a vault token using ${AUTH_MODE_LABEL[c.suggestedMode]}.`;
  if (/cookie/i.test(c.location)) return "Session cookies are not imported.";
  return "Pick a vault token instead.";
}

/** Opens the import dialog; `apply` fills the editor with the result. */
export function openCurlImport(apply: (result: CurlImport) => void): void {
  const text = h("textarea", {
    rows: 8,
    "data-testid": "curl-text",
    spellcheck: "false",
    autocomplete: "off",
    placeholder: "curl https://api.pandabase.io/v2/core/stores/shp_xxx/products \\\n  -H \"Authorization: Bearer sk_live_abc123...\"",
  });
  const input = field("cURL command", text, { hint: "Any credential in it stays out of Tokenbench's request: you pick a vault token to send with." });
  const result = h("div", { class: "curl-result", "data-testid": "curl-result", hidden: true });
  const submit = h("button", { type: "button", class: "button primary", "data-testid": "curl-submit" }, "Import");
  const cancel = h("button", { type: "button", class: "button" }, "Cancel");
  const dialog = openDialog({
    title: "Import a cURL command",
    subtitle: "From a provider's docs or your browser's “Copy as cURL”.",
    testid: "curl-import-dialog",
    size: "md",
    body: [input.row, result],
    footer: [cancel, submit],
  });
  cancel.addEventListener("click", () => dialog.close());

  submit.addEventListener("click", async () => {
    if (result.dataset.done) return dialog.close();
    if (!text.value.trim()) return input.setError("Paste a cURL command first.");
    dialog.setBusy(true);
    try {
      const imported = await api.importCurl(text.value);
      apply(imported);
      if (!imported.found.length && !imported.notes.length) {
        toast("Imported into the editor");
        return dialog.close();
      }
      // The pasted text may hold a secret: drop it from the field now that it is parsed.
      text.value = "";
      input.row.hidden = true;
      result.hidden = false;
      result.dataset.done = "1";
      replaceChildren(
        result,
        h("p", { class: "curl-ok" }, icon("check"), `Imported ${imported.draft.method} ${imported.draft.url} into the editor.`),
        imported.found.length
          ? h(
              "div",
              { class: "form-alert form-alert-warn", "data-testid": "curl-credentials" },
              icon("lock"),
              h(
                "div",
                null,
                h("strong", null, imported.found.length === 1 ? "A credential was left out" : `${imported.found.length} credentials were left out`),
                h("ul", { class: "cred-list" }, imported.found.map((c) => h("li", null, h("span", { class: "cred-where" }, c.location), h("code", null, c.masked), h("span", { class: "muted" }, credentialAdvice(c))))),
                h("p", null, "Pick a vault token in the tester instead: it adds the right auth header (and signs HMAC requests) without the secret ever sitting in a command line. If this secret is not in your vault yet, add it from the Inventory."),
              ),
            )
          : null,
        imported.notes.length ? h("ul", { class: "notes-list", "data-testid": "curl-notes" }, imported.notes.map((n) => h("li", null, icon("info"), n))) : null,
      );
      replaceChildren(submit, "Done");
    } catch (err) {
      input.setError(api.toApiError(err).message);
    } finally {
      dialog.setBusy(false);
    }
  });
}
