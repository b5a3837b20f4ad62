/**
 * The answer to a sent request: coloured status, timings, size and peer address; the body
 * (pretty JSON, text, or "binary, N bytes"), the raw response and the headers in tabs; and,
 * when the backend diagnosed a failure, the diagnosis beside it — title, explanation, likely
 * causes, missing permissions as chips, and a live Retry-After countdown for a 429.
 */

import type { ApiError } from "../api";
import type { Diagnosis } from "../bindings/Diagnosis";
import type { HttpResponse } from "../bindings/HttpResponse";
import type { SendResult } from "../bindings/SendResult";
import { h, replaceChildren } from "../dom";
import { icon } from "../icons";
import { bodyView, formatBytes, rawResponse, retryLabel, retryLeft, statusTone, timingLine } from "../response-view";

type Tab = "body" | "raw" | "headers";

/** The mounted panel. */
export type ResponsePanel = {
  el: HTMLElement;
  idle(): void;
  sending(): void;
  show(result: SendResult, receivedAt: number): void;
  error(err: ApiError): void;
  dispose(): void;
};

const ERROR_TITLE: Record<string, string> = {
  network: "The request did not reach the server",
  invalid: "The request cannot be built",
  revoked: "This token is revoked",
  secret_missing: "The secret is missing from the keychain",
  keychain_locked: "The keychain is locked",
  keychain_unavailable: "No keychain is available",
  needs_confirmation: "The request needs a confirmation",
};

