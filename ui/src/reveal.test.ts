import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RevealSession } from "./reveal";

describe("RevealSession", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  const start = (hideAfterMs = 10_000) => {
    const ticks: number[] = [];
    const hidden = vi.fn();
    const session = new RevealSession("t1", "sk_live_secret", hideAfterMs, { tick: (s) => ticks.push(s), hidden });
    return { session, ticks, hidden };
  };

  it("counts down visibly from 10 and drops the value when the timer ends", () => {
    const { session, ticks, hidden } = start();
    expect(session.value).toBe("sk_live_secret");
    vi.advanceTimersByTime(9_000);
    expect(ticks).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(hidden).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(hidden).toHaveBeenCalledTimes(1);
    expect(session.value).toBeUndefined();
  });

  it("hides at once when the backend's secret-hidden event names this token", () => {
    const { session, hidden } = start();
    vi.advanceTimersByTime(2_000);
    session.onHiddenEvent("t1");
    expect(hidden).toHaveBeenCalledTimes(1);
    expect(session.value).toBeUndefined();
  });

  it("ignores secret-hidden events for other tokens", () => {
    const { session, hidden } = start();
    session.onHiddenEvent("t2");
    expect(hidden).not.toHaveBeenCalled();
    expect(session.value).toBe("sk_live_secret");
  });

  it("calls hidden exactly once whichever comes first, event or timer", () => {
    const { session, hidden } = start();
    session.onHiddenEvent("t1");
    vi.advanceTimersByTime(20_000);
    session.hide();
    expect(hidden).toHaveBeenCalledTimes(1);
  });

  it("falls back to 10 s if the backend sent no usable duration", () => {
    const { hidden } = start(0);
    vi.advanceTimersByTime(9_900);
    expect(hidden).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(hidden).toHaveBeenCalledTimes(1);
  });
});
