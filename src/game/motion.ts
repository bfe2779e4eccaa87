import { motionAllowed } from './settings';

/**
 * True when decorative motion should be left out: the player chose "reduce" in the settings, or
 * left it on "system" and the system asks for less motion.
 */
export function prefersReducedMotion(): boolean {
  return !motionAllowed();
}
