export type Child = Node | string;
/** A child that may be left out: `cond && el(...)` reads naturally in a builder. */
export type OptionalChild = Child | null | undefined | false;

/** Builds a DOM element: `el('p', { class: 'hint' }, 'Press ', el('kbd', {}, 'Tab'))`. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: OptionalChild[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  // A style set through the CSSOM is allowed by the game's CSP; a style attribute is not.
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'style') element.style.cssText = value;
    else element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** Builds an SVG element from trusted, static markup (icons written in our own source). */
export function svgIcon(markup: string): SVGSVGElement {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  const svg = template.content.firstElementChild;
  if (!(svg instanceof SVGSVGElement)) throw new Error('svgIcon needs a single <svg> element');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  return svg;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds an SVG element for charts drawn from data (numbers only, never markup). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}
