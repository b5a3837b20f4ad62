import { describe, expect, it } from "vitest";
import { absoluteTime, dateInputValue, expiryFromDateInput, parseTags, plural, quotedNames, relativeTime, sameSecretText, secondsLeft } from "./format";

const NOW = new Date("2025-06-15T12:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const MIN = 60_000;
const DAY = 86_400_000;

describe("relativeTime", () => {
  it("says 'just now' for the last few seconds instead of '0 minutes ago'", () => {
    expect(relativeTime(at(-10_000), NOW)).toBe("just now");
    expect(relativeTime(at(20_000), NOW)).toBe("just now");
  });

  it("picks the unit a person would use, in both directions", () => {
    expect(relativeTime(at(-5 * MIN), NOW)).toBe("5 minutes ago");
    expect(relativeTime(at(3 * 60 * MIN), NOW)).toBe("in 3 hours");
    expect(relativeTime(at(3 * DAY), NOW)).toBe("in 3 days");
    expect(relativeTime(at(-DAY), NOW)).toBe("yesterday");
    expect(relativeTime(at(60 * DAY), NOW)).toBe("in 2 months");
    expect(relativeTime(at(-800 * DAY), NOW)).toBe("2 years ago");
  });

  it("shows the fallback for a missing or broken date, never 'Invalid Date'", () => {
    expect(relativeTime(undefined, NOW)).toBe("—");
    expect(relativeTime("not a date", NOW, "Never")).toBe("Never");
  });
});

describe("absoluteTime", () => {
  it("formats as sortable YYYY-MM-DD HH:mm in the given zone", () => {
    expect(absoluteTime("2025-03-04T05:06:07Z", "UTC")).toBe("2025-03-04 05:06");
    expect(absoluteTime("2025-03-04T23:30:00Z", "Asia/Tokyo")).toBe("2025-03-05 08:30");
  });

  it("uses the fallback for missing or broken input", () => {
    expect(absoluteTime(undefined)).toBe("—");
    expect(absoluteTime("garbage", "UTC", "n/a")).toBe("n/a");
  });
});

describe("expiry date input", () => {
  it("treats an empty date as 'never expires' (undefined), not as an error", () => {
    expect(expiryFromDateInput("")).toBeUndefined();
    expect(expiryFromDateInput("   ")).toBeUndefined();
  });

  it("rejects dates that do not exist instead of rolling them over to the next month", () => {
    expect(expiryFromDateInput("2025-02-30")).toBeNull();
    expect(expiryFromDateInput("2025-13-01")).toBeNull();
    expect(expiryFromDateInput("31/12/2025")).toBeNull();
  });

  it("expires at the end of the chosen local day, and reads back as the same date", () => {
    const iso = expiryFromDateInput("2025-12-31");
    expect(iso).toBeTypeOf("string");
    const d = new Date(iso as string);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2025, 11, 31, 23, 59]);
    expect(dateInputValue(iso as string)).toBe("2025-12-31");
  });

  it("shows nothing in the date input for a token that never expires", () => {
    expect(dateInputValue(undefined)).toBe("");
    expect(dateInputValue("nope")).toBe("");
  });
});

describe("secondsLeft", () => {
  it("rounds up so the countdown shows 10 at the start and 1 in the last second", () => {
    expect(secondsLeft(0, 10_000, 0)).toBe(10);
    expect(secondsLeft(0, 10_000, 9_001)).toBe(1);
    expect(secondsLeft(0, 10_000, 10_000)).toBe(0);
  });

  it("never goes negative when the timer fires late", () => {
    expect(secondsLeft(0, 10_000, 15_000)).toBe(0);
  });
});

describe("parseTags", () => {
  it("splits on commas and spaces, trims, and drops duplicates keeping typed order", () => {
    expect(parseTags(" ci, deploy  prod,ci ,, ")).toEqual(["ci", "deploy", "prod"]);
    expect(parseTags("")).toEqual([]);
  });
});

describe("plural", () => {
  it("uses the singular only for exactly one", () => {
    expect(plural(1, "token")).toBe("1 token");
    expect(plural(0, "token")).toBe("0 tokens");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });
});

describe("the same-secret warning", () => {
  it("names every other token, quoted, and never needs the value", () => {
    expect(quotedNames([])).toBe("");
    expect(quotedNames(["a"])).toBe("“a”");
    expect(quotedNames(["a", "b", "c"])).toBe("“a”, “b” and “c”");
    expect(sameSecretText(["Mobile App", "deploy"])).toContain("also stored as “Mobile App” and “deploy”");
  });
});
