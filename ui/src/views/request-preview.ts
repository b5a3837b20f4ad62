/**
 * The preview of what Send will send, from `prepare_request`: method, final URL, every header
 * (auth masked), the body, the questions that will be asked, and for HMAC tokens the debugger
 * that shows the derived key (masked), the exact bytes signed with their count and SHA-256,
 * and the signature. Nothing here is computed in the UI: it is the backend's own answer.
 */

import type { ApiError } from "../api";
import type { HmacDebug } from "../bindings/HmacDebug";
import type { Prepared } from "../bindings/Prepared";
import { type Child, h, replaceChildren } from "../dom";
import { plural } from "../format";
import { icon } from "../icons";
import { toast } from "../toast";

const BODY_PREVIEW_CHARS = 4000;

/** The mounted preview. */
export type PreviewPanel = {
  el: HTMLElement;
  show(prepared: Prepared): void;
  error(err: ApiError): void;
  idle(message: Child): void;
  /** Marks the preview as out of date while a new one is computed. */
  pending(): void;
};

function copyButton(text: string, what: string): HTMLElement {
  return h(
    "button",
    {
      type: "button",
      class: "icon-button small-icon",
      "aria-label": `Copy the ${what}`,
      title: `Copy the ${what}`,
      onclick: () =>
        void navigator.clipboard?.writeText(text).then(
          () => toast(`Copied the ${what}`),
          () => toast(`Could not copy the ${what}`, "error"),
        ),
    },
    icon("copy"),
  );
}

/** The HMAC debugger card (test id `hmac-debug`). */
export function hmacDebugger(hmac: HmacDebug): HTMLElement {
  const empty = hmac.signedBytes === 0;
  return h(
    "section",
    { class: "hmac-debug", "data-testid": "hmac-debug", "aria-label": "HMAC signature debugger" },
    h("div", { class: "hmac-head" }, h("h3", null, "HMAC signature"), h("span", { class: "hmac-formula" }, "HMAC-SHA256(hex(SHA-256(secret)), body)")),
    h(
      "dl",
      { class: "hmac-steps" },
      h("dt", null, h("span", { class: "step" }, "1"), "Signing key"),
      h(
        "dd",
        null,
        h("code", { "data-testid": "hmac-key" }, hmac.signingKeyMasked),
        h("div", { class: "hint" }, "The lowercase hex SHA-256 of the secret; its 64 ASCII characters are the HMAC key. Masked: it signs like the secret."),
      ),
      h("dt", null, h("span", { class: "step" }, "2"), "Signed bytes"),
      h(
        "dd",
        null,
        h("div", { class: "signed-meta" }, h("strong", { "data-testid": "hmac-bytes" }, plural(hmac.signedBytes, "byte")), h("span", { class: "muted" }, " · SHA-256 "), h("code", { class: "hash", "data-testid": "hmac-sha256" }, hmac.signedSha256)),
        empty
          ? h("div", { class: "signed-text empty", "data-testid": "hmac-signed" }, "(the empty string — GET and DELETE sign nothing)")
          : h("pre", { class: "signed-text", "data-testid": "hmac-signed" }, hmac.signedText),
        h("div", { class: "hint" }, "Exactly these bytes are signed and sent: the server must see the same ones, whitespace and key order included."),
      ),
      h("dt", null, h("span", { class: "step" }, "3"), "Signature"),
      h("dd", null, h("div", { class: "sig-line" }, h("code", { class: "signature", "data-testid": "hmac-signature" }, hmac.signature), copyButton(hmac.signature, "signature")), h("div", { class: "hint" }, "Sent as X-Signature; the secret itself never travels.")),
    ),
  );
}

function requestText(p: Prepared): HTMLElement {
  const body = p.body.length > BODY_PREVIEW_CHARS ? `${p.body.slice(0, BODY_PREVIEW_CHARS)}\n… ${p.body.length - BODY_PREVIEW_CHARS} more characters` : p.body;
  return h(
    "pre",
    { class: "wire", "data-testid": "preview-request" },
    h("span", { class: "wire-line" }, h("span", { class: `wire-method m-${p.method.toLowerCase()}` }, p.method), " ", h("span", { class: "wire-url", "data-testid": "preview-url" }, p.url)),
    "\n",
    p.headers.map((hd) => [h("span", { class: "wire-header", "data-testid": "preview-header" }, h("span", { class: "wire-name" }, hd.name), ": ", hd.value), "\n"]),
    body ? ["\n", h("span", { class: "wire-body" }, body)] : null,
  );
}

/** Builds the preview panel (test id `tester-preview`). */
export function requestPreview(): PreviewPanel {
  const content = h("div", { class: "preview-content" });
  const state = h("span", { class: "panel-state", "aria-live": "polite" });
  const el = h(
    "section",
    { class: "panel preview", "data-testid": "tester-preview", "aria-label": "Request preview" },
    h("header", { class: "panel-head" }, h("h2", null, "Preview"), h("span", { class: "panel-sub" }, "exactly what Send sends · secrets masked"), state),
    content,
  );
  return {
    el,
    show(p) {
      el.classList.remove("stale");
      state.textContent = "";
      replaceChildren(
        content,
        p.confirmations.length
          ? h(
              "div",
              { class: "confirm-note", "data-testid": "preview-confirmations" },
              h("strong", null, icon("alert"), "Send will ask first"),
              h("ul", null, p.confirmations.map((c) => h("li", { "data-kind": c.kind }, c.message))),
            )
          : null,
        requestText(p),
        p.hmac ? hmacDebugger(p.hmac) : null,
      );
    },
    error(err) {
      el.classList.remove("stale");
      state.textContent = "";
      replaceChildren(content, h("div", { class: "preview-error", role: "status", "data-testid": "preview-error" }, icon("alert"), h("div", null, h("strong", null, "Not ready to send"), h("p", null, err.message))));
    },
    idle(message) {
      el.classList.remove("stale");
      state.textContent = "";
      replaceChildren(content, h("div", { class: "preview-idle" }, message));
    },
    pending() {
      el.classList.add("stale");
      state.textContent = "updating…";
    },
  };
}
