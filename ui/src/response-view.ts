/**
 * How a response reads: the colour of its status, sizes and timings in words, which form of
 * the body to show (pretty JSON, text, or "binary, N bytes"), the raw HTTP text, and the
 * Retry-After countdown of a 429. Pure, with the clock passed in.
 */

import type { HttpResponse } from "./bindings/HttpResponse";
import type { Timing } from "./bindings/Timing";

/** The colour family of a status: 2xx success, 3xx redirect, 4xx client error, 5xx server error. */
export type StatusTone = "info" | "success" | "redirect" | "client" | "server";

/** The tone of an HTTP status code; anything outside 100–599 counts as a server error. */
export function statusTone(status: number): StatusTone {
  if (status >= 100 && status < 200) return "info";
  if (status >= 200 && status < 300) return "success";
  if (status >= 300 && status < 400) return "redirect";
  if (status >= 400 && status < 500) return "client";
  return "server";
}

/** "0 B", "512 B", "1.5 KB", "2.3 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "0.4 ms", "182 ms", "1.24 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** "182 ms" plus the measured parts: "182 ms (connect 3 ms · first byte 170 ms)". */
export function timingLine(timing: Timing): string {
  const parts: string[] = [];
  if (timing.connectMs !== undefined && timing.connectMs !== null) parts.push(`connect ${formatMs(timing.connectMs)}`);
  if (timing.firstByteMs !== undefined && timing.firstByteMs !== null) parts.push(`first byte ${formatMs(timing.firstByteMs)}`);
  return parts.length ? `${formatMs(timing.totalMs)} (${parts.join(" · ")})` : formatMs(timing.totalMs);
}

/** Which form of the body the Body tab shows. */
export type BodyView = { kind: "json" | "text" | "binary" | "empty"; text: string };

/** Pretty JSON when the backend made it, else the text, else "binary, N bytes", else "empty". */
export function bodyView(r: Pick<HttpResponse, "bodyJsonPretty" | "bodyText" | "isBinary" | "size">): BodyView {
  if (r.bodyJsonPretty !== undefined && r.bodyJsonPretty !== null) return { kind: "json", text: r.bodyJsonPretty };
  if (r.isBinary) return { kind: "binary", text: `binary, ${r.size.toLocaleString("en")} ${r.size === 1 ? "byte" : "bytes"}` };
  if (r.bodyText) return { kind: "text", text: r.bodyText };
  return { kind: "empty", text: "The response has no body." };
}

/** The response as it came on the wire: status line, headers, blank line, body text. */
export function rawResponse(r: Pick<HttpResponse, "status" | "statusText" | "headers" | "bodyText" | "isBinary" | "size">): string {
  const head = [`HTTP ${r.status}${r.statusText ? ` ${r.statusText}` : ""}`, ...r.headers.map(([n, v]) => `${n}: ${v}`)].join("\n");
  const body = r.isBinary ? `<binary, ${r.size} bytes>` : (r.bodyText ?? "");
  return `${head}\n\n${body}`;
}

/** Seconds left (rounded up, never negative) before a 429 may be retried. */
export function retryLeft(retryAfterSecs: number, receivedAt: number, now: number): number {
  return Math.max(0, Math.ceil((receivedAt + retryAfterSecs * 1000 - now) / 1000));
}

/** "Retry in 42 s", "Retry in 2:05", or "You can retry now". */
export function retryLabel(secondsLeft: number): string {
  if (secondsLeft <= 0) return "You can retry now";
  if (secondsLeft < 60) return `Retry in ${secondsLeft} s`;
  const m = Math.floor(secondsLeft / 60);
  const s = secondsLeft % 60;
  return `Retry in ${m}:${String(s).padStart(2, "0")}`;
}

/** The value of the first header named `name` (case-insensitive). */
export function headerValue(headers: Array<[string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}
