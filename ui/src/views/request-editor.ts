/**
 * The request editor: method and URL (with `{variables}` highlighted), one input per variable
 * (the token's own `storeId`/`tokenId` shown prefilled and read-only until overridden), the
 * query and header tables, and the JSON body. It owns an `EditorState` and reports every change.
 */

import type { FormRow } from "../bindings/FormRow";
import type { TokenView } from "../bindings/TokenView";
import { h, replaceChildren } from "../dom";
import { AUTH_MODE_LABEL } from "../format";
import { icon } from "../icons";
import { blankEditor, type EditorState, METHODS, missingVars, splitTemplate, templateVars, TOKEN_VAR_LABEL, tokenVar } from "../request-draft";
import { bodyEditor } from "./body-editor";
import { rowTable } from "./row-table";

/** The mounted editor: `bar` (method, URL, the given send button), `vars` and `sections` go where the tester puts them. */
export type RequestEditor = {
  bar: HTMLElement;
  vars: HTMLElement;
  sections: HTMLElement;
  state(): EditorState;
  set(state: EditorState): void;
  setToken(token: TokenView | undefined): void;
  focusUrl(): void;
};

/** The header names the token's auth mode adds itself (shown as a fixed row). */
function authHeaders(token: TokenView): Array<[string, string]> {
  switch (token.authMode) {
    case "bearer":
      return [["Authorization", "Bearer ‹secret›"]];
    case "hmac":
      return [["Authorization", `Bearer ${token.tokenId ?? "stk_…"}`], ["X-Signature", "HMAC-SHA256 of the body"]];
    case "apiKey":
      return [[token.authHeader || "X-Api-Key", "‹secret›"]];
    case "raw":
      return [["Authorization", "‹secret› (no scheme)"]];
    case "custom":
      return [[token.authHeader || "Authorization", `${token.authPrefix ?? ""}‹secret›`]];
    case "none":
      return [];
  }
}

