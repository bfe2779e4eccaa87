/** True when the player asked the system for less motion: scenes then skip decorative tweens. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
