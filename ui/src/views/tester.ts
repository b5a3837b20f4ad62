/**
 * The request tester: pick a vault token and an endpoint of its provider, edit the request,
 * watch the exact request (and the HMAC signature) update as you type, send it with the
 * guardrails' questions answered, and read the response with the backend's diagnosis. With no
 * usable token yet, the page is an onboarding: start the sandbox, create a sandbox token, send.
 *
 * This file wires the parts together; each part lives in its own module. The draft and the
 * last response survive leaving the page (in memory only, never on disk).
 */

import "../tester.css";
import * as api from "../api";
import type { ConfirmationKind } from "../bindings/ConfirmationKind";
import type { CurlImport } from "../bindings/CurlImport";
import type { Endpoint } from "../bindings/Endpoint";
import type { Prepared } from "../bindings/Prepared";
import type { SendResult } from "../bindings/SendResult";
import type { TokenView } from "../bindings/TokenView";
import { debounce, h, replaceChildren } from "../dom";
import { icon } from "../icons";
import { blankEditor, displayPath, type EditorState, editorFromEndpoint, fromDraft, templateVars, toDraft } from "../request-draft";
import { profileById, shared } from "../state";
import { toast, toastError } from "../toast";
import { openCurlImport } from "./curl-import";
import { dialogOpen } from "./dialog";
import { requestEditor } from "./request-editor";
import { requestPreview } from "./request-preview";
import { responsePanel } from "./response-panel";
import { openSignatureVerifier } from "./signature-verifier";
import { snippetPanel } from "./snippet-panel";
import { confirmSend, promptSaveName } from "./tester-dialogs";
import { historyLists, type Reopen } from "./tester-history";
import { sandboxCard } from "./tester-sandbox";
import { tokenPicker } from "./tester-token";

/** The mounted tester, as `main.ts` drives it. */
export type TesterView = { el: HTMLElement; dispose(): void };

const memory: { tokenId?: string; editor?: EditorState; result?: { result: SendResult; at: number } } = {};

/** Makes `tokenId` the tester's token the next time it opens ("Test" in the token's details). */
export function testWith(tokenId: string): void {
  memory.tokenId = tokenId;
}

