/**
 * The handful of line icons the UI uses, as inline SVG (16 px, currentColor), so the app ships
 * no icon font and no images. Icons are decorative: buttons carry their own text or aria-label.
 */

const PATHS = {
  key: "M10.5 2a3.5 3.5 0 0 0-3.3 4.6L2 11.8V14h2.2v-1.3h1.3v-1.3h1.3l1.6-1.6A3.5 3.5 0 1 0 10.5 2Zm1 3.2a.9.9 0 1 1 0-1.8.9.9 0 0 1 0 1.8Z",
  send: "M2 8 14 2.5 11.5 14 8.2 9.6 2 8Zm6.2 1.6L14 2.5",
  gear: "M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5ZM6.9 1.5h2.2l.4 1.7 1.2.7 1.7-.5 1.1 1.9-1.3 1.2v1.4l1.3 1.2-1.1 1.9-1.7-.5-1.2.7-.4 1.7H6.9l-.4-1.7-1.2-.7-1.7.5-1.1-1.9 1.3-1.2V7.3L2.5 6.1l1.1-1.9 1.7.5 1.2-.7.4-1.7Z",
  search: "M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9ZM10.3 10.3 14 14",
  plus: "M8 3v10M3 8h10",
  upload: "M8 10.5V2.5M5 5.5l3-3 3 3M2.5 10v3.5h11V10",
  download: "M8 2.5v8M5 7.5l3 3 3-3M2.5 10v3.5h11V10",
  eye: "M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Zm6.5-2a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z",
  eyeOff: "M2 2l12 12M6.6 6.6a2 2 0 0 0 2.8 2.8M4.2 4.6C2.5 5.8 1.5 8 1.5 8S4 12.5 8 12.5c1.3 0 2.5-.4 3.4-1M7 3.6c.3 0 .7-.1 1-.1 4 0 6.5 4.5 6.5 4.5s-.5 1-1.5 2.1",
  copy: "M5.5 5.5h8v8h-8zM3.5 10.5h-1v-8h8v1",
  edit: "M10.5 2.5l3 3-8 8h-3v-3l8-8Z",
  rotate: "M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2v3h-3",
  ban: "M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2ZM3.8 3.8l8.4 8.4",
  trash: "M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v5M9.2 6.5v5",
  x: "M3.5 3.5l9 9M12.5 3.5l-9 9",
  check: "M3 8.5l3 3 7-7",
  alert: "M8 2 1.5 13.5h13L8 2Zm0 4.5v3.5m0 1.5v.5",
  lock: "M4 7V5a4 4 0 0 1 8 0v2M3 7h10v7H3z",
  chevron: "M4.5 6 8 9.5 11.5 6",
  info: "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM8 7v4.5M8 4.5v.5",
  chart: "M2.5 2.5v11h11M5 10.5l2.5-3 2 2 3.5-4.5",
  list: "M5.5 4h8M5.5 8h8M5.5 12h8M2.5 4h.5M2.5 8h.5M2.5 12h.5",
} as const;

/** Names of the available icons. */
export type IconName = keyof typeof PATHS;

const SVG = "http://www.w3.org/2000/svg";

/** A 16 px stroke icon, hidden from assistive technology. */
export function icon(name: IconName, extraClass = ""): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", `icon ${extraClass}`.trim());
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", PATHS[name]);
  svg.appendChild(path);
  return svg;
}
