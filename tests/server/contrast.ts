import type { Page } from 'playwright-core';

/**
 * Text that misses WCAG AA contrast (4.5:1, large text 3:1), one line per element. axe cannot
 * judge text over the pages' backdrop (a gradient, seen through translucent panels) and reports
 * it as "incomplete", so this composites each element's backgrounds itself and takes any
 * gradient at `worstBackdrop`, its lightest colour: light text is hardest to read there.
 * Disabled controls are exempt, as in WCAG.
 */
export async function lowContrastText(page: Page, worstBackdrop: string): Promise<string[]> {
  return page.evaluate((backdrop) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:,?\s*\/?\s*([\d.]+))?\)/.exec(c);
      if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
      const h = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c.trim());
      if (h) return [Number.parseInt(h[1]!, 16), Number.parseInt(h[2]!, 16), Number.parseInt(h[3]!, 16), 1];
      throw new Error(`expected a colour, found "${c}"`);
    };
    const over = (top: Rgba, under: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])).concat(1) as Rgba;
    const luminance = ([r, g, b]: Rgba) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const worst = parse(backdrop);
    const problems: string[] = [];
    for (const node of document.querySelectorAll<HTMLElement>('body *')) {
      const hasText = [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== '');
      if (!hasText || node.getClientRects().length === 0 || node.closest(':disabled, [aria-disabled=true]')) continue;
      const chain: HTMLElement[] = [];
      for (let n: HTMLElement | null = node; n; n = n.parentElement) chain.unshift(n);
      let bg: Rgba = [255, 255, 255, 1];
      for (const n of chain) {
        const s = getComputedStyle(n);
        if (s.backgroundImage.includes('gradient')) bg = worst;
        bg = over(parse(s.backgroundColor), bg);
      }
      const s = getComputedStyle(node);
      const fg = over(parse(s.color), bg);
      const size = Number.parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      const r = ratio(fg, bg);
      if (r < (large ? 3 : 4.5)) problems.push(`${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} "${node.textContent!.trim().slice(0, 40)}": ${r.toFixed(2)}:1`);
    }
    return problems;
  }, worstBackdrop);
}
