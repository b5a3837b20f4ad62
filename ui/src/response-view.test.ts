import { describe, expect, it } from "vitest";
import { bodyView, formatBytes, formatMs, headerValue, rawResponse, retryLabel, retryLeft, statusTone, timingLine } from "./response-view";

describe("statusTone", () => {
  it("colours by class so 2xx reads green, 4xx as the caller's problem and 5xx as the server's", () => {
    expect([101, 200, 201, 204, 301, 304, 400, 401, 403, 429, 500, 503].map(statusTone)).toEqual([
      "info", "success", "success", "success", "redirect", "redirect", "client", "client", "client", "client", "server", "server",
    ]);
  });

  it("treats nonsense codes as server errors rather than success", () => {
    expect(statusTone(0)).toBe("server");
    expect(statusTone(600)).toBe("server");
  });
});

describe("sizes and timings", () => {
  it("formats bytes in B, KB and MB", () => {
    expect([0, 512, 1536, 5 * 1024 * 1024].map(formatBytes)).toEqual(["0 B", "512 B", "1.5 KB", "5.0 MB"]);
    expect(formatBytes(-1)).toBe("—");
  });

  it("formats milliseconds, keeping sub-millisecond loopback timings visible", () => {
    expect([0.42, 182.4, 1240].map(formatMs)).toEqual(["0.4 ms", "182 ms", "1.24 s"]);
  });

  it("adds connect and first-byte only when they were measured (a reused connection has no connect)", () => {
    expect(timingLine({ totalMs: 182, connectMs: 3, firstByteMs: 170 })).toBe("182 ms (connect 3 ms · first byte 170 ms)");
    expect(timingLine({ totalMs: 40, firstByteMs: 38 })).toBe("40 ms (first byte 38 ms)");
    expect(timingLine({ totalMs: 40 })).toBe("40 ms");
  });
});

describe("bodyView", () => {
  const base = { isBinary: false, size: 10 };
  it("prefers the backend's pretty JSON", () => {
    expect(bodyView({ ...base, bodyText: '{"a":1}', bodyJsonPretty: '{\n  "a": 1\n}' })).toEqual({ kind: "json", text: '{\n  "a": 1\n}' });
  });
  it("falls back to raw text", () => {
    expect(bodyView({ ...base, bodyText: "<html>" })).toEqual({ kind: "text", text: "<html>" });
  });
  it("never shows binary bytes as text, only their count", () => {
    expect(bodyView({ isBinary: true, size: 2048 })).toEqual({ kind: "binary", text: "binary, 2,048 bytes" });
  });
  it("says when there is no body", () => {
    expect(bodyView({ ...base, size: 0 }).kind).toBe("empty");
  });
});

describe("rawResponse", () => {
  it("writes the status line, every header in order, a blank line and the body", () => {
    const raw = rawResponse({ status: 403, statusText: "Forbidden", headers: [["content-type", "application/json"], ["x-request-id", "r1"]], bodyText: '{"error":"forbidden"}', isBinary: false, size: 21 });
    expect(raw).toBe('HTTP 403 Forbidden\ncontent-type: application/json\nx-request-id: r1\n\n{"error":"forbidden"}');
  });
});

describe("Retry-After countdown", () => {
  it("counts down from the moment the 429 arrived, rounding up, never below zero", () => {
    const t0 = 1_000_000;
    expect(retryLeft(30, t0, t0)).toBe(30);
    expect(retryLeft(30, t0, t0 + 100)).toBe(30);
    expect(retryLeft(30, t0, t0 + 1000)).toBe(29);
    expect(retryLeft(30, t0, t0 + 29_500)).toBe(1);
    expect(retryLeft(30, t0, t0 + 60_000)).toBe(0);
  });

  it("reads as seconds, then minutes:seconds, then tells the user they may retry", () => {
    expect([42, 125, 0].map(retryLabel)).toEqual(["Retry in 42 s", "Retry in 2:05", "You can retry now"]);
  });
});

it("finds headers case-insensitively (HTTP header names are)", () => {
  expect(headerValue([["Retry-After", "20"]], "retry-after")).toBe("20");
  expect(headerValue([], "x")).toBeUndefined();
});
