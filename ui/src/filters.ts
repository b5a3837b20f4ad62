/**
 * The inventory's search, filter and sort state, and how it becomes a `ListQuery` for
 * `list_tokens`. Filtering and sorting happen in Rust; this module only decides what to ask.
 */

import type { Environment } from "./bindings/Environment";
import type { ListQuery } from "./bindings/ListQuery";
import type { SortKey } from "./bindings/SortKey";
import type { StatusFilter } from "./bindings/StatusFilter";
import type { TokenView } from "./bindings/TokenView";

/** What the toolbar shows; "" means "any". */
export type FilterState = {
  search: string;
  provider: string;
  environment: Environment | "";
  status: StatusFilter | "";
  tag: string;
  sort: SortKey;
  descending: boolean;
};

/** Name order, nothing filtered. */
export const INITIAL_FILTERS: FilterState = {
  search: "",
  provider: "",
  environment: "",
  status: "",
  tag: "",
  sort: "name",
  descending: false,
};

/** Columns whose natural first click is newest-first. */
const DESCENDING_FIRST: ReadonlySet<SortKey> = new Set<SortKey>(["lastUsed", "created"]);

/** The query for `list_tokens`: only what is set, with the search trimmed. */
export function toListQuery(state: FilterState): ListQuery {
  const query: ListQuery = { sort: state.sort, descending: state.descending };
  const search = state.search.trim();
  if (search) query.search = search;
  if (state.provider) query.provider = state.provider;
  if (state.environment) query.environment = state.environment;
  if (state.status) query.status = state.status;
  if (state.tag) query.tag = state.tag;
  return query;
}

/**
 * Clicking a column header: the same column flips the direction; another column starts
 * ascending (newest-first for "last used" and "created").
 */
export function toggleSort(state: FilterState, key: SortKey): FilterState {
  if (state.sort === key) return { ...state, descending: !state.descending };
  return { ...state, sort: key, descending: DESCENDING_FIRST.has(key) };
}

/** How many filters (search included) narrow the list. */
export function activeFilterCount(state: FilterState): number {
  return [state.search.trim(), state.provider, state.environment, state.status, state.tag].filter(
    (v) => v !== "",
  ).length;
}

/** The same sort, nothing filtered. */
export function clearFilters(state: FilterState): FilterState {
  return { ...INITIAL_FILTERS, sort: state.sort, descending: state.descending };
}

/** Every tag used in the inventory, sorted case-insensitively, for the tag filter. */
export function tagsOf(tokens: readonly TokenView[]): string[] {
  const tags = new Set<string>();
  for (const t of tokens) for (const tag of t.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
}

/** The `aria-sort` value of a column header. */
export function ariaSort(state: FilterState, key: SortKey): "ascending" | "descending" | "none" {
  if (state.sort !== key) return "none";
  return state.descending ? "descending" : "ascending";
}
