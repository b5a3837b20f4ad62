/**
 * The window's frame: the sidebar (navigation and, at its foot, the keychain state) and the
 * banner across the top when the keychain cannot be used or startup left notices.
 */

import { h, replaceChildren } from "../dom";
import { KEYCHAIN_LABEL } from "../format";
import { icon, type IconName } from "../icons";
import type { Route } from "../router";
import { refreshKeychain, shared } from "../state";
import { toastError } from "../toast";

const NAV: Array<{ view: Route["view"]; label: string; icon: IconName }> = [
  { view: "inventory", label: "Inventory", icon: "key" },
  { view: "tester", label: "Request tester", icon: "send" },
  { view: "usage", label: "Usage", icon: "chart" },
  { view: "logs", label: "Logs", icon: "list" },
  { view: "settings", label: "Settings & About", icon: "gear" },
];

/** The mounted frame; `main` is where views go. */
export type Shell = { root: HTMLElement; main: HTMLElement; setRoute(route: Route): void; update(): void };

/** Builds the frame once; `update()` redraws the keychain indicator and banners. */
export function createShell(): Shell {
  const links = NAV.map((n) =>
    h("a", { href: `#/${n.view}`, class: "nav-item", "data-testid": `nav-${n.view}`, "data-view": n.view }, icon(n.icon), h("span", null, n.label)),
  );
  const keychain = h("button", { type: "button", class: "keychain", "data-testid": "keychain-status", "aria-live": "polite" });
  keychain.addEventListener("click", () => void check());
  const banners = h("div", { class: "banners" });
  const main = h("main", { class: "content", id: "content", tabindex: "-1" });

  const root = h(
    "div",
    { class: "app" },
    h("a", { href: "#content", class: "skip-link" }, "Skip to content"),
    h(
      "nav",
      { class: "sidebar", "aria-label": "Main" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }, icon("key")), h("span", { class: "brand-name" }, "Tokenbench")),
      h("div", { class: "nav-list" }, links),
      h("div", { class: "sidebar-foot" }, keychain),
    ),
    h("div", { class: "main-column" }, banners, main),
  );

  async function check(): Promise<void> {
    keychain.setAttribute("aria-busy", "true");
    try {
      await refreshKeychain();
    } catch (err) {
      toastError("Could not check the keychain", err);
    } finally {
      keychain.removeAttribute("aria-busy");
    }
  }

  function update(): void {
    const status = shared.keychain;
    const state = status?.state ?? "unavailable";
    const [title, detail] = KEYCHAIN_LABEL[state].split(" — ");
    keychain.dataset.state = status ? state : "unknown";
    keychain.title = status ? `${status.message}${status.backend ? ` (${status.backend})` : ""} — click to check again` : "Checking the keychain…";
    replaceChildren(
      keychain,
      h("span", { class: "status-dot", "aria-hidden": "true" }),
      h("span", { class: "keychain-text" }, h("span", { class: "keychain-title" }, status ? title : "Checking keychain…"), detail ? h("span", { class: "keychain-detail" }, detail.charAt(0).toUpperCase() + detail.slice(1)) : null),
    );

    const items: HTMLElement[] = [];
    if (status && status.state !== "available") {
      items.push(
        h(
          "div",
          { class: `banner banner-${state === "locked" ? "warn" : "error"}`, role: "alert", "data-testid": "keychain-banner" },
          icon(state === "locked" ? "lock" : "alert"),
          h("div", { class: "banner-text" }, h("strong", null, KEYCHAIN_LABEL[state]), h("span", null, status.message)),
          h("button", { type: "button", class: "button small", onclick: () => void check() }, "Check again"),
        ),
      );
    }
    for (const notice of shared.info?.notices ?? []) {
      if (shared.dismissed.has(notice)) continue;
      items.push(
        h(
          "div",
          { class: "banner banner-info", role: "status", "data-testid": "notice-banner" },
          icon("info"),
          h("div", { class: "banner-text" }, h("span", null, notice)),
          h("button", {
            type: "button",
            class: "icon-button",
            "aria-label": "Dismiss notice",
            onclick: () => {
              shared.dismissed.add(notice);
              update();
            },
          }, icon("x")),
        ),
      );
    }
    replaceChildren(banners, items);
  }

  update();
  return {
    root,
    main,
    update,
    setRoute(route) {
      for (const link of links) {
        if (link.dataset.view === route.view) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
      }
    },
  };
}
