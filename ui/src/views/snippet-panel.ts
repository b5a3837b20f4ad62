/**
 * The request as code: cURL, TypeScript or Python from the backend's `snippet` command. By
 * default the secret comes from an environment variable and the code can be copied. "Include
 * secret inline" asks first, with a warning; while the secret is inline the Copy button is off
 * (the clipboard would keep it), any edit takes it out again, and it hides itself after a minute.
 */

import * as api from "../api";
import type { RequestDraft } from "../bindings/RequestDraft";
import type { SnippetLang } from "../bindings/SnippetLang";
import type { TokenView } from "../bindings/TokenView";
import { debounce, h, replaceChildren } from "../dom";
import { icon } from "../icons";
import { toast, toastError } from "../toast";
import { confirmInlineSecret } from "./tester-dialogs";

/** The three languages, with their tab labels and test-id suffixes. */
const LANGS: Array<{ lang: SnippetLang; label: string; id: string }> = [
  { lang: "curl", label: "cURL", id: "curl" },
  { lang: "typescript", label: "TypeScript", id: "ts" },
  { lang: "python", label: "Python", id: "python" },
];
const INLINE_MS = 60_000;

/** The mounted panel. */
export type SnippetPanel = {
  el: HTMLElement;
  /** The request changed: rewrites the code (and takes an inline secret out). */
  update(token: TokenView | undefined, draft: RequestDraft | undefined): void;
  dispose(): void;
};

/** Builds the snippet panel. */
export function snippetPanel(): SnippetPanel {
  let lang: SnippetLang = "curl";
  let token: TokenView | undefined;
  let draft: RequestDraft | undefined;
  let code = "";
  let inline = false;
  let inlineTimer: ReturnType<typeof setInterval> | undefined;
  let seq = 0;

  const pre = h("pre", { class: "snippet-code", "data-testid": "snippet-code", tabindex: "0" });
  const copy = h("button", { type: "button", class: "button small", "data-testid": "snippet-copy" }, icon("copy"), "Copy");
  const toggle = h("input", { type: "checkbox", "data-testid": "snippet-inline" });
  const inlineNote = h("span", { class: "inline-note", "data-testid": "snippet-inline-note", hidden: true });
  const tabs = LANGS.map((l) =>
    h("button", { type: "button", role: "tab", "aria-selected": String(l.lang === lang), "data-testid": `snippet-tab-${l.id}`, onclick: () => choose(l.lang) }, l.label),
  );
  const el = h(
    "section",
    { class: "panel snippets", "data-testid": "tester-snippets", "aria-label": "Code snippets" },
    h(
      "header",
      { class: "panel-head" },
      h("h2", null, "Code"),
      h("div", { class: "tabs snippet-tabs", role: "tablist", "aria-label": "Language" }, tabs),
      h("span", { class: "spacer" }),
      h("label", { class: "check inline-toggle", title: "Write the secret itself into the code (asks first)" }, toggle, h("span", null, "Include secret inline")),
      copy,
    ),
    inlineNote,
    pre,
  );

  function stopInline(): void {
    if (inlineTimer !== undefined) clearInterval(inlineTimer);
    inlineTimer = undefined;
    inline = false;
    toggle.checked = false;
    inlineNote.hidden = true;
    el.classList.remove("inline-secret");
    copy.disabled = !code;
    copy.title = "";
  }

  async function load(): Promise<void> {
    const mine = ++seq;
    if (!token || !draft || !draft.url) {
      code = "";
      replaceChildren(pre, h("span", { class: "muted" }, token ? "Pick an endpoint or type a URL to see it as code." : "Pick a token to see the request as code."));
      copy.disabled = true;
      return;
    }
    try {
      const text = await api.snippet(token.id, draft, lang, inline);
      if (mine !== seq) return;
      code = text;
      pre.textContent = text;
    } catch (err) {
      if (mine !== seq) return;
      code = "";
      replaceChildren(pre, h("span", { class: "muted" }, `No snippet yet: ${api.toApiError(err).message}`));
      if (inline) stopInline();
    }
    copy.disabled = !code || inline;
  }
  const reload = debounce(() => void load(), 250);

  function choose(next: SnippetLang): void {
    lang = next;
    for (const [i, b] of tabs.entries()) b.setAttribute("aria-selected", String(LANGS[i].lang === lang));
    void load();
  }

  toggle.addEventListener("change", async () => {
    if (!toggle.checked) {
      stopInline();
      return void load();
    }
    toggle.checked = false;
    if (!token || !(await confirmInlineSecret(token))) return;
    inline = true;
    toggle.checked = true;
    el.classList.add("inline-secret");
    copy.disabled = true;
    copy.title = "Copy is off while the secret is inline: the clipboard would keep it.";
    const until = Date.now() + INLINE_MS;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) {
        stopInline();
        void load();
        return;
      }
      inlineNote.hidden = false;
      inlineNote.textContent = `The secret is in this code. Copy is off; select the text yourself if you must. Hidden again in ${left} s or on any edit.`;
    };
    tick();
    inlineTimer = setInterval(tick, 1000);
    await load();
  });

  copy.addEventListener("click", async () => {
    if (!code || inline) return;
    try {
      await navigator.clipboard.writeText(code);
      toast(`Copied the ${LANGS.find((l) => l.lang === lang)?.label} snippet (no secret inside)`);
    } catch (err) {
      toastError("Could not copy the snippet", err);
    }
  });

  return {
    el,
    update(nextToken, nextDraft) {
      if (inline && (nextToken?.id !== token?.id || JSON.stringify(nextDraft) !== JSON.stringify(draft))) stopInline();
      token = nextToken;
      draft = nextDraft;
      reload();
    },
    dispose() {
      reload.cancel();
      stopInline();
      seq++;
    },
  };
}
