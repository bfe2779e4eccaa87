/**
 * The palette for the canvas, read from the CSS custom properties in styles.css so that the DOM
 * and the canvas can never drift apart. Phaser wants colours as 0xRRGGBB numbers.
 */
export interface Palette {
  ink: number;
  navy: number;
  navyLight: number;
  blue: number;
  sky: number;
  green: number;
  orange: number;
  yellow: number;
  purple: number;
  text: number;
}

const cssNames: Record<keyof Palette, string> = {
  ink: '--sw-ink',
  navy: '--sw-navy',
  navyLight: '--sw-navy-light',
  blue: '--sw-blue',
  sky: '--sw-sky',
  green: '--sw-green',
  orange: '--sw-orange',
  yellow: '--sw-yellow',
  purple: '--sw-purple',
  text: '--sw-text',
};

export function readPalette(root: Element = document.documentElement): Palette {
  const style = getComputedStyle(root);
  const palette = {} as Palette;
  for (const key of Object.keys(cssNames) as (keyof Palette)[]) {
    const value = style.getPropertyValue(cssNames[key]).trim();
    if (!/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`${cssNames[key]} must be a #rrggbb colour, got "${value}"`);
    palette[key] = Number.parseInt(value.slice(1), 16);
  }
  return palette;
}
