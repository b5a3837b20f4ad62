/**
 * Modal dialogs on the native `<dialog>` element: the browser traps focus, Esc closes it
 * and the page behind is inert. Every dialog has a title wired to `aria-labelledby`, a
 * `data-testid`, and a footer of buttons.
 */

import { type Child, h, uid } from "../dom";
import { icon } from "../icons";

/** What `openDialog` needs. */
export type DialogOptions = {
  title: string;
  testid: string;
  /** Under the title, in muted text. */
  subtitle?: string;
  body: Child;
  footer?: Child;
  size?: "sm" | "md" | "lg";
  /** Called once after it closed (Esc, close button, or `close()`). */
  onClose?: () => void;
  /** Element to focus first; default the first field, else the first button. */
  initialFocus?: HTMLElement;
};

/** An open dialog. */
export type OpenDialog = { el: HTMLDialogElement; close(): void; setBusy(busy: boolean): void };

/** Opens a modal dialog and focuses its first field. */
export function openDialog(opts: DialogOptions): OpenDialog {
  const titleId = uid("dialog-title");
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const el = h(
    "dialog",
    { class: `dialog dialog-${opts.size ?? "md"}`, "aria-labelledby": titleId, "data-testid": opts.testid },
    h(
      "header",
      { class: "dialog-header" },
      h("div", null, h("h2", { id: titleId }, opts.title), opts.subtitle ? h("p", { class: "muted" }, opts.subtitle) : null),
      h("button", { type: "button", class: "icon-button", "aria-label": "Close", "data-testid": "dialog-close", onclick: () => close() }, icon("x")),
    ),
    h("div", { class: "dialog-body" }, opts.body),
    opts.footer ? h("footer", { class: "dialog-footer" }, opts.footer) : null,
  );
  let closed = false;
  const close = () => {
    if (!closed && el.open) el.close();
  };
  el.addEventListener("close", () => {
    if (closed) return;
    closed = true;
    el.remove();
    opts.onClose?.();
    if (previous?.isConnected) previous.focus();
  });
  document.body.appendChild(el);
  el.showModal();
  const first =
    opts.initialFocus ??
    el.querySelector<HTMLElement>(".dialog-body input:not([type=hidden]):not([disabled]), .dialog-body textarea, .dialog-body select") ??
    el.querySelector<HTMLElement>(".dialog-footer button");
  first?.focus();
  return {
    el,
    close,
    setBusy(busy) {
      el.toggleAttribute("aria-busy", busy);
      for (const b of el.querySelectorAll<HTMLButtonElement>(".dialog-footer button")) b.disabled = busy;
    },
  };
}

/** True while any modal dialog is open. */
export function dialogOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}

/** A labelled form row: label, control, hint and an error slot wired with aria-describedby. */
export function field(label: string, control: HTMLElement, opts: { hint?: Child; wide?: boolean; input?: HTMLElement } = {}) {
  // `input` is the labelled element when `control` wraps it (an input with a button beside it).
  const target = opts.input ?? control;
  const id = target.id || uid("field");
  target.id = id;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = h("div", { class: "field-error", id: errorId, role: "alert", hidden: true });
  const hint = opts.hint !== undefined ? h("div", { class: "field-hint", id: hintId }, opts.hint) : null;
  target.setAttribute("aria-describedby", [hint ? hintId : "", errorId].filter(Boolean).join(" "));
  const row = h(
    "div",
    { class: `field${opts.wide ? " field-wide" : ""}` },
    control instanceof HTMLFieldSetElement ? null : h("label", { for: id }, label),
    control,
    hint,
    error,
  );
  return {
    row,
    control: target,
    hint,
    /** Shows `message` under the field (or clears it with `undefined`). */
    setError(message: string | undefined) {
      error.textContent = message ?? "";
      error.hidden = !message;
      if (message) target.setAttribute("aria-invalid", "true");
      else target.removeAttribute("aria-invalid");
      row.classList.toggle("has-error", Boolean(message));
    },
  };
}

/** A labelled fieldset legend (for checkbox groups). */
export function fieldset(legend: string, ...children: Child[]): HTMLFieldSetElement {
  return h("fieldset", { class: "fieldset" }, h("legend", null, legend), ...children);
}
