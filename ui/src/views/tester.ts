/**
 * The request tester's place in the navigation. The tester itself is another issue; until it
 * lands this page says what it will do, so the sidebar entry is not a dead end.
 */

import { h } from "../dom";

/** The request tester's place in the navigation until it is built. */
export function testerView(): HTMLElement {
  return h(
    "section",
    { class: "view tester", "aria-labelledby": "tester-title" },
    h("header", { class: "view-header" }, h("div", { class: "view-title" }, h("h1", { id: "tester-title" }, "Request tester"))),
    h(
      "div",
      { class: "empty-state", "data-testid": "tester-placeholder" },
      h("h2", null, "Coming next"),
      h("p", null, "Send requests to a provider's endpoints with a stored token — signed for Pandabase HMAC, with guardrails before live writes — and see status, timing and what an error means."),
    ),
  );
}
