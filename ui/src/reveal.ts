/**
 * One revealed secret's lifetime in the UI. The value lives only in this object and the one
 * text node showing it; it is dropped when the backend's `secret-hidden` event names the
 * token, when the countdown ends, or when the panel goes away, whichever comes first.
 */

import { secondsLeft } from "./format";

/** What the detail panel is told on every tick and at the end. */
export type RevealCallbacks = {
  /** Seconds left, called at once and then each time the whole number changes. */
  tick(seconds: number): void;
  /** The value must disappear now. Called exactly once. */
  hidden(): void;
};

/** A running reveal; `value` is `undefined` once hidden. */
export class RevealSession {
  readonly tokenId: string;
  private secret: string | undefined;
  private readonly started: number;
  private readonly duration: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly callbacks: RevealCallbacks;
  private readonly clock: () => number;

  constructor(tokenId: string, value: string, hideAfterMs: number, callbacks: RevealCallbacks, clock: () => number = Date.now) {
    this.tokenId = tokenId;
    this.secret = value;
    this.duration = hideAfterMs > 0 ? hideAfterMs : 10_000;
    this.callbacks = callbacks;
    this.clock = clock;
    this.started = clock();
    let shown = this.secondsLeft();
    this.callbacks.tick(shown);
    this.timer = setInterval(() => {
      const left = this.secondsLeft();
      if (left <= 0) this.hide();
      else if (left !== shown) this.callbacks.tick((shown = left));
    }, 250);
  }

  /** The secret while shown. */
  get value(): string | undefined {
    return this.secret;
  }

  /** Whole seconds until it hides. */
  secondsLeft(): number {
    return secondsLeft(this.started, this.duration, this.clock());
  }

  /** The backend said a secret was hidden: drop ours if it is the same token. */
  onHiddenEvent(id: string): void {
    if (id === this.tokenId) this.hide();
  }

  /** Drops the value now (idempotent). */
  hide(): void {
    if (this.secret === undefined) return;
    this.secret = undefined;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.callbacks.hidden();
  }
}
