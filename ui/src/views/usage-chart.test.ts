import { describe, expect, it } from "vitest";
import { usableLocale } from "./usage-chart";

describe("the chart's locale guard", () => {
  it("replaces a language Intl rejects (WebKit under LANG=C says 'C') and keeps a valid one", () => {
    const c = { language: "C" } as Navigator;
    expect(() => new Intl.NumberFormat(c.language)).toThrow(RangeError);
    usableLocale(c);
    expect(c.language).toBe("en-US");
    const de = { language: "de-DE" } as Navigator;
    usableLocale(de);
    expect(de.language).toBe("de-DE");
  });
});
