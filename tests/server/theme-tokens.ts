import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The game's theme, the one source of its colours and type. */
export const GAME_THEME = fileURLToPath(new URL('../../src/game/theme/styles.css', import.meta.url));
/** The server pages' copy of those tokens. */
export const PAGE_TOKENS = fileURLToPath(new URL('../../src/server/public/tokens.css', import.meta.url));

/** The `--sw-*` custom properties declared in a stylesheet's `:root` rules, by name. */
export function swTokens(file: string): Map<string, string> {
  const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const tokens = new Map<string, string>();
  for (const block of css.matchAll(/(?:^|\})\s*:root\s*\{([^}]*)\}/g)) {
    for (const m of block[1]!.matchAll(/(--sw-[\w-]+)\s*:\s*([^;]+);/g)) tokens.set(m[1]!, m[2]!.trim());
  }
  return tokens;
}

/** `#rrggbb` as the `rgb(r, g, b)` that getComputedStyle gives back. */
export function hexToRgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`expected a #rrggbb colour, found "${hex}"`);
  return `rgb(${m.slice(1).map((h) => Number.parseInt(h, 16)).join(', ')})`;
}

/** A font stack without quotes or spacing, so the written and the computed forms compare. */
export function fontStack(value: string): string {
  return value.replace(/["']/g, '').split(',').map((f) => f.trim()).join(',');
}
