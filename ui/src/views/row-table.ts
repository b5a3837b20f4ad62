/**
 * A name / value / enabled table for query parameters and headers. Typing changes the rows in
 * place (no redraw, so focus and the caret stay put); adding and removing redraw. Test ids:
 * `<id>-row`, `<id>-enabled`, `<id>-name`, `<id>-value`, `<id>-remove`, `<id>-add`.
 */

import type { FormRow } from "../bindings/FormRow";
import { type Child, h, replaceChildren } from "../dom";
import { icon } from "../icons";
import { blankRow } from "../request-draft";

/** What a table needs to know. `fixed` rows are shown first and cannot be edited (the token's auth header). */
export type RowTableOptions = {
  testid: string;
  noun: string;
  namePlaceholder: string;
  valuePlaceholder: string;
  onChange(rows: FormRow[]): void;
};

/** A mounted table: `set` replaces the rows (a new endpoint, a restored draft); `setFixed` the read-only rows. */
export type RowTable = { el: HTMLElement; set(rows: FormRow[]): void; setFixed(rows: Child[]): void };

/** Builds an editable row table. */
export function rowTable(opts: RowTableOptions): RowTable {
  let rows: FormRow[] = [];
  let fixed: Child[] = [];
  const body = h("tbody");
  const add = h(
    "button",
    { type: "button", class: "button ghost small", "data-testid": `${opts.testid}-add`, onclick: () => addRow() },
    icon("plus"),
    `Add ${opts.noun}`,
  );
  const el = h(
    "div",
    { class: "row-table-wrap" },
    h(
      "table",
      { class: "row-table", "data-testid": `${opts.testid}-table` },
      h("thead", null, h("tr", null, h("th", { class: "col-on" }, h("span", { class: "visually-hidden" }, "Send")), h("th", null, "Name"), h("th", null, "Value"), h("th", { class: "col-x" }))),
      body,
    ),
    add,
  );

  function addRow(): void {
    rows.push(blankRow());
    render();
    opts.onChange(rows);
    body.querySelector<HTMLInputElement>(`tr:last-child [data-testid="${opts.testid}-name"]`)?.focus();
  }

  function rowEl(row: FormRow, index: number): HTMLTableRowElement {
    const on = h("input", { type: "checkbox", checked: row.enabled, "data-testid": `${opts.testid}-enabled`, "aria-label": `Send this ${opts.noun}` });
    const name = h("input", { type: "text", value: row.name, placeholder: opts.namePlaceholder, "aria-label": `${opts.noun} name`, "data-testid": `${opts.testid}-name`, spellcheck: "false", autocomplete: "off" });
    const value = h("input", { type: "text", value: row.value, placeholder: opts.valuePlaceholder, "aria-label": `${opts.noun} value`, "data-testid": `${opts.testid}-value`, spellcheck: "false", autocomplete: "off" });
    const tr = h(
      "tr",
      { "data-testid": `${opts.testid}-row`, class: row.enabled ? "" : "off" },
      h("td", { class: "col-on" }, on),
      h("td", null, name),
      h("td", null, value),
      h(
        "td",
        { class: "col-x" },
        h("button", {
          type: "button",
          class: "icon-button",
          "aria-label": `Remove this ${opts.noun}`,
          "data-testid": `${opts.testid}-remove`,
          onclick: () => {
            rows.splice(index, 1);
            render();
            opts.onChange(rows);
          },
        }, icon("x")),
      ),
    );
    on.addEventListener("change", () => {
      row.enabled = on.checked;
      tr.classList.toggle("off", !on.checked);
      opts.onChange(rows);
    });
    name.addEventListener("input", () => {
      row.name = name.value;
      opts.onChange(rows);
    });
    value.addEventListener("input", () => {
      row.value = value.value;
      opts.onChange(rows);
    });
    return tr;
  }

  function render(): void {
    replaceChildren(body, fixed, rows.map(rowEl));
    el.classList.toggle("empty", rows.length === 0 && fixed.length === 0);
  }

  render();
  return {
    el,
    set(next) {
      rows = next;
      render();
    },
    setFixed(next) {
      fixed = next;
      render();
    },
  };
}
