/**
 * The create / edit token dialog. Creating asks for the secret (with live recognition that
 * pre-fills provider, environment and auth mode); editing changes metadata only. Checks run
 * at the field before saving; the backend's answer is shown at the field it concerns or at
 * the top.
 */

import * as api from "../api";
import type { AuthMode } from "../bindings/AuthMode";
import type { Environment } from "../bindings/Environment";
import type { Profile } from "../bindings/Profile";
import type { TokenKind } from "../bindings/TokenKind";
import type { TokenView } from "../bindings/TokenView";
import { h, replaceChildren } from "../dom";
import { AUTH_MODE_HINT, AUTH_MODE_LABEL, ENVIRONMENT_LABEL, KIND_LABEL } from "../format";
import { icon } from "../icons";
import { keychainUsable, shared } from "../state";
import { toast } from "../toast";
import { blankValues, type FormValues, kindFor, toNewToken, toPatch, valuesFromToken, withCandidate, withProvider } from "../token-draft";
import { type FieldName, MAX_RATE_LIMIT, validateToken } from "../validation";
import { field, fieldset, openDialog } from "./dialog";
import { recognitionPanel } from "./recognition";

/** Opens the dialog; `token` = edit it, absent = create. `onSaved` gets the stored view. */
export function openTokenForm(opts: { token?: TokenView; taken: readonly string[]; onSaved(token: TokenView): void }): void {
  const editing = opts.token;
  const profiles = shared.profiles;
  const profileOf = (id: string) => profiles.find((p) => p.id === id);
  let values: FormValues = editing ? valuesFromToken(editing) : blankValues(profiles[0]);
  let providerTouched = Boolean(editing);
  const taken = opts.taken.filter((n) => n !== editing?.name);

  const input = (testid: string, attrs: Record<string, string | boolean> = {}) =>
    h("input", { type: "text", autocomplete: "off", spellcheck: "false", "data-testid": testid, ...attrs });
  const select = (testid: string) => h("select", { "data-testid": testid });
  const fill = (el: HTMLSelectElement, options: Array<[string, string]>, value: string) => {
    replaceChildren(el, options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)));
    el.value = value;
  };

  // Controls
  const name = input("field-name", { placeholder: "e.g. Storefront sync", maxlength: "100" });
  const secret = input("field-secret", { type: "password", placeholder: "Paste the token value", autocapitalize: "off" });
  const showSecret = h("button", { type: "button", class: "icon-button input-addon", "aria-label": "Show value while typing", "aria-pressed": "false" }, icon("eye"));
  const provider = select("field-provider");
  const environment = select("field-environment");
  const kind = select("field-kind");
  const mode = select("field-mode");
  const authHeader = input("field-auth-header", { placeholder: "X-Api-Key" });
  const authPrefix = input("field-auth-prefix", { placeholder: "Token " });
  const tokenId = input("field-token-id", { placeholder: "stk_…" });
  const storeId = input("field-store-id", { placeholder: "shp_…" });
  const baseUrl = input("field-base-url", { type: "url", placeholder: "https://" });
  const scopesBox = h("div", { class: "scopes", "data-testid": "field-scopes" });
  const rateLimit = input("field-rate-limit", { type: "number", min: "1", max: String(MAX_RATE_LIMIT), step: "1", inputmode: "numeric" });
  const expires = input("field-expires", { type: "date" });
  const rotationDays = input("field-rotation-days", { type: "number", min: "1", step: "1", inputmode: "numeric" });
  const tags = input("field-tags", { placeholder: "ci, storefront" });
  const notes = h("textarea", { rows: 2, "data-testid": "field-notes", placeholder: "Where it is used, who owns it" });
  const confirmWrites = h("input", { type: "checkbox", "data-testid": "field-confirm-writes" });
  const confirmForeign = h("input", { type: "checkbox", "data-testid": "field-confirm-foreign-host" });

  const F = {
    name: field("Name", name),
    secret: field("Secret", h("div", { class: "input-group" }, secret, showSecret), { hint: "Stored only in the OS keychain.", input: secret }),
    provider: field("Provider", provider),
    environment: field("Environment", environment),
    kind: field("Key type", kind),
    authMode: field("Auth mode", mode, { hint: "" }),
    authHeader: field("Header name", authHeader),
    authPrefix: field("Value prefix", authPrefix),
    tokenId: field("Token ID", tokenId, { hint: "The public stk_… ID sent in Authorization; not a secret." }),
    storeId: field("Store ID", storeId),
    baseUrl: field("Base URL", baseUrl, { hint: "", wide: true }),
    rateLimit: field("Rate limit (requests/min)", rateLimit),
    rotationDays: field("Rotate every (days)", rotationDays),
    expires: field("Expires", expires, { hint: "Empty = never expires." }),
    tags: field("Tags", tags, { hint: "Separate with commas or spaces." }),
    notes: field("Notes", notes, { wide: true }),
  };
  const scopesRow = h("div", { class: "field field-wide" });
  const topError = h("div", { class: "form-alert", role: "alert", hidden: true, "data-testid": "form-error" });

  const recognition = editing
    ? undefined
    : recognitionPanel({
        pick(c, auto) {
          if (auto && providerTouched) return;
          values = withCandidate(read(), c, profiles);
          if (!auto) providerTouched = true;
          write();
        },
        moveTo(target) {
          values = read();
          values[target] = (values.secret ?? "").trim();
          values.secret = "";
          if (target === "tokenId" && profileOf(values.provider)?.authModes.includes("hmac")) values.authMode = "hmac";
          write();
          recognition?.update("");
          secret.focus();
        },
      });

  const hostOf = (url: string) => {
    try {
      return new URL(url).hostname || undefined;
    } catch {
      return undefined;
    }
  };

  /** Reads every control into `values`. */
  function read(): FormValues {
    return {
      ...values,
      name: name.value,
      secret: editing ? undefined : secret.value,
      provider: provider.value,
      environment: environment.value as Environment,
      kind: kind.value as TokenKind,
      authMode: mode.value as AuthMode,
      authHeader: authHeader.value,
      authPrefix: authPrefix.value,
      tokenId: tokenId.value,
      storeId: storeId.value,
      baseUrl: baseUrl.value,
      scopes: scopesBox.dataset.mode === "list"
        ? [...scopesBox.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].map((c) => c.value)
        : (scopesBox.querySelector<HTMLInputElement>("input")?.value ?? "").split(/[,\s]+/).filter(Boolean),
      rateLimit: rateLimit.value,
      expires: expires.value,
      rotationDays: rotationDays.value,
      tags: tags.value,
      notes: notes.value,
      confirmWrites: confirmWrites.checked,
      confirmForeignHost: confirmForeign.checked,
    };
  }

  /** Writes `values` into the controls and shows the fields the provider and mode need. */
  function write(): void {
    const profile = profileOf(values.provider);
    values.kind = kindFor(values.authMode, values.kind);
    name.value = values.name;
    if (!editing) secret.value = values.secret ?? "";
    fill(provider, profiles.map((p) => [p.id, p.name]), values.provider);
    const envs = (profile ? (Object.keys(profile.environments) as Environment[]) : ["live", "test"]) as Environment[];
    fill(environment, (["live", "test"] as Environment[]).filter((e) => envs.includes(e) || e === values.environment).map((e) => [e, ENVIRONMENT_LABEL[e]]), values.environment);
    fill(kind, (Object.keys(KIND_LABEL) as TokenKind[]).map((k) => [k, KIND_LABEL[k]]), values.kind);
    kind.disabled = values.authMode === "hmac";
    const modes = profile?.authModes ?? ["bearer"];
    fill(mode, [...new Set([...modes, values.authMode])].map((m) => [m, AUTH_MODE_LABEL[m]]), values.authMode);
    if (F.authMode.hint) F.authMode.hint.textContent = AUTH_MODE_HINT[values.authMode];
    authHeader.value = values.authHeader;
    authHeader.placeholder = values.authMode === "apiKey" ? (profile?.authHeader ?? "X-Api-Key") : "Authorization";
    authPrefix.value = values.authPrefix;
    tokenId.value = values.tokenId;
    storeId.value = values.storeId;
    storeId.placeholder = profile?.storeIdPattern?.startsWith("^shp_") ? "shp_…" : "";
    baseUrl.value = values.baseUrl;
    const envSpec = profile?.environments[values.environment];
    baseUrl.placeholder = envSpec?.baseUrl ?? "https://";
    if (F.baseUrl.hint) F.baseUrl.hint.textContent = envSpec?.baseUrl ? `Empty = ${envSpec.baseUrl}.${envSpec.note ? ` ${envSpec.note}` : ""}` : envSpec?.note || "Where this token's API lives.";
    rateLimit.value = values.rateLimit;
    rateLimit.max = String(Math.min(MAX_RATE_LIMIT, profile?.rateLimit.max ?? MAX_RATE_LIMIT));
    rotationDays.value = values.rotationDays;
    expires.value = values.expires;
    tags.value = values.tags;
    notes.value = values.notes;
    confirmWrites.checked = values.confirmWrites;
    confirmForeign.checked = values.confirmForeignHost;
    F.authHeader.row.hidden = values.authMode !== "apiKey" && values.authMode !== "custom";
    F.authPrefix.row.hidden = values.authMode !== "custom";
    F.tokenId.row.hidden = values.authMode !== "hmac" && !values.tokenId;
    F.storeId.row.hidden = !profile?.storeIdPattern && !values.storeId && values.provider !== "custom";
    renderScopes(profile);
    recognition?.select(values.provider);
  }

  function renderScopes(profile: Profile | undefined): void {
    const vocabulary = profile?.scopes ?? [];
    scopesBox.dataset.mode = vocabulary.length ? "list" : "free";
    if (vocabulary.length) {
      replaceChildren(
        scopesBox,
        vocabulary.map((s) => h("label", { class: "check" }, h("input", { type: "checkbox", value: s, checked: values.scopes.includes(s) }), h("span", null, s))),
      );
      replaceChildren(scopesRow, fieldset(`Scopes (${profile?.name ?? ""})`, scopesBox));
    } else {
      const free = h("input", { type: "text", value: values.scopes.join(", "), placeholder: "Free text, comma separated", "aria-label": "Scopes" });
      replaceChildren(scopesBox, free);
      replaceChildren(scopesRow, h("label", null, "Scopes"), scopesBox, h("div", { class: "field-hint" }, "This provider has no fixed scope list: note what the token may do."));
    }
  }

  function showErrors(errors: Partial<Record<FieldName, string>>): boolean {
    for (const [key, f] of Object.entries(F)) f.setError(errors[key as FieldName]);
    const first = (Object.keys(F) as Array<keyof typeof F>).find((k) => errors[k as FieldName]);
    if (first) {
      F[first].row.hidden = false;
      F[first].control.focus();
    }
    return Boolean(first);
  }

  function showTop(message: string | undefined): void {
    topError.textContent = message ?? "";
    topError.hidden = !message;
    // The error sits above the fields; a person who scrolled down to the last field must see it.
    if (message) topError.scrollIntoView({ block: "nearest" });
  }

  async function save(): Promise<void> {
    values = read();
    showTop(undefined);
    if (showErrors(validateToken(values, profileOf(values.provider), taken))) return;
    dialog.setBusy(true);
    try {
      let saved: TokenView;
      if (editing) {
        const patch = toPatch(editing, values);
        saved = Object.keys(patch).length ? await api.updateToken(editing.id, patch) : editing;
        toast(`Saved “${saved.name}”`);
      } else {
        saved = await api.createToken(toNewToken(values));
        toast(`Added “${saved.name}”`, "success", "The secret is in the OS keychain; only its masked form is kept here.");
      }
      dialog.close();
      opts.onSaved(saved);
    } catch (err) {
      const e = api.toApiError(err);
      if (e.code === "duplicate_name") showErrors({ name: e.message });
      else showTop(e.message);
    } finally {
      if (dialog.el.open) dialog.setBusy(false);
    }
  }

  // Wiring
  provider.addEventListener("change", () => {
    const current = read();
    const next = profileOf(provider.value);
    if (next) values = withProvider(current, next, profileOf(values.provider));
    providerTouched = true;
    write();
  });
  for (const el of [mode, environment]) {
    el.addEventListener("change", () => {
      values = read();
      write();
    });
  }
  secret.addEventListener("input", () => recognition?.update(secret.value, hostOf(baseUrl.value)));
  baseUrl.addEventListener("change", () => secret.value && recognition?.update(secret.value, hostOf(baseUrl.value)));
  showSecret.addEventListener("click", () => {
    const show = secret.type === "password";
    secret.type = show ? "text" : "password";
    showSecret.setAttribute("aria-pressed", String(show));
    replaceChildren(showSecret, icon(show ? "eyeOff" : "eye"));
  });

  const keychainWarning =
    !editing && !keychainUsable()
      ? h("div", { class: "form-alert form-alert-warn", role: "note", "data-testid": "keychain-warning" }, icon("lock"), h("span", null, "The keychain is not available, so the secret cannot be stored right now. ", shared.keychain?.message ?? ""))
      : null;

  const form = h(
    "form",
    { class: "token-form", novalidate: true, onsubmit: (e: SubmitEvent) => (e.preventDefault(), void save()) },
    keychainWarning,
    topError,
    h("div", { class: "form-grid" }, F.name.row, editing ? maskedRow(editing) : null),
    editing ? null : h("div", { class: "secret-block" }, F.secret.row, recognition?.el),
    h("div", { class: "form-grid" }, F.provider.row, F.environment.row, F.authMode.row, F.kind.row, F.tokenId.row, F.storeId.row, F.authHeader.row, F.authPrefix.row, F.baseUrl.row),
    scopesRow,
    h("div", { class: "form-grid form-grid-3" }, F.rateLimit.row, F.rotationDays.row, F.expires.row),
    h("div", { class: "form-grid" }, F.tags.row, F.notes.row),
    editing
      ? fieldset(
          "Guardrails for live use",
          h("label", { class: "check" }, confirmWrites, h("span", null, "Ask before write requests (POST/PUT/PATCH/DELETE)")),
          h("label", { class: "check" }, confirmForeign, h("span", null, "Ask before sending to a host outside the provider")),
        )
      : null,
    h("button", { type: "submit", hidden: true, tabindex: "-1" }),
  );

  write();
  const dialog = openDialog({
    title: editing ? `Edit “${editing.name}”` : "New token",
    subtitle: editing ? "Metadata only; use Replace secret to change the value." : "The secret goes to the OS keychain; everything else to the inventory.",
    testid: editing ? "edit-token-dialog" : "new-token-dialog",
    size: "lg",
    body: form,
    footer: [
      h("button", { type: "button", class: "button", onclick: () => dialog.close() }, "Cancel"),
      h("button", { type: "button", class: "button primary", "data-testid": "save-token", onclick: () => void save() }, editing ? "Save changes" : "Add token"),
    ],
    initialFocus: name,
    onClose: () => recognition?.dispose(),
  });
}

function maskedRow(token: TokenView): HTMLElement {
  return h("div", { class: "field" }, h("span", { class: "label" }, "Secret"), h("code", { class: "masked" }, token.masked));
}
