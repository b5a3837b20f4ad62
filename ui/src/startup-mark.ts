/**
 * The moment the inventory is interactive: its first list is on screen and a frame has been
 * painted. Marked once per page load as a `performance` mark and `document.body.dataset.ready`
 * (for tests and the devtools), and sent to the backend, which writes it down only when the
 * app was started by the start-up benchmark (`TOKENBENCH_STARTUP_TRACE`, see `.ci/bench-startup`).
 */

import * as api from "./api";

let marked = false;

/** Marks the inventory ready after the next paint; `detail` says what it showed (a count, "error"). */
export function markInventoryReady(detail: string): void {
  if (marked) return;
  marked = true;
  // requestAnimationFrame runs before the paint; the task queued from it runs after it.
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark("inventory-interactive");
      document.body.dataset.ready = "inventory";
      void api.markStartup(`inventory-interactive ${detail}`).catch(() => undefined);
    }, 0),
  );
}
