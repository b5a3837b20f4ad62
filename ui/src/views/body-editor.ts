/**
 * The JSON body editor: a monospace textarea with live validation ("valid JSON · N bytes" or
 * the first error as line:column), a Format button that keeps literals as typed, and a
 * disabled state for methods that send no body (GET/DELETE sign the empty string in HMAC mode).
 */

import { h, replaceChildren } from "../dom";
import { icon } from "../icons";
import { checkJson, formatJson } from "../json-check";
import { plural } from "../format";
import { sendsBody } from "../request-draft";

/** A mounted body editor. */
export type BodyEditor = {
  el: HTMLElement;
  /** Replaces the text (no change event). */
  set(text: string): void;
  /** Enables or greys out the editor for `method`; `hmac` adds the signing note. */
  setMethod(method: string, hmac: boolean): void;
  focus(): void;
};

const PLACEHOLDER = '{\n  "name": "New Product"\n}';
const bytes = (text: string) => new TextEncoder().encode(text).length;

/** Builds the body editor; `onChange` gets the text on every edit. */
export function bodyEditor(onChange: (text: string) => void): BodyEditor {
  const area = h("textarea", {
    class: "body-input",
    "data-testid": "tester-body",
    rows: 9,
    spellcheck: "false",
    autocomplete: "off",
    "aria-label": "Request body (JSON)",
    placeholder: PLACEHOLDER,
  });
  const status = h("div", { class: "body-status", "data-testid": "body-status", "aria-live": "polite" });
  const format = h("button", { type: "button", class: "button ghost small", "data-testid": "body-format", title: "Re-indent the JSON (keeps every value as typed)" }, "Format");
  const note = h("p", { class: "body-note", "data-testid": "body-note", hidden: true });
  const el = h(
    "section",
    { class: "editor-section body-editor", "aria-label": "Body" },
    h("div", { class: "section-head" }, h("h3", null, "Body"), h("span", { class: "section-meta" }, "JSON, sent and signed byte for byte"), h("span", { class: "spacer" }), format),
    note,
    area,
    status,
  );

  function validate(): void {
    const text = area.value;
    const r = checkJson(text);
    status.className = "body-status";
    if (area.disabled) {
      replaceChildren(status);
      format.disabled = true;
      return;
    }
    if (r.ok && r.empty) {
      status.classList.add("muted");
      replaceChildren(status, text ? `Whitespace only: ${plural(bytes(text), "byte")} are sent as typed` : "Empty body: nothing is sent (HMAC signs the empty string)");
    } else if (r.ok) {
      status.classList.add("ok");
      replaceChildren(status, icon("check"), `Valid JSON · ${plural(bytes(text), "byte")}`);
    } else {
      status.classList.add("bad");
      const jump = h("button", { type: "button", class: "link-button", onclick: () => selectAt(r.offset) }, `line ${r.line}:${r.col}`);
      replaceChildren(status, icon("alert"), h("span", null, "Not valid JSON at ", jump, ` — ${r.message}`));
    }
    format.disabled = !(r.ok && !r.empty);
  }

  function selectAt(offset: number): void {
    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
  }

  area.addEventListener("input", () => {
    validate();
    onChange(area.value);
  });
  // Tab indents inside the body instead of leaving it (Shift+Tab still leaves).
  area.addEventListener("keydown", (ev: KeyboardEvent) => {
    if (ev.key !== "Tab" || ev.shiftKey || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    ev.preventDefault();
    area.setRangeText("  ", area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new Event("input"));
  });
  format.addEventListener("click", () => {
    const pretty = formatJson(area.value);
    if (pretty === undefined || pretty === area.value) return;
    area.value = pretty;
    validate();
    onChange(area.value);
  });

  validate();
  return {
    el,
    set(text) {
      area.value = text;
      validate();
    },
    setMethod(method, hmac) {
      const on = sendsBody(method);
      area.disabled = !on;
      el.classList.toggle("disabled", !on);
      const m = method.trim().toUpperCase();
      note.hidden = on && !hmac;
      note.textContent = on
        ? "HMAC mode signs these exact bytes: a space or a reordered key changes the signature."
        : `${m} sends no body. ${hmac ? "Its X-Signature is the HMAC of the empty string: " : "With an HMAC token, "}GET and DELETE sign the empty string.${area.value.trim() ? " The text below is kept for when you switch back to POST, PUT or PATCH." : ""}`;
      area.placeholder = on ? PLACEHOLDER : `No body for ${m}`;
      validate();
    },
    focus: () => area.focus(),
  };
}