/** Builds the editor; `onChange` runs after every edit with the current state. */
export function requestEditor(sendButton: HTMLElement, onChange: (state: EditorState) => void): RequestEditor {
  let state = blankEditor();
  let token: TokenView | undefined;
  const overridden = new Set<string>();
  const changed = () => {
    counts();
    onChange(state);
  };

  const method = h("select", { class: "method-select", "data-testid": "tester-method", "aria-label": "Method" }, METHODS.map((m) => h("option", { value: m }, m)));
  const url = h("input", {
    type: "text",
    class: "url-input",
    "data-testid": "tester-url",
    "aria-label": "URL: a path like /v1/store/products or a full https:// URL; {variables} are filled below",
    placeholder: "/v2/core/stores/{storeId}/products  or  https://…",
    spellcheck: "false",
    autocomplete: "off",
  });
  const mirror = h("div", { class: "url-mirror", "aria-hidden": "true" });
  const bar = h("div", { class: "request-bar" }, method, h("div", { class: "url-field" }, mirror, url), sendButton);
  const vars = h("div", { class: "vars-row", "data-testid": "tester-vars" });

  const query = rowTable({ testid: "query", noun: "parameter", namePlaceholder: "page", valuePlaceholder: "1", onChange: (rows) => ((state.query = rows), changed()) });
  const headers = rowTable({ testid: "headers", noun: "header", namePlaceholder: "X-Request-Id", valuePlaceholder: "value", onChange: (rows) => ((state.headers = rows), changed()) });
  const body = bodyEditor((text) => ((state.body = text), changed()));
  const queryCount = h("span", { class: "section-meta" });
  const headerCount = h("span", { class: "section-meta" });
  const sections = h(
    "div",
    { class: "editor-sections" },
    h("section", { class: "editor-section", "aria-label": "Query parameters" }, h("div", { class: "section-head" }, h("h3", null, "Query"), queryCount), query.el),
    h("section", { class: "editor-section", "aria-label": "Headers" }, h("div", { class: "section-head" }, h("h3", null, "Headers"), headerCount), headers.el),
    body.el,
  );

  function paintUrl(): void {
    const missing = new Set(missingVars(state, token));
    replaceChildren(
      mirror,
      splitTemplate(url.value).map((p) => (p.variable ? h("span", { class: `url-var${missing.has(p.variable) ? " missing" : ""}` }, p.text) : p.text)),
    );
    mirror.scrollLeft = url.scrollLeft;
  }

  function counts(): void {
    const on = (rows: FormRow[]) => rows.filter((r) => r.enabled && r.name.trim()).length;
    queryCount.textContent = state.query.length ? `${on(state.query)} of ${state.query.length} sent` : "";
    headerCount.textContent = token && token.authMode !== "none" ? `auth added from the token${state.headers.length ? ` · ${on(state.headers)} of ${state.headers.length} sent` : ""}` : "";
  }

  function renderVars(): void {
    const names = templateVars(state.url);
    vars.hidden = names.length === 0;
    replaceChildren(
      vars,
      h("span", { class: "vars-label" }, "Variables"),
      names.map((name) => {
        const own = tokenVar(token, name);
        const typed = state.vars[name] ?? "";
        const locked = Boolean(own) && !typed && !overridden.has(name);
        const input = h("input", {
          type: "text",
          class: `var-input${locked ? " from-token" : ""}`,
          "data-testid": `tester-var-${name}`,
          value: locked ? own : typed,
          readonly: locked,
          placeholder: own ?? "required",
          spellcheck: "false",
          autocomplete: "off",
          "aria-label": `Value of {${name}}`,
          title: locked ? `Filled from ${TOKEN_VAR_LABEL[name] ?? "the token"}; press Override to send another value` : undefined,
        });
        input.addEventListener("input", () => {
          state.vars[name] = input.value;
          input.classList.toggle("missing", !input.value.trim() && !own);
          paintUrl();
          changed();
        });
        input.classList.toggle("missing", !locked && !typed.trim() && !own);
        const toggle = own
          ? h(
              "button",
              {
                type: "button",
                class: "var-action",
                "data-testid": `tester-var-${name}-${locked ? "override" : "reset"}`,
                title: locked ? "Send another value instead of the token's" : `Use ${TOKEN_VAR_LABEL[name] ?? "the token's value"} (${own})`,
                onclick: () => {
                  if (locked) overridden.add(name);
                  else {
                    overridden.delete(name);
                    delete state.vars[name];
                    changed();
                  }
                  renderVars();
                  paintUrl();
                  if (locked) vars.querySelector<HTMLInputElement>(`[data-testid="tester-var-${name}"]`)?.select();
                },
              },
              locked ? icon("edit") : icon("rotate"),
              h("span", null, locked ? "Override" : "Token's"),
            )
          : null;
        return h("label", { class: `var${locked ? " locked" : ""}` }, h("code", { class: "var-name" }, `{${name}}`), input, locked ? h("span", { class: "var-source" }, "from token") : null, toggle);
      }),
    );
  }

  function renderAuthRows(): void {
    headers.setFixed(
      token
        ? authHeaders(token).map(([name, value]) =>
            h(
              "tr",
              { class: "fixed", title: `Added by Tokenbench from the token (${AUTH_MODE_LABEL[token!.authMode]}); the preview shows the exact value, masked` },
              h("td", { class: "col-on" }, icon("lock")),
              h("td", null, h("span", { class: "fixed-cell" }, name)),
              h("td", null, h("span", { class: "fixed-cell muted" }, value)),
              h("td", { class: "col-x" }),
            ),
          )
        : [],
    );
  }

  method.addEventListener("change", () => {
    state.method = method.value;
    body.setMethod(state.method, token?.authMode === "hmac");
    changed();
  });
  url.addEventListener("input", () => {
    const before = templateVars(state.url).join();
    state.url = url.value;
    paintUrl();
    if (templateVars(state.url).join() !== before) renderVars();
    changed();
  });
  for (const ev of ["scroll", "keyup", "select", "focus", "blur"]) url.addEventListener(ev, () => (mirror.scrollLeft = url.scrollLeft));

  function fill(): void {
    if (!METHODS.includes(state.method as (typeof METHODS)[number])) method.append(h("option", { value: state.method }, state.method));
    method.value = state.method;
    url.value = state.url;
    query.set(state.query);
    headers.set(state.headers);
    body.set(state.body);
    body.setMethod(state.method, token?.authMode === "hmac");
    paintUrl();
    renderVars();
    counts();
  }

  fill();
  return {
    bar,
    vars,
    sections,
    state: () => state,
    set(next) {
      state = next;
      overridden.clear();
      fill();
    },
    setToken(next) {
      token = next;
      renderAuthRows();
      body.setMethod(state.method, token?.authMode === "hmac");
      paintUrl();
      renderVars();
      counts();
    },
    focusUrl: () => url.focus(),
  };
}
