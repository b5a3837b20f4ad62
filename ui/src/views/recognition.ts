/**
 * Live feedback under a secret field: which providers the value looks like (as chips to pick
 * from, with confidence and reason), what environment and kind, warnings in plain words, and
 * the masked form it will be shown as. Asks the backend's `recognize`, debounced.
 */

import * as api from "../api";
import type { Candidate } from "../bindings/Candidate";
import type { Recognition } from "../bindings/Recognition";
import type { WarningCode } from "../bindings/WarningCode";
import { debounce, h, replaceChildren } from "../dom";
import { ENVIRONMENT_LABEL, KIND_LABEL } from "../format";
import { icon } from "../icons";

/** Warnings that mean "this value should not be saved as the secret". */
const BLOCKING: ReadonlySet<WarningCode> = new Set<WarningCode>(["empty", "lineBreak", "controlCharacter", "tooLong", "tokenIdAsSecret", "storeId"]);

/** How long typing must pause before the backend is asked. */
export const RECOGNIZE_DELAY_MS = 150;

/** What the panel reports to its form. */
export type RecognitionHandlers = {
  /** A candidate was chosen: by the user (`auto` false) or as the best guess (`auto` true). */
  pick(candidate: Candidate, auto: boolean): void;
  /** The user wants the value moved to the Token ID or Store ID field. */
  moveTo?(field: "tokenId" | "storeId"): void;
};

/** The panel element and its controls. */
export type RecognitionPanel = {
  el: HTMLElement;
  /** Call on every input; it debounces. `host` is the base URL's host, if any. */
  update(value: string, host?: string): void;
  /** Marks the chip of this provider as chosen. */
  select(provider: string): void;
  /** The latest result, if any. */
  latest(): Recognition | undefined;
  /** Stops pending calls (the dialog closed). */
  dispose(): void;
};

/** Builds the panel. */
export function recognitionPanel(handlers: RecognitionHandlers): RecognitionPanel {
  const el = h("div", { class: "recognition", "aria-live": "polite", "data-testid": "recognition" });
  let seq = 0;
  let result: Recognition | undefined;
  let selected = "";
  let disposed = false;

  const idle = () =>
    replaceChildren(el, h("p", { class: "muted small" }, "Paste the value: Tokenbench recognizes Pandabase, Pixlpay, PacSpace, Commerce and Shipped Suite keys."));

  const render = () => {
    if (!result) return idle();
    const chips = result.candidates.map((c) =>
      h(
        "button",
        {
          type: "button",
          class: "chip",
          "aria-pressed": String(c.provider === selected),
          "data-testid": "candidate",
          "data-provider": c.provider,
          title: c.reason,
          onclick: () => {
            selected = c.provider;
            handlers.pick(c, false);
            render();
          },
        },
        h("strong", null, c.providerName),
        h("span", { class: "chip-meta" }, [c.environment ? ENVIRONMENT_LABEL[c.environment] : null, KIND_LABEL[c.kind]].filter(Boolean).join(" · ")),
        h("span", { class: "chip-confidence", "aria-label": `confidence ${c.confidence} percent` }, `${c.confidence}%`),
      ),
    );
    const chosen = result.candidates.find((c) => c.provider === selected) ?? result.candidates[0];
    replaceChildren(
      el,
      chips.length
        ? h("div", { class: "recognition-row" }, h("span", { class: "recognition-label" }, "Looks like"), h("div", { class: "chips", role: "group", "aria-label": "Recognized providers" }, chips))
        : null,
      chosen ? h("p", { class: "muted small recognition-reason" }, chosen.reason) : null,
      result.warnings.length
        ? h(
            "ul",
            { class: "warnings", "data-testid": "recognition-warnings" },
            result.warnings.map((w) =>
              h(
                "li",
                { class: BLOCKING.has(w.code) ? "warning warning-strong" : "warning", "data-code": w.code },
                icon(BLOCKING.has(w.code) ? "alert" : "info"),
                h("span", null, w.message),
                w.code === "tokenIdAsSecret" && handlers.moveTo ? moveButton("Move to Token ID", () => handlers.moveTo?.("tokenId")) : null,
                w.code === "storeId" && handlers.moveTo ? moveButton("Move to Store ID", () => handlers.moveTo?.("storeId")) : null,
              ),
            ),
          )
        : null,
      result.masked
        ? h("p", { class: "masked-preview small" }, "Shown in the inventory as ", h("code", { "data-testid": "masked-preview" }, result.masked), result.publicId ? ` · public ID ${result.publicId}` : "")
        : null,
    );
  };

  const ask = debounce(async (value: string, host?: string) => {
    const mine = ++seq;
    try {
      const r = await api.recognize(value, host);
      if (mine !== seq || disposed) return;
      result = r;
      const best = r.candidates[0];
      if (best && !r.candidates.some((c) => c.provider === selected)) {
        selected = best.provider;
        handlers.pick(best, true);
      }
      render();
    } catch (err) {
      if (mine !== seq || disposed) return;
      result = undefined;
      replaceChildren(el, h("p", { class: "field-error" }, `Could not check the value: ${err instanceof Error ? err.message : String(err)}`));
    }
  }, RECOGNIZE_DELAY_MS);

  idle();
  return {
    el,
    update(value, host) {
      if (!value.trim()) {
        ask.cancel();
        seq++;
        result = undefined;
        idle();
        return;
      }
      ask(value, host);
    },
    select(provider) {
      selected = provider;
      if (result) render();
    },
    latest: () => result,
    dispose() {
      disposed = true;
      ask.cancel();
    },
  };
}

function moveButton(label: string, onclick: () => void): HTMLButtonElement {
  return h("button", { type: "button", class: "link-button", onclick }, label);
}

/** True when a warning means the value must not be stored as the secret. */
export function isBlocking(code: WarningCode): boolean {
  return BLOCKING.has(code);
}
