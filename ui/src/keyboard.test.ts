import { describe, expect, it } from "vitest";
import { moveSelection, shortcutFor } from "./keyboard";

const idle = { typing: false, dialogOpen: false };
const typing = { typing: true, dialogOpen: false };

describe("shortcutFor", () => {
  it("maps the documented single keys when focus is not in a text field", () => {
    expect(shortcutFor({ key: "/" }, idle)).toBe("focusSearch");
    expect(shortcutFor({ key: "n" }, idle)).toBe("newToken");
    expect(shortcutFor({ key: "i" }, idle)).toBe("import");
    expect(shortcutFor({ key: "ArrowUp" }, idle)).toBe("up");
    expect(shortcutFor({ key: "ArrowDown" }, idle)).toBe("down");
    expect(shortcutFor({ key: "Enter" }, idle)).toBe("open");
    expect(shortcutFor({ key: "Escape" }, idle)).toBe("close");
  });

  it("lets letters reach a text field: typing 'n' in the search must not open a dialog", () => {
    expect(shortcutFor({ key: "n" }, typing)).toBeNull();
    expect(shortcutFor({ key: "/" }, typing)).toBeNull();
    expect(shortcutFor({ key: "ArrowUp" }, typing)).toBeNull();
  });

  it("moves from the search box into the table with ArrowDown, but not from other fields", () => {
    expect(shortcutFor({ key: "ArrowDown" }, { ...typing, inSearch: true })).toBe("down");
    expect(shortcutFor({ key: "ArrowDown" }, typing)).toBeNull();
  });

  it("focuses the search with Ctrl+F or Cmd+F even while typing", () => {
    expect(shortcutFor({ key: "f", ctrlKey: true }, typing)).toBe("focusSearch");
    expect(shortcutFor({ key: "F", metaKey: true }, idle)).toBe("focusSearch");
  });

  it("leaves modified keys to the system (Ctrl+N, Alt+I, Shift+N)", () => {
    expect(shortcutFor({ key: "n", ctrlKey: true }, idle)).toBeNull();
    expect(shortcutFor({ key: "i", altKey: true }, idle)).toBeNull();
    expect(shortcutFor({ key: "N", shiftKey: true }, idle)).toBeNull();
  });

  it("does nothing while a dialog is open: the dialog owns Esc, Enter and letters", () => {
    for (const key of ["Escape", "Enter", "n", "ArrowDown", "/"]) {
      expect(shortcutFor({ key }, { typing: false, dialogOpen: true }), key).toBeNull();
    }
    expect(shortcutFor({ key: "f", ctrlKey: true }, { typing: false, dialogOpen: true })).toBeNull();
  });

  it("lets Enter activate a focused button instead of opening the selected row", () => {
    expect(shortcutFor({ key: "Enter" }, { ...idle, onControl: true })).toBeNull();
  });
});

describe("moveSelection", () => {
  it("clamps at both ends instead of wrapping around", () => {
    expect(moveSelection(0, 3, "up")).toBe(0);
    expect(moveSelection(2, 3, "down")).toBe(2);
    expect(moveSelection(1, 3, "down")).toBe(2);
  });

  it("starts at the first row on ArrowDown and the last on ArrowUp when nothing is selected", () => {
    expect(moveSelection(-1, 3, "down")).toBe(0);
    expect(moveSelection(-1, 3, "up")).toBe(2);
  });

  it("jumps with Home and End", () => {
    expect(moveSelection(1, 5, "first")).toBe(0);
    expect(moveSelection(1, 5, "last")).toBe(4);
  });

  it("recovers when the list shrank under the selection", () => {
    expect(moveSelection(7, 3, "down")).toBe(0);
  });

  it("selects nothing in an empty list", () => {
    expect(moveSelection(0, 0, "down")).toBe(-1);
  });
});
