// Builds DOM nodes. Text goes in through textContent only: names and labels come from
// learners and scenario files, and must never be parsed as HTML.

/**
 * @param {string} tag
 * @param {{ text?: string, className?: string, attrs?: Record<string, string>, on?: Record<string, (e: Event) => void> }} [o]
 * @param {(Node | string | null | undefined | false)[]} [children]
 */
export function el(tag, o = {}, children = []) {
  const node = document.createElement(tag);
  if (o.text !== undefined) node.textContent = o.text;
  if (o.className) node.className = o.className;
  for (const [k, v] of Object.entries(o.attrs ?? {})) node.setAttribute(k, v);
  for (const [k, fn] of Object.entries(o.on ?? {})) node.addEventListener(k, fn);
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Replaces the children of `node`. */
export function fill(node, ...children) {
  node.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export function $(selector) {
  const node = document.querySelector(selector);
  if (!node) throw new Error(`missing ${selector}`);
  return node;
}

/** "#a=1&b=2" → { a: '1', b: '2' } */
export function fragment() {
  return Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
}

export function wsUrl(path) {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

export function pct(x) {
  return x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
}

export function num(x, digits = 0) {
  return x === null || x === undefined ? '–' : Number(x).toFixed(digits);
}
