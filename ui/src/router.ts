/**
 * Hash routes, so reloads and the back button keep the user where they were:
 * `#/inventory`, `#/inventory/<token id>` (detail open), `#/tester`, `#/usage` (every token),
 * `#/usage/<token id>` (one token), `#/logs`, `#/settings`.
 */

/** A place in the app. */
export type Route =
  | { view: "inventory"; tokenId?: string }
  | { view: "tester" }
  | { view: "usage"; tokenId?: string }
  | { view: "logs" }
  | { view: "settings" };

/** Parses `location.hash`; anything unknown is the inventory. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  switch (parts[0]) {
    case "tester":
      return { view: "tester" };
    case "settings":
      return { view: "settings" };
    case "logs":
      return { view: "logs" };
    case "usage":
      return parts[1] ? { view: "usage", tokenId: decodeURIComponent(parts[1]) } : { view: "usage" };
    case "inventory":
      return parts[1] ? { view: "inventory", tokenId: decodeURIComponent(parts[1]) } : { view: "inventory" };
    default:
      return { view: "inventory" };
  }
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if ((route.view === "inventory" || route.view === "usage") && route.tokenId) return `#/${route.view}/${encodeURIComponent(route.tokenId)}`;
  return `#/${route.view}`;
}

/** Navigates (adds a history entry unless the hash is already there). */
export function go(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}
