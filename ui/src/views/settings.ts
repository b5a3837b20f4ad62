/**
 * Settings & About: where data lives, what the keychain said, the providers loaded and the
 * keyboard shortcuts. Read-only for now; it is where the user looks when something is off.
 */

import { h } from "../dom";
import { AUTH_MODE_LABEL, KEYCHAIN_LABEL } from "../format";
import { isPreview } from "../api";
import { shared } from "../state";
import { retentionCard } from "./retention-setting";

/** Builds the view from the shared state. */
export function settingsView(): HTMLElement {
  const info = shared.info;
  const keychain = shared.keychain;
  const item = (label: string, value: string | Node) => [h("dt", null, label), h("dd", null, value)];
  const mono = (text: string | undefined) => h("code", null, text ?? "—");
  return h(
    "section",
    { class: "view settings", "aria-labelledby": "settings-title" },
    h("header", { class: "view-header" }, h("div", { class: "view-title" }, h("h1", { id: "settings-title" }, "Settings & About"))),
    h(
      "div",
      { class: "cards" },
      h(
        "section",
        { class: "card" },
        h("h2", null, "About"),
        h(
          "dl",
          { class: "meta" },
          item("Version", info ? `Tokenbench ${info.version}${isPreview() ? " (browser preview with sample data)" : ""}` : "—"),
          item("Data folder", mono(info?.dataDir)),
          item("Metadata file", mono(info?.metadataFile)),
          item("Request log", mono(info?.requestLog)),
          item("Secrets", "Only in the OS keychain, one entry per token. Never written to the metadata file, logs or exports."),
        ),
      ),
      retentionCard(),
      h(
        "section",
        { class: "card", "data-testid": "keychain-card" },
        h("h2", null, "Keychain"),
        h(
          "dl",
          { class: "meta" },
          item("State", keychain ? KEYCHAIN_LABEL[keychain.state] : "Unknown"),
          item("Backend", keychain?.backend || "—"),
          item("Details", keychain?.message || "—"),
        ),
      ),
      info?.notices.length
        ? h("section", { class: "card" }, h("h2", null, "Startup notices"), h("ul", { class: "plain-list" }, info.notices.map((n) => h("li", null, n))))
        : null,
      h(
        "section",
        { class: "card" },
        h("h2", null, "Keyboard"),
        h(
          "dl",
          { class: "meta shortcuts" },
          item("/ or Ctrl+F", "Search the inventory"),
          item("↑ ↓ Home End", "Move through tokens"),
          item("Enter", "Open the selected token"),
          item("n", "New token"),
          item("i", "Import"),
          item("Esc", "Close a dialog or the detail panel"),
        ),
      ),
      h(
        "section",
        { class: "card card-wide" },
        h("h2", null, "Providers"),
        h(
          "table",
          { class: "simple" },
          h("thead", null, h("tr", null, h("th", null, "Provider"), h("th", null, "Auth"), h("th", null, "Rate limit"), h("th", null, "Description"))),
          h(
            "tbody",
            null,
            shared.profiles.map((p) =>
              h("tr", null, h("td", null, h("strong", null, p.name)), h("td", null, p.authModes.map((m) => AUTH_MODE_LABEL[m]).join(", ")), h("td", null, `${p.rateLimit.default}/min (max ${p.rateLimit.max})`), h("td", { class: "muted" }, p.description)),
            ),
          ),
        ),
      ),
    ),
  );
}
