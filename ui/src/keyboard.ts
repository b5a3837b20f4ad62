/**
 * Keyboard shortcuts of the inventory, as a pure mapping from a key press (and where focus
 * is) to an action, so the rules are tested without a DOM.
 */

/** What a key press asks for. */
export type Shortcut =
  | "focusSearch"
  | "newToken"
  | "import"
  | "up"
  | "down"
  | "first"
  | "last"
  | "open"
  | "close";

/** The parts of a `KeyboardEvent` the mapping reads. */
export type KeyPress = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
};

/** Where focus is when the key is pressed. */
export type KeyContext = {
  /** Focus is in a text field: letters belong to it. */
  typing: boolean;
  /** A modal dialog is open: it handles its own keys (Esc closes it natively). */
  dialogOpen: boolean;
  /** The text field is the inventory search: ArrowDown leaves it for the table. */
  inSearch?: boolean;
  /** Focus is on a button, link or other control that Enter already activates. */
  onControl?: boolean;
};

/**
 * The action for a key press, or `null` to let the browser handle it. Letters (`n`, `i`, `/`)
 * never fire while typing or with a modifier; Ctrl/Cmd+F always focuses the search outside
 * dialogs; nothing fires while a dialog is open.
 */
export function shortcutFor(ev: KeyPress, ctx: KeyContext): Shortcut | null {
  if (ctx.dialogOpen) return null;
  const mod = Boolean(ev.ctrlKey || ev.metaKey);
  if (mod && !ev.altKey && !ev.shiftKey && ev.key.toLowerCase() === "f") return "focusSearch";
  if (mod || ev.altKey) return null;
  if (ev.key === "Escape") return "close";
  if (ctx.typing) return ctx.inSearch && ev.key === "ArrowDown" ? "down" : null;
  switch (ev.key) {
    case "/":
      return "focusSearch";
    case "n":
    case "N":
      return ev.shiftKey ? null : "newToken";
    case "i":
    case "I":
      return ev.shiftKey ? null : "import";
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "Enter":
      return ctx.onControl ? null : "open";
    default:
      return null;
  }
}

/**
 * The row index after a move, clamped to the list: -1 for an empty list, the first row when
 * nothing was selected yet.
 */
export function moveSelection(current: number, count: number, move: Shortcut): number {
  if (count <= 0) return -1;
  const last = count - 1;
  if (move === "first") return 0;
  if (move === "last") return last;
  if (current < 0 || current > last) return move === "up" ? last : 0;
  if (move === "up") return Math.max(0, current - 1);
  if (move === "down") return Math.min(last, current + 1);
  return current;
}
