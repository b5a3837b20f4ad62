/**
 * A tiny element builder, so views read like the markup they produce without a framework.
 * Text always goes in as text nodes (never innerHTML), so a token name or a server message
 * can never inject markup.
 */

/** Anything `h` accepts as a child; `null`, `undefined` and `false` are skipped. */
export type Child = Node | string | number | null | undefined | false | Child[];

// Event handlers receive the DOM event of their name; `any` keeps call sites terse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (ev: any) => void;

/** Attributes, properties (`value`, `checked`) and `on<event>` listeners for `h`. */
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

const PROPERTIES = new Set(["value", "checked", "indeterminate", "selected"]);

/**
 * Creates an element. `class` sets the class list, `onclick` & co. add listeners, `value`,
 * `checked` and `selected` set properties, `true` sets an empty attribute and `false`,
 * `null` or `undefined` leaves it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Applies `h`-style attributes to an existing element. */
export function setAttrs(el: HTMLElement, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "class") {
      el.className = String(value);
    } else if (PROPERTIES.has(key)) {
      (el as unknown as Record<string, unknown>)[key] = value;
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

/** Appends children (flattening arrays, skipping empty ones). */
export function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all of `el`'s children. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A unique id for label/aria wiring. */
let counter = 0;
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** True when keyboard input is going into a text control (shortcuts must stay out of the way). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  }
  return false;
}

/** Calls `fn` once `ms` have passed without another call; `cancel()` drops a pending call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
  run.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return run;
}
