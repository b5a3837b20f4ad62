import { describe, expect, it } from "vitest";
import { checkJson, formatJson, lineCol } from "./json-check";

function error(text: string) {
  const r = checkJson(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be invalid`);
  return r;
}

describe("checkJson", () => {
  it("accepts what JSON.parse accepts, so valid bodies are never flagged", () => {
    for (const text of ['{"name":"New Product","amount":2999,"type":"ONE_TIME"}', "[]", "{}", "0", "-1.5e+3", '"\\u00e9\\n"', "true", "null", ' [1, {"a": [null, false]}] ']) {
      expect(checkJson(text), text).toEqual({ ok: true, empty: false });
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it("treats an empty or blank body as valid and empty: GET/DELETE and bodiless POSTs sign the empty string", () => {
    expect(checkJson("")).toEqual({ ok: true, empty: true });
    expect(checkJson(" \n\t")).toEqual({ ok: true, empty: true });
  });

  it("points at the line and column of a missing comma, where the user must type", () => {
    const r = error('{\n  "name": "x"\n  "amount": 1\n}');
    expect([r.line, r.col]).toEqual([3, 3]);
    expect(r.message).toContain("Expected ',' or '}'");
  });

  it("names the trailing comma, the most common hand-edit mistake, at the closing brace", () => {
    const r = error('{"a": 1,\n}');
    expect(r.message).toMatch(/Trailing comma/);
    expect([r.line, r.col]).toEqual([2, 1]);
    expect(error("[1, 2, ]").message).toMatch(/Trailing comma before '\]'/);
  });

  it("explains single quotes instead of only saying 'unexpected token'", () => {
    expect(error("{'a': 1}").message).toMatch(/double quotes/);
    expect(error('{"a": \'x\'}').message).toMatch(/double quotes/);
  });

  it("reports an unterminated string where it starts and a raw line break inside a string where it is", () => {
    const open = error('{"a": "abc');
    expect([open.line, open.col, open.message]).toEqual([1, 7, 'Unterminated string: add the closing "']);
    const br = error('{"a": "ab\ncd"}');
    expect([br.line, br.col]).toEqual([1, 10]);
    expect(br.message).toMatch(/Line break inside a string/);
  });

  it("rejects what JSON.parse rejects: leading zeros, bad escapes, text after the value, bare words", () => {
    for (const text of ["01", "1.", "{\"a\": \"\\x\"}", "{} {}", "{a: 1}", "nul", "[1 2]", "{\"a\" 1}", "\"\\u12\""]) {
      expect(checkJson(text).ok, text).toBe(false);
      expect(() => JSON.parse(text), text).toThrow();
    }
  });

  it("reports deep nesting instead of overflowing the stack", () => {
    expect(error("[".repeat(5000)).message).toMatch(/Nested deeper/);
  });

  it("counts columns from 1 after the last line break", () => {
    expect(lineCol("ab\ncd", 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol("ab\ncd", 4)).toEqual({ line: 2, col: 2 });
  });
});

describe("formatJson", () => {
  it("indents with two spaces and keeps empty containers short", () => {
    expect(formatJson('{"a":[1,2],"b":{},"c":[]}')).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "b": {},\n  "c": []\n}');
  });

  it("keeps every literal byte for byte (big integers, escapes, spacing inside strings): the body is what gets signed", () => {
    const text = '{"id":12345678901234567890,"s":"a , b: {c}","e":"\\"q\\" \\u00e9","n":1.50}';
    const pretty = formatJson(text)!;
    expect(pretty).toContain("12345678901234567890");
    expect(pretty).toContain('"a , b: {c}"');
    expect(pretty).toContain('"\\"q\\" \\u00e9"');
    expect(pretty).toContain("1.50");
    expect(JSON.parse(pretty)).toEqual(JSON.parse(text));
  });

  it("is stable: formatting formatted text changes nothing", () => {
    const once = formatJson('{"name":"New Product","amount":2999,"type":"ONE_TIME"}')!;
    expect(formatJson(once)).toBe(once);
  });

  it("refuses invalid or empty text rather than guessing", () => {
    expect(formatJson('{"a":')).toBeUndefined();
    expect(formatJson("  ")).toBeUndefined();
  });
});

it("quotes the string it found instead of a lone quote mark, so the user sees which key is misplaced", () => {
  const r = checkJson('{"a": 1 "type": 2}');
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toBe(`Expected ',' or '}' after a property, found "type"`);
});
