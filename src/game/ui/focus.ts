/** The focus key (`data-focus`) of the control that has focus inside `root`, if any. */
export function focusKeyIn(root: HTMLElement): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return null;
  return active.closest<HTMLElement>('[data-focus]')?.dataset.focus ?? null;
}

/**
 * Puts focus back after a re-render: on the control with the same key, else on the first
 * fallback key that exists, else on the screen's heading. Focus never falls to <body>, where a
 * keyboard player would lose their place.
 */
export function restoreFocus(root: HTMLElement, key: string | null, fallbacks: readonly string[] = []): void {
  for (const k of [key, ...fallbacks]) {
    if (!k) continue;
    const target = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(k)}"]`);
    if (target && !target.hasAttribute('disabled')) {
      target.focus({ preventScroll: false });
      return;
    }
  }
  focusHeading(root);
}

export function focusHeading(root: HTMLElement): void {
  root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}
