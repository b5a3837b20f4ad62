/**
 * The request log's retention, on the Settings page: 7, 30 (the default), 90 or 365 days, or
 * keep everything. Saving a shorter time purges older rows at once (in Rust, off the UI
 * thread); the app also purges daily in the background.
 */

import * as api from "../api";
import type { Settings } from "../bindings/Settings";
import { h, replaceChildren } from "../dom";
import { toast, toastError } from "../toast";

const CHOICES: Array<{ value: string; label: string }> = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days (default)" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "keep", label: "Keep everything" },
];

/** The select's value for a setting (an unusual number of days gets its own option). */
export function retentionValue(s: Settings): string {
  return s.logRetentionDays === null ? "keep" : String(s.logRetentionDays);
}

/** The setting for a select value. */
export function retentionFrom(value: string, current: Settings): Settings {
  return { ...current, logRetentionDays: value === "keep" ? null : Number(value) };
}

/** The card; loads the setting itself. */
export function retentionCard(): HTMLElement {
  const select = h("select", { class: "input", id: "log-retention", "data-testid": "log-retention", disabled: true });
  const note = h("p", { class: "muted small" }, "Rows older than this are deleted at start-up and daily; usage figures cover what is kept.");
  let current: Settings = { logRetentionDays: 30 };
  const fill = () => {
    const value = retentionValue(current);
    const options = CHOICES.some((c) => c.value === value) ? CHOICES : [...CHOICES, { value, label: `${value} days` }];
    replaceChildren(select, options.map((c) => h("option", { value: c.value, selected: c.value === value }, c.label)));
  };
  select.addEventListener("change", async () => {
    const next = retentionFrom(select.value, current);
    select.disabled = true;
    try {
      current = await api.saveSettings(next);
      toast("Request log retention saved", "success", next.logRetentionDays === null ? "Every request is kept." : `Requests older than ${next.logRetentionDays} days were deleted.`);
    } catch (err) {
      toastError("Could not save the setting", err);
    } finally {
      fill();
      select.disabled = false;
    }
  });
  void api
    .getSettings()
    .then((s) => ((current = s), fill(), (select.disabled = false)))
    .catch((err) => toastError("Could not read the settings", err));
  fill();
  return h("section", { class: "card", "data-testid": "retention-card" }, h("h2", null, "Request log"), h("label", { class: "field", for: "log-retention" }, h("span", { class: "field-label" }, "Keep requests for"), select), note);
}
