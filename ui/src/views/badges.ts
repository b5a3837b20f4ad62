/**
 * The small labels the inventory and the detail panel share: environment, status, and the
 * "expires soon" / "rotation due" flags.
 */

import type { TokenView } from "../bindings/TokenView";
import { h } from "../dom";
import { absoluteTime, ENVIRONMENT_LABEL, STATUS_LABEL } from "../format";

/** "Live" (amber: real money) or "Test" (neutral). */
export function environmentBadge(t: Pick<TokenView, "environment">): HTMLElement {
  return h("span", { class: `badge env-${t.environment}`, "data-testid": "env-badge" }, ENVIRONMENT_LABEL[t.environment]);
}

/** Active / Expired / Revoked. */
export function statusBadge(t: Pick<TokenView, "status">): HTMLElement {
  return h("span", { class: `badge status-${t.status}`, "data-testid": "status-badge" }, h("span", { class: "dot", "aria-hidden": "true" }), STATUS_LABEL[t.status]);
}

/** The flags that need attention soon (none for revoked or expired tokens). */
export function flags(t: TokenView): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (t.expiresSoon) {
    out.push(h("span", { class: "flag flag-warn", "data-testid": "flag-expires-soon", title: `Expires ${absoluteTime(t.expires)}` }, "Expires soon"));
  }
  if (t.rotationDue) {
    out.push(h("span", { class: "flag flag-info", "data-testid": "flag-rotation-due", title: `Rotation was due ${absoluteTime(t.rotationDueAt)}` }, "Rotation due"));
  }
  return out;
}
