import { describe, expect, it } from "vitest";
import { retentionFrom, retentionValue } from "./retention-setting";

describe("retention setting", () => {
  it("maps keep-everything to null and days to numbers, both ways", () => {
    expect(retentionValue({ logRetentionDays: null })).toBe("keep");
    expect(retentionValue({ logRetentionDays: 30 })).toBe("30");
    expect(retentionFrom("keep", { logRetentionDays: 30 })).toEqual({ logRetentionDays: null });
    expect(retentionFrom("90", { logRetentionDays: null })).toEqual({ logRetentionDays: 90 });
  });
});