/** Builds the response panel; `retry` sends the same request again (the 429 countdown's button). */
export function responsePanel(retry: () => void): ResponsePanel {
  let tab: Tab = "body";
  let timer: ReturnType<typeof setInterval> | undefined;
  const head = h("div", { class: "response-meta" });
  const content = h("div", { class: "response-content" });
  const el = h(
    "section",
    { class: "panel response", "data-testid": "tester-response", "aria-label": "Response", "aria-live": "polite" },
    h("header", { class: "panel-head" }, h("h2", null, "Response"), head),
    content,
  );

  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };

  function diagnosisCard(d: Diagnosis, status: number, receivedAt: number): HTMLElement {
    const retryText = h("span", { "data-testid": "diagnosis-retry-label" });
    const retryButton = h("button", { type: "button", class: "button small", "data-testid": "diagnosis-retry-send", disabled: true, onclick: retry }, icon("rotate"), "Retry");
    const countdown = d.retryAfterSecs !== undefined && d.retryAfterSecs !== null
      ? h("div", { class: "retry", "data-testid": "diagnosis-retry" }, icon("info"), retryText, retryButton)
      : null;
    if (countdown && d.retryAfterSecs !== undefined) {
      const secs = d.retryAfterSecs;
      const tick = () => {
        const left = retryLeft(secs, receivedAt, Date.now());
        retryText.textContent = retryLabel(left);
        countdown.classList.toggle("ready", left === 0);
        retryButton.disabled = left > 0;
        if (left === 0) stop();
      };
      tick();
      timer = setInterval(tick, 1000);
    }
    return h(
      "aside",
      { class: `diagnosis tone-${statusTone(status)}`, "data-testid": "diagnosis", role: "note" },
      h("h3", { "data-testid": "diagnosis-title" }, icon("alert"), h("span", null, d.title)),
      h("p", { class: "diagnosis-explanation" }, d.explanation),
      d.missingPermissions.length
        ? h(
            "div",
            { class: "missing-block" },
            h("div", { class: "diagnosis-label" }, d.missingPermissions.length === 1 ? "Missing permission" : "Missing permissions"),
            h("div", { class: "chip-list", "data-testid": "diagnosis-missing" }, d.missingPermissions.map((p) => h("span", { class: "perm-chip", "data-testid": "missing-permission" }, p))),
          )
        : null,
      d.causes.length ? [h("div", { class: "diagnosis-label" }, "Likely causes"), h("ol", { class: "causes" }, d.causes.map((c) => h("li", null, c)))] : null,
      countdown,
    );
  }

  function bodyPane(r: HttpResponse): HTMLElement {
    switch (tab) {
      case "body": {
        const v = bodyView(r);
        return h("pre", { class: `response-body kind-${v.kind}`, "data-testid": "response-body", "data-kind": v.kind }, v.text);
      }
      case "raw":
        return h("pre", { class: "response-body", "data-testid": "response-raw" }, rawResponse(r));
      case "headers":
        return h(
          "table",
          { class: "simple response-headers", "data-testid": "response-headers" },
          h("tbody", null, r.headers.map(([n, v]) => h("tr", null, h("th", { scope: "row" }, n), h("td", null, v)))),
        );
    }
  }

  function show(result: SendResult, receivedAt: number): void {
    stop();
    const r = result.response;
    const tone = statusTone(r.status);
    replaceChildren(
      head,
      h("span", { class: `status-pill tone-${tone}`, "data-testid": "response-status", "data-status": String(r.status) }, String(r.status), r.statusText ? h("span", { class: "status-text" }, r.statusText) : null),
      h("span", { class: "meta-item", title: "Total time (connect · first byte when measured)", "data-testid": "response-time" }, timingLine(r.timing)),
      h("span", { class: "meta-item", "data-testid": "response-size" }, formatBytes(r.size), r.truncated ? " (cut)" : ""),
      r.remoteAddr ? h("span", { class: "meta-item mono", title: "Remote address", "data-testid": "response-remote" }, r.remoteAddr) : null,
    );
    const pane = h("div", { class: "response-pane" });
    const tabs = (["body", "raw", "headers"] as Tab[]).map((t) =>
      h(
        "button",
        {
          type: "button",
          role: "tab",
          "aria-selected": String(t === tab),
          "data-testid": `response-tab-${t}`,
          onclick: () => {
            tab = t;
            for (const b of tabs) b.setAttribute("aria-selected", String(b.dataset.testid === `response-tab-${t}`));
            replaceChildren(pane, bodyPane(r));
          },
        },
        t === "body" ? "Body" : t === "raw" ? "Raw" : `Headers (${r.headers.length})`,
      ),
    );
    replaceChildren(pane, bodyPane(r));
    const notices = [...r.notices, ...(r.truncated ? ["The body was longer than the 10 MiB cap and was cut."] : [])];
    replaceChildren(
      content,
      h(
        "div",
        { class: `response-grid${result.diagnosis ? " with-diagnosis" : ""}` },
        result.diagnosis ? diagnosisCard(result.diagnosis, r.status, receivedAt) : null,
        h("div", { class: "response-main" }, h("div", { class: "tabs", role: "tablist", "aria-label": "Response views" }, tabs), pane),
      ),
      notices.length ? h("ul", { class: "notices", "data-testid": "response-notices" }, notices.map((n) => h("li", null, icon("info"), n))) : null,
    );
  }

  return {
    el,
    idle() {
      stop();
      replaceChildren(head);
      replaceChildren(content, h("p", { class: "response-idle" }, "No response yet. Press ", h("strong", null, "Send"), " or ", h("kbd", null, "Ctrl"), "+", h("kbd", null, "Enter"), "."));
    },
    sending() {
      el.classList.add("busy");
      replaceChildren(head, h("span", { class: "meta-item" }, h("span", { class: "spinner", "aria-hidden": "true" }), "Sending…"));
    },
    show(result, receivedAt) {
      el.classList.remove("busy");
      show(result, receivedAt);
    },
    error(err) {
      stop();
      el.classList.remove("busy");
      replaceChildren(head, h("span", { class: "status-pill tone-server", "data-testid": "response-status", "data-status": "error" }, "Not sent"));
      replaceChildren(
        content,
        h(
          "div",
          { class: "send-error", role: "alert", "data-testid": "send-error", "data-code": err.code },
          icon("alert"),
          h("div", null, h("strong", null, ERROR_TITLE[err.code] ?? "The request failed"), h("p", null, err.message)),
        ),
      );
    },
    dispose: stop,
  };
}
