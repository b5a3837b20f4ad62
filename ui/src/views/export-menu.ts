/**
 * The Export menu: JSON or CSV of the inventory's metadata, offered as a download. Exports
 * never contain secrets (the backend has none to give), and the menu says so.
 */

import * as api from "../api";
import { h } from "../dom";
import { icon } from "../icons";
import { toast, toastError } from "../toast";

const FORMATS = [
  { format: "json", label: "JSON", type: "application/json" },
  { format: "csv", label: "CSV", type: "text/csv" },
] as const;

/** Saves `text` through a temporary blob link named `filename`. */
export function offerDownload(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The button and its menu. */
export function exportMenu(): HTMLElement {
  const menuId = "export-menu";
  const button = h("button", { type: "button", class: "button", "aria-haspopup": "menu", "aria-expanded": "false", "aria-controls": menuId, "data-testid": "export" }, icon("download"), "Export", icon("chevron", "chevron"));
  const items = FORMATS.map(({ format, label, type }) =>
    h("button", {
      type: "button",
      role: "menuitem",
      tabindex: "-1",
      "data-testid": `export-${format}`,
      onclick: async () => {
        close(true);
        try {
          const text = await api.exportInventory(format);
          const filename = `tokenbench-inventory.${format}`;
          offerDownload(text, filename, type);
          toast(`Exported ${filename}`, "success", "Metadata only: no secrets are exported.");
        } catch (err) {
          toastError("Export failed", err);
        }
      },
    }, `Export as ${label}`),
  );
  const menu = h("div", { class: "menu", id: menuId, role: "menu", "aria-label": "Export format", hidden: true }, items, h("p", { class: "menu-note" }, icon("lock"), "No secrets are exported — only the inventory’s metadata."));
  const wrap = h("div", { class: "menu-wrap" }, button, menu);

  function open(): void {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    items[0].focus();
    document.addEventListener("pointerdown", outside, true);
  }
  function close(refocus: boolean): void {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", outside, true);
    if (refocus) button.focus();
  }
  function outside(e: Event): void {
    if (!wrap.contains(e.target as Node)) close(false);
  }

  button.addEventListener("click", () => (menu.hidden ? open() : close(true)));
  button.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      open();
    }
  });
  menu.addEventListener("keydown", (e) => {
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[(index + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length].focus();
    } else if (e.key === "Tab") {
      close(false);
    }
  });
  return wrap;
}
