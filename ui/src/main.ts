/**
 * Startup and wiring: builds the frame, loads the shared state, follows the hash route,
 * routes keyboard shortcuts to the current view, and listens for `secret-hidden`.
 */

import "./styles.css";
import * as api from "./api";
import { h, isTyping, replaceChildren } from "./dom";
import { INITIAL_FILTERS, toListQuery } from "./filters";
import { shortcutFor } from "./keyboard";
import { parseRoute, type Route } from "./router";
import { changed, keychainUsable, loadShared, refreshKeychain, subscribe } from "./state";
import type { TokenView } from "./bindings/TokenView";
import { dialogOpen } from "./views/dialog";
import { handleSecretHidden } from "./views/detail";
import { inventoryView, type View } from "./views/inventory";
import { createShell } from "./views/shell";
import { settingsView } from "./views/settings";
import { testerView } from "./views/tester";
import { logsView } from "./views/logs";
import { usageView } from "./views/usage";

const shell = createShell();
let current: { route: Route; view?: View; dispose?: () => void } | undefined;

function mount(route: Route, firstList?: Promise<TokenView[]>): void {
  shell.setRoute(route);
  if (current?.route.view === "inventory" && route.view === "inventory" && current.view) {
    current.route = route;
    current.view.showToken(route.tokenId);
    return;
  }
  current?.view?.dispose();
  current?.dispose?.();
  if (route.view === "inventory") {
    const view = inventoryView(route.tokenId, firstList);
    current = { route, view };
    replaceChildren(shell.main, view.el);
  } else if (route.view === "tester") {
    const tester = testerView();
    current = { route, dispose: tester.dispose };
    replaceChildren(shell.main, tester.el);
  } else if (route.view === "usage" || route.view === "logs") {
    const view = route.view === "usage" ? usageView(route.tokenId) : logsView();
    current = { route, dispose: view.dispose };
    replaceChildren(shell.main, view.el);
  } else {
    current = { route };
    replaceChildren(shell.main, settingsView());
  }
}

function onKey(ev: KeyboardEvent): void {
  const target = ev.target;
  const action = shortcutFor(ev, {
    typing: isTyping(target),
    dialogOpen: dialogOpen(),
    inSearch: target instanceof HTMLElement && target.dataset.testid === "search",
    onControl: target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target instanceof HTMLSelectElement,
  });
  if (!action) return;
  if (current?.route.view !== "inventory") {
    // Everywhere else, `n`, `i` and `/` lead to the inventory first.
    if (action === "newToken" || action === "import" || action === "focusSearch") {
      ev.preventDefault();
      mount({ view: "inventory" });
      window.location.hash = "#/inventory";
      current?.view?.shortcut(action);
    }
    return;
  }
  if (current.view?.shortcut(action)) ev.preventDefault();
}

function fatal(err: unknown): void {
  const e = api.toApiError(err);
  replaceChildren(
    shell.main,
    h(
      "div",
      { class: "empty-state", role: "alert", "data-testid": "startup-error" },
      h("h2", null, "Tokenbench could not start"),
      h("p", null, e.message),
      h("button", { type: "button", class: "button primary", onclick: () => void start() }, "Try again"),
    ),
  );
}

async function start(): Promise<void> {
  replaceChildren(shell.main, h("div", { class: "loading" }, "Opening Tokenbench…"));
  const route = parseRoute(window.location.hash);
  // The inventory's list is asked for at once, alongside the shared state, not after it.
  const firstList = route.view === "inventory" ? api.listTokens(toListQuery(INITIAL_FILTERS)) : undefined;
  firstList?.catch(() => undefined); // the view reports a failure when it awaits it
  try {
    await loadShared();
  } catch (err) {
    fatal(err);
    return;
  }
  current = undefined;
  // The route may have changed while loading (a click in the sidebar): follow where it is now.
  const now = parseRoute(window.location.hash);
  mount(now, now.view === route.view ? firstList : undefined);
}

document.body.appendChild(shell.root);
subscribe(() => {
  shell.update();
  if (current && current.route.view === "settings") mount(current.route);
});
window.addEventListener("hashchange", () => current && mount(parseRoute(window.location.hash)));
document.addEventListener("keydown", onKey);
// Coming back to the window is when users have just unlocked their keyring.
window.addEventListener("focus", () => {
  if (!keychainUsable()) void refreshKeychain().catch(() => changed());
});
void api.onSecretHidden(handleSecretHidden);
void start();
