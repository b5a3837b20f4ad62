/**
 * Short confirmations and errors in the corner. A polite live region announces them to
 * screen readers; errors stay longer and can be dismissed.
 */

import { h } from "./dom";
import { icon } from "./icons";

/** How a toast looks: success (green check), error (red), info (neutral). */
export type ToastKind = "success" | "error" | "info";

let region: HTMLElement | undefined;

/** The container; created on first use and kept at the end of `<body>`. */
function container(): HTMLElement {
  if (!region || !region.isConnected) {
    region = h("div", { class: "toasts", role: "status", "aria-live": "polite", "aria-label": "Notifications" });
    document.body.appendChild(region);
  }
  return region;
}

/** Shows a toast; errors stay 8 s, others 4 s. Returns a function that removes it early. */
export function toast(message: string, kind: ToastKind = "success", detail?: string): () => void {
  const close = () => {
    el.classList.add("leaving");
    setTimeout(() => el.remove(), 150);
  };
  const el = h(
    "div",
    { class: `toast toast-${kind}`, "data-testid": "toast", "data-kind": kind },
    icon(kind === "success" ? "check" : kind === "error" ? "alert" : "info"),
    h("div", { class: "toast-text" }, h("div", null, message), detail ? h("div", { class: "toast-detail" }, detail) : null),
    h("button", { class: "icon-button", type: "button", "aria-label": "Dismiss", onclick: close }, icon("x")),
  );
  container().appendChild(el);
  setTimeout(close, kind === "error" ? 8000 : 4000);
  return close;
}

/** Shows an error's message (an `ApiError` or anything thrown). */
export function toastError(title: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  toast(title, "error", message);
}
