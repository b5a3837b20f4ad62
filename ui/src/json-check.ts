/**
 * JSON checking and formatting for the request body editor. The webview's own `JSON.parse`
 * cannot be used for the message: WebKit (Tauri on Linux and macOS) says "JSON Parse error:
 * Expected '}'" without a position, so this small parser finds the first error itself and says
 * where it is as line:column. Formatting re-indents the text token by token, keeping every
 * number and string exactly as typed (`JSON.stringify(JSON.parse(x))` would round big
 * integers, and the body is what gets signed and sent).
 */

/** The outcome of `checkJson`: valid (possibly empty), or the first error with its place. */
export type JsonCheck =
  | { ok: true; empty: boolean }
  | { ok: false; message: string; line: number; col: number; offset: number };

/** Nesting deeper than this is reported instead of overflowing the stack. */
const MAX_DEPTH = 512;

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The 1-based line and column of `offset` in `text` (columns count UTF-16 units). */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, col };
}

/** Describes the character at `i` for an error message ("end of text", "'}'"). */
function found(text: string, i: number): string {
  if (i >= text.length) return "the end of the text";
  if (text[i] === '"') return /^"(?:[^"\\\n]|\\.){0,24}"?/.exec(text.slice(i))?.[0] ?? '"';
  return `'${text[i]}'`;
}

function parse(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const fail = (message: string, at = i): never => {
    throw new JsonError(message, at);
  };

  const string = () => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("A \\u escape needs four hex digits", i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          fail(`Invalid escape '\\${e ?? ""}' in a string`, i);
        }
        continue;
      }
      if (c < " ") fail(c === "\n" ? "Line break inside a string (write \\n)" : "Control character inside a string", i);
      i++;
    }
    fail("Unterminated string: add the closing \"", start);
  };

  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail("Invalid number");
    i += m![0].length;
    if (/[0-9.eE+-]/.test(text[i] ?? "")) fail("Invalid number (no leading zeros, a digit after '.' and after 'e')");
  };

  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(`Nested deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === "{") return object(depth);
    if (c === "[") return array(depth);
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === "'") fail("Strings use double quotes in JSON");
    if (c === "}" || c === "]") fail(`Expected a value, found ${found(text, i)} (a trailing comma?)`);
    fail(`Expected a value, found ${found(text, i)}`);
  };

  const object = (depth: number) => {
    i++;
    ws();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === "}") fail("Trailing comma before '}'");
      if (text[i] !== '"') fail(text[i] === "'" ? "Property names use double quotes in JSON" : `Expected a property name in double quotes, found ${found(text, i)}`);
      string();
      ws();
      if (text[i] !== ":") fail(`Expected ':' after the property name, found ${found(text, i)}`);
      i++;
      value(depth + 1);
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fail(`Expected ',' or '}' after a property, found ${found(text, i)}`);
    }
  };

  const array = (depth: number) => {
    i++;
    ws();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === "]") fail("Trailing comma before ']'");
      value(depth + 1);
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fail(`Expected ',' or ']' after an item, found ${found(text, i)}`);
    }
  };

  value(0);
  ws();
  if (i < text.length) fail(`Unexpected ${found(text, i)} after the JSON value`);
}

/**
 * Checks `text` as JSON. Whitespace only counts as valid and `empty` (an empty body is
 * allowed: it is what GET/DELETE sign). Never throws.
 */
export function checkJson(text: string): JsonCheck {
  if (text.trim() === "") return { ok: true, empty: true };
  try {
    parse(text);
    return { ok: true, empty: false };
  } catch (err) {
    if (!(err instanceof JsonError)) throw err;
    return { ok: false, message: err.message, offset: err.offset, ...lineCol(text, err.offset) };
  }
}

/**
 * Re-indents valid JSON (`indent` spaces, `"key": value`, empty `{}`/`[]` kept short) without
 * touching any literal. Returns `undefined` when `text` is not valid JSON or is empty.
 */
export function formatJson(text: string, indent = 2): string | undefined {
  const check = checkJson(text);
  if (!check.ok || check.empty) return undefined;
  const pad = (level: number) => "\n" + " ".repeat(level * indent);
  let out = "";
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === "{" || c === "[") {
      let j = i + 1;
      while (/\s/.test(text[j] ?? "")) j++;
      if (text[j] === (c === "{" ? "}" : "]")) {
        out += c === "{" ? "{}" : "[]";
        i = j;
      } else {
        level++;
        out += c + pad(level);
      }
    } else if (c === "}" || c === "]") {
      level--;
      out += pad(level) + c;
    } else if (c === ",") {
      out += "," + pad(level);
    } else if (c === ":") {
      out += ": ";
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}
