/**
 * The import dialog. Two ways in: pasted text and a file path. The backend decides what it got
 * by its content: an inventory export (JSON/CSV, metadata only) is imported at once and the
 * report shown; anything else (.env content, a JSON config, a message) is scanned, the backend
 * keeps the values, and the masked proposals are offered to pick from.
 */

import * as api from "../api";
import type { Environment } from "../bindings/Environment";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import type { ImportReport } from "../bindings/ImportReport";
import type { Proposal } from "../bindings/Proposal";
import type { ProposalChoice } from "../bindings/ProposalChoice";
import { h, replaceChildren } from "../dom";
import { ENVIRONMENT_LABEL, plural } from "../format";
import { icon } from "../icons";
import { shared } from "../state";
import { kindFor } from "../token-draft";
import { openDialog } from "./dialog";
import { isBlocking } from "./recognition";

type Tab = "paste" | "file";
const TABS: Array<[Tab, string]> = [
  ["paste", "Paste text, .env or an export"],
  ["file", "From file"],
];

/** One proposal row's controls. */
type Row = { proposal: Proposal; use: HTMLInputElement; name: HTMLInputElement; provider: HTMLSelectElement; environment: HTMLSelectElement };

/** Opens the dialog on `tab`; `changed()` runs after anything was added. */
export function openImportDialog(changed: () => void, tab: Tab = "paste"): void {
  const panels = new Map<Tab, HTMLElement>();
  const tabButtons = new Map<Tab, HTMLButtonElement>();
  const status = h("div", { class: "form-alert", role: "alert", hidden: true, "data-testid": "import-error" });
  const results = h("div", { class: "import-results", "data-testid": "import-results" });
  let rows: Row[] = [];
  const footerConfirm = h("button", { type: "button", class: "button primary", "data-testid": "confirm-import", hidden: true }, "Add selected");

  const fail = (err: unknown) => {
    status.textContent = api.toApiError(err).message;
    status.hidden = false;
  };
  const busy = async (button: HTMLButtonElement, work: () => Promise<void>) => {
    status.hidden = true;
    button.disabled = true;
    try {
      await work();
    } catch (err) {
      fail(err);
    } finally {
      button.disabled = false;
    }
  };

  // Paste / file: the backend imports an export, or scans and we choose.
  const show = (outcome: ImportOutcome) => (outcome.kind === "imported" ? showReport(outcome.report) : showProposals(outcome.proposals));
  const pasted = h("textarea", { rows: 8, spellcheck: "false", "data-testid": "import-text", placeholder: "PANDABASE_KEY=sk_live_…\nPIXLPAY_TOKEN=sk_test_…\n\nor a config or message with tokens in it, or a Tokenbench export (JSON/CSV)", "aria-label": "Text to import" });
  const scanBtn = h("button", { type: "button", class: "button", "data-testid": "scan" }, icon("search"), "Import");
  scanBtn.addEventListener("click", () => void busy(scanBtn, async () => show(await api.importText(pasted.value))));
  const path = h("input", { type: "text", spellcheck: "false", "data-testid": "import-path", placeholder: "/home/me/project/.env or tokenbench-inventory.json", "aria-label": "File path" });
  const scanFileBtn = h("button", { type: "button", class: "button", "data-testid": "scan-file" }, icon("search"), "Import file");
  scanFileBtn.addEventListener("click", () => void busy(scanFileBtn, async () => show(await api.importFile(path.value.trim()))));
  path.addEventListener("keydown", (e) => e.key === "Enter" && (e.preventDefault(), scanFileBtn.click()));

  panels.set("paste", h("div", null, h("p", { class: "muted small" }, "Paste a .env file, a config snippet or a message: tokens found are recognized by the app and never leave it, and you choose what to add. A Tokenbench export is added at once (it holds no secrets: use Replace secret on each imported token)."), pasted, h("div", { class: "row-end" }, scanBtn)));
  panels.set("file", h("div", null, h("p", { class: "muted small" }, "The app reads the file itself (a project's .env, or an export). Nothing is changed in the file."), h("div", { class: "input-row" }, path, scanFileBtn)));

  function showProposals(proposals: Proposal[]): void {
    rows = proposals.map(proposalRow);
    footerConfirm.hidden = rows.length === 0;
    updateConfirm();
    if (!rows.length) {
      replaceChildren(results, h("p", { class: "empty-inline" }, "No tokens found in this text. Tokenbench looks for KEY=value lines and known token shapes."));
      return;
    }
    replaceChildren(
      results,
      h("p", { class: "small" }, `Found ${plural(rows.length, "value")}. Choose what to add; names can be edited.`),
      h(
        "table",
        { class: "proposals", "data-testid": "proposals" },
        h("thead", null, h("tr", null, h("th", { class: "col-check" }, h("span", { class: "visually-hidden" }, "Add")), h("th", null, "Name"), h("th", null, "Provider"), h("th", null, "Env"), h("th", null, "Value"))),
        h("tbody", null, rows.map(renderRow)),
      ),
    );
  }

  function proposalRow(p: Proposal): Row {
    const best = p.recognition.candidates[0];
    const blocked = p.recognition.warnings.some((w) => isBlocking(w.code));
    const use = h("input", { type: "checkbox", checked: !blocked && best?.role !== "storeId" && best?.role !== "tokenId", "aria-label": `Add ${p.suggestedName}` });
    const name = h("input", { type: "text", value: p.suggestedName, "aria-label": "Name", spellcheck: "false" });
    const provider = h("select", { "aria-label": "Provider" }, shared.profiles.map((pr) => h("option", { value: pr.id, selected: pr.id === (best?.provider ?? "custom") }, pr.name)));
    const environment = h("select", { "aria-label": "Environment" }, (["live", "test"] as Environment[]).map((e) => h("option", { value: e, selected: e === (best?.environment ?? "live") }, ENVIRONMENT_LABEL[e])));
    for (const el of [use, name]) el.addEventListener("input", updateConfirm);
    return { proposal: p, use, name, provider, environment };
  }

  function renderRow(r: Row): HTMLElement[] {
    const p = r.proposal;
    const warnings = p.recognition.warnings;
    return [
      h(
        "tr",
        { "data-testid": "proposal", "data-proposal": p.proposalId },
        h("td", { class: "col-check" }, r.use),
        h("td", null, r.name, h("div", { class: "muted small" }, p.source)),
        h("td", null, r.provider),
        h("td", null, r.environment),
        h("td", null, h("code", { class: "masked" }, p.masked), p.tokenId ? h("div", { class: "muted small" }, `token ID ${p.tokenId}`) : null),
      ),
      warnings.length
        ? h("tr", { class: "proposal-warnings" }, h("td"), h("td", { colspan: "4" }, warnings.map((w) => h("div", { class: isBlocking(w.code) ? "warning warning-strong" : "warning" }, icon("alert"), w.message))))
        : [],
    ].flat();
  }

  function updateConfirm(): void {
    const chosen = rows.filter((r) => r.use.checked);
    footerConfirm.textContent = chosen.length ? `Add ${plural(chosen.length, "token")}` : "Add selected";
    footerConfirm.disabled = chosen.length === 0 || chosen.some((r) => !r.name.value.trim());
  }

  footerConfirm.addEventListener("click", () =>
    void busy(footerConfirm, async () => {
      const choices: ProposalChoice[] = rows
        .filter((r) => r.use.checked)
        .map((r) => {
          const profile = shared.profiles.find((p) => p.id === r.provider.value);
          const candidate = r.proposal.recognition.candidates.find((c) => c.provider === r.provider.value);
          const authMode = candidate?.authMode ?? profile?.authModes[0] ?? "bearer";
          return {
            proposalId: r.proposal.proposalId,
            token: {
              name: r.name.value.trim(),
              provider: r.provider.value,
              environment: r.environment.value as Environment,
              kind: kindFor(authMode, candidate?.kind),
              authMode,
              ...(r.proposal.tokenId ? { tokenId: r.proposal.tokenId } : {}),
              ...(r.proposal.storeId ? { storeId: r.proposal.storeId } : {}),
              scopes: [],
              tags: [],
              notes: `Imported from ${r.proposal.source}`,
              secret: "",
            },
          };
        });
      const report = await api.confirmProposals(choices);
      // The pasted text held the secrets; once they are in the keychain it has no reason to stay.
      pasted.value = "";
      showReport(report);
    }),
  );

  function showReport(report: ImportReport): void {
    rows = [];
    footerConfirm.hidden = true;
    if (report.added.length) changed();
    replaceChildren(
      results,
      h(
        "div",
        { class: "report", "data-testid": "import-report" },
        h("p", null, h("strong", null, report.added.length ? `Added ${plural(report.added.length, "token")}` : "Nothing was added"), report.skipped.length ? `, skipped ${report.skipped.length}` : "", "."),
        report.added.length ? h("ul", { class: "report-list" }, report.added.map((n) => h("li", null, icon("check"), n))) : null,
        report.skipped.length ? h("ul", { class: "report-list skipped" }, report.skipped.map((s) => h("li", null, icon("alert"), h("strong", null, s.name), ` — ${s.reason}`))) : null,
        report.warnings?.length ? h("ul", { class: "report-list", "data-testid": "import-warnings" }, report.warnings.map((w) => h("li", { class: "warning" }, icon("alert"), w))) : null,
      ),
    );
  }

  function select(next: Tab, focus = false): void {
    for (const [t, button] of tabButtons) {
      const on = t === next;
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
      panels.get(t)!.hidden = !on;
      if (on && focus) button.focus();
    }
    replaceChildren(results);
    rows = [];
    footerConfirm.hidden = true;
    status.hidden = true;
  }

  const tablist = h(
    "div",
    { class: "tabs", role: "tablist", "aria-label": "Import source" },
    TABS.map(([t, label]) => {
      const b = h("button", { type: "button", role: "tab", id: `import-tab-${t}`, "aria-controls": `import-panel-${t}`, "data-testid": `import-tab-${t}`, onclick: () => select(t) }, label);
      tabButtons.set(t, b);
      return b;
    }),
  );
  tablist.addEventListener("keydown", (e: KeyboardEvent) => {
    const order = TABS.map(([t]) => t);
    const current = order.findIndex((t) => tabButtons.get(t)?.getAttribute("aria-selected") === "true");
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    select(order[(current + delta + order.length) % order.length], true);
  });
  for (const [t, panel] of panels) {
    panel.id = `import-panel-${t}`;
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", `import-tab-${t}`);
    panel.classList.add("tab-panel");
  }

  select(tab);
  const dialog = openDialog({
    title: "Import tokens",
    subtitle: "Secrets found go straight to the OS keychain; nothing is written to disk.",
    testid: "import-dialog",
    size: "lg",
    body: [tablist, ...panels.values(), status, results],
    footer: [h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Close"), footerConfirm],
  });
}