/** Mounts the request tester. */
export function testerView(): TesterView {
  let tokens: TokenView[] = [];
  let token: TokenView | undefined;
  let prepared: Prepared | undefined;
  let sending = false;
  let seq = 0;
  let disposed = false;

  const sendButton = h("button", { type: "button", class: "button primary send-button", "data-testid": "tester-send", title: "Send (Ctrl+Enter / ⌘+Enter)", onclick: () => void send() }, icon("send"), "Send");
  const editor = requestEditor(sendButton, edited);
  const preview = requestPreview();
  const response = responsePanel(() => void send());
  const snippets = snippetPanel();
  const picker = tokenPicker((id) => selectToken(id), useEndpoint);
  const sandbox = sandboxCard(() => shared.profiles, (t) => void loadTokens(t.id));
  const history = historyLists(openDraft);
  const body = h("div", { class: "tester-body" }, h("div", { class: "loading" }, "Loading tokens…"));
  const saveButton = h("button", { type: "button", class: "button", "data-testid": "save-request", onclick: () => void save() }, "Save");

  const el = h(
    "section",
    { class: "view tester", "aria-labelledby": "tester-title" },
    h(
      "header",
      { class: "view-header" },
      h("div", { class: "view-title" }, h("h1", { id: "tester-title" }, "Request tester"), h("span", { class: "count" }, "secrets stay in the keychain; the preview shows them masked")),
      h(
        "div",
        { class: "view-actions" },
        h("button", { type: "button", class: "button", "data-testid": "import-curl", onclick: () => openCurlImport(imported) }, icon("upload"), "Import cURL"),
        h("button", { type: "button", class: "button", "data-testid": "verify-open", onclick: verify }, icon("check"), "Verify signature"),
        saveButton,
      ),
    ),
    body,
  );
  // The left column scrolls (token, endpoints, history), but the sandbox card sits pinned at its
  // foot: however tall the token card grows, "Create sandbox token" stays in sight.
  const sideScroll = h("div", { class: "tester-side-scroll" });
  const sideFoot = h("div", { class: "tester-side-foot" });
  const side = h("aside", { class: "tester-side", "aria-label": "Token, endpoints, sandbox and history" }, sideScroll, sideFoot);
  const work = h(
    "div",
    { class: "tester-work" },
    editor.bar,
    editor.vars,
    h("div", { class: "tester-grid" }, h("div", { class: "panel editor-panel", "aria-label": "Request" }, editor.sections), preview.el),
    response.el,
    snippets.el,
  );

  function layout(): void {
    const usable = tokens.some((t) => t.status !== "revoked");
    saveButton.hidden = !usable;
    if (!usable) {
      replaceChildren(
        body,
        h(
          "div",
          { class: "empty-state tester-empty", "data-testid": "tester-empty" },
          h("div", { class: "empty-icon" }, icon("send")),
          h("h2", null, tokens.length ? "None of your tokens can send" : "Try a request in a minute, offline"),
          h("p", null, "The tester sends requests with a token from your vault: it adds the auth header (or the HMAC signature), shows the exact request first, and explains failures. No real account is needed to try it:"),
          h(
            "ol",
            { class: "steps" },
            h("li", null, h("strong", null, "Start the sandbox"), " — a local fake of Pandabase, Pixlpay, PacSpace, Commerce and Shipped on 127.0.0.1."),
            h("li", null, h("strong", null, "Create a sandbox token"), " — a random secret of the provider's shape, kept in your keychain, that only works there."),
            h("li", null, h("strong", null, "Pick an endpoint and press Send"), " — then break things on purpose: leave out a scope to see a 403, send quickly to see a 429."),
          ),
          sandbox.el,
          h("p", { class: "muted small" }, "Have a real token? Add it in the ", h("a", { href: "#/inventory" }, "Inventory"), " and come back."),
        ),
      );
      return;
    }
    replaceChildren(sideScroll, picker.picker, picker.catalogue, history.el);
    replaceChildren(sideFoot, sandbox.el);
    if (!body.contains(work)) replaceChildren(body, side, work);
  }

  async function loadTokens(select?: string): Promise<void> {
    try {
      tokens = await api.listTokens({ sort: "name" });
    } catch (err) {
      const e = api.toApiError(err);
      replaceChildren(body, h("div", { class: "empty-inline", role: "alert" }, h("p", null, h("strong", null, "The tokens could not be loaded.")), h("p", null, e.message), h("button", { type: "button", class: "button", onclick: () => void loadTokens() }, "Try again")));
      return;
    }
    if (disposed) return;
    layout();
    const usable = (id?: string) => tokens.find((t) => t.id === id && t.status !== "revoked");
    const next = usable(select) ?? usable(token?.id) ?? usable(memory.tokenId) ?? tokens.find((t) => t.status === "active") ?? tokens.find((t) => t.status !== "revoked");
    selectToken(next?.id);
  }

  function selectToken(id: string | undefined): void {
    token = tokens.find((t) => t.id === id);
    memory.tokenId = token?.id;
    const profile = token ? profileById(token.provider) : undefined;
    picker.render(tokens, token, profile);
    editor.setToken(token);
    // A new user's first token: start from its first endpoint rather than an empty URL.
    const first = profile?.endpoints[0];
    if (token && first && !editor.state().url.trim()) useEndpoint(first);
    picker.markEndpoint(editor.state().endpointId);
    refresh();
  }

  function useEndpoint(e: Endpoint): void {
    const before = editor.state();
    const next = editorFromEndpoint(e);
    // Values typed for variables the new path also has ({id}, {customerId}) carry over.
    for (const name of templateVars(next.url)) if (before.vars[name]) next.vars[name] = before.vars[name];
    editor.set(next);
    picker.markEndpoint(e.id);
    edited(next);
  }

  function edited(state: EditorState): void {
    const endpoint = token ? profileById(token.provider)?.endpoints.find((e) => e.id === state.endpointId) : undefined;
    if (state.endpointId && (!endpoint || endpoint.path !== state.url.trim() || endpoint.method.toUpperCase() !== state.method.toUpperCase())) {
      delete state.endpointId;
      picker.markEndpoint(undefined);
    }
    memory.editor = state;
    refresh();
  }

  const prepare = debounce(async () => {
    const mine = ++seq;
    const state = editor.state();
    if (!token) return preview.idle("Pick a token to see the exact request.");
    if (!state.url.trim()) return preview.idle(h("span", null, "Pick an endpoint on the left, type a path (", h("code", null, "/v1/store/products"), ") or a full URL, or ", h("strong", null, "Import cURL"), "."));
    try {
      const p = await api.prepareRequest(token.id, toDraft(state), { confirmed: [] });
      if (mine !== seq || disposed) return;
      prepared = p;
      preview.show(p);
    } catch (err) {
      if (mine !== seq || disposed) return;
      prepared = undefined;
      preview.error(api.toApiError(err));
    }
  }, 200);

  function refresh(): void {
    const state = editor.state();
    if (token && state.url.trim()) preview.pending();
    prepare();
    snippets.update(token, state.url.trim() ? toDraft(state) : undefined);
    sendButton.disabled = !token || sending;
  }

  async function send(): Promise<void> {
    const t = token;
    if (!t || sending) return;
    const state = editor.state();
    if (!state.url.trim()) {
      editor.focusUrl();
      toast("Pick an endpoint or type a URL first", "info");
      return;
    }
    const draft = toDraft(state);
    sending = true;
    sendButton.disabled = true;
    try {
      const p = await api.prepareRequest(t.id, draft, { confirmed: [] });
      let confirmed: ConfirmationKind[] = [];
      if (p.confirmations.length) {
        if (!(await confirmSend(p.confirmations, t, `${p.method} ${displayPath(p.url)}`))) return;
        confirmed = p.confirmations.map((c) => c.kind);
      }
      response.sending();
      const result = await api.sendRequest(t.id, draft, { confirmed });
      memory.result = { result, at: Date.now() };
      if (disposed) return;
      response.show(result, memory.result.at);
    } catch (err) {
      if (!disposed) response.error(api.toApiError(err));
    } finally {
      sending = false;
      sendButton.disabled = !token;
      if (!disposed) {
        response.el.scrollIntoView({ block: "start", behavior: "smooth" });
        void history.load();
      }
    }
  }

  function openDraft(item: Reopen): void {
    const wanted = item.tokenId ? tokens.find((t) => t.id === item.tokenId) : undefined;
    editor.set(fromDraft(item.draft));
    memory.editor = editor.state();
    if (wanted && wanted.status !== "revoked") selectToken(wanted.id);
    else {
      if (item.tokenId) toast(`Its token is ${wanted ? "revoked" : "gone"}: kept '${token?.name ?? "none"}'`, "info");
      picker.markEndpoint(editor.state().endpointId);
      refresh();
    }
  }

  function imported(result: CurlImport): void {
    editor.set(fromDraft(result.draft));
    memory.editor = editor.state();
    // A public stk_ token id in the command points at the vault's HMAC token with that id.
    const stk = result.found.map((c) => c.tokenId).find(Boolean);
    const match = stk ? tokens.find((t) => t.tokenId === stk && t.status !== "revoked") : undefined;
    if (match) {
      selectToken(match.id);
      toast(`Picked '${match.name}': the command's token ID is this vault token's`, "info");
    } else refresh();
  }

  function verify(): void {
    openSignatureVerifier({ body: prepared?.hmac?.signedText, pick: (id) => selectToken(id) });
  }

  async function save(): Promise<void> {
    const state = editor.state();
    if (!state.url.trim()) return void toast("Nothing to save yet: pick an endpoint or type a URL", "info");
    const endpoint = token ? profileById(token.provider)?.endpoints.find((e) => e.id === state.endpointId) : undefined;
    const name = await promptSaveName(endpoint?.name ?? `${state.method} ${displayPath(state.url)}`, history.saved().map((s) => s.name));
    if (!name) return;
    try {
      await api.saveRequest(name, toDraft(state), token?.id);
      toast(`Saved '${name}'`);
      await history.load();
    } catch (err) {
      toastError("Could not save the request", err);
    }
  }

  function onKey(ev: KeyboardEvent): void {
    if (ev.key !== "Enter" || !(ev.ctrlKey || ev.metaKey) || ev.altKey || dialogOpen()) return;
    ev.preventDefault();
    void send();
  }
  document.addEventListener("keydown", onKey);

  editor.set(memory.editor ?? blankEditor());
  if (memory.result) response.show(memory.result.result, memory.result.at);
  else response.idle();
  void Promise.all([sandbox.load(), history.load()]).catch(() => undefined);
  void loadTokens();

  return {
    el,
    dispose() {
      disposed = true;
      document.removeEventListener("keydown", onKey);
      prepare.cancel();
      response.dispose();
      snippets.dispose();
    },
  };
}
