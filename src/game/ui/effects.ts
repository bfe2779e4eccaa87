import './effects.css';
import { el } from '../dom/el';
import type { RunView } from '../session-store';
import { effectLines } from '../view/effects';

/**
 * The consequences of the last choice, where it was made: each change to trust, morale, debt,
 * value or the Product Goal with its cause. The lines slide in unless motion is reduced (the CSS
 * reads `data-motion`); screen readers hear the same lines through the live region (play.ts).
 */
export function effectsPanel(run: RunView): HTMLElement | null {
  if (run.error) return null;
  const lines = effectLines(run.last?.effects ?? [], run.step.observation.stakeholders.length);
  if (!lines.length) return null;
  return el(
    'section',
    { class: 'effects', 'aria-labelledby': 'effects-title', 'data-testid': 'effects' },
    el('h2', { class: 'effects__tag', id: 'effects-title' }, 'Consequences'),
    el(
      'ul',
      { class: 'effects__list' },
      ...lines.map((line, i) =>
        el(
          'li',
          { class: `effect effect--${line.tone} effect--${line.kind}`, style: `--i:${i}` },
          el('strong', { class: 'effect__amount' }, line.amount),
          line.who ? el('span', { class: 'effect__who' }, ` for ${line.who}`) : null,
          el('span', { class: 'effect__cause' }, `: ${line.cause}`),
        ),
      ),
    ),
  );
}
