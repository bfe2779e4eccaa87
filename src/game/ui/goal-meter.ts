import './goal-meter.css';
import { el } from '../dom/el';
import type { RunView } from '../session-store';
import { goalMeter } from '../view/goal-progress';

/** The Product Goal on every run screen's top bar, measured the way the Sprint Review measures it. */
export function hudGoalMeter(run: RunView): HTMLElement | null {
  const m = goalMeter(run.step.observation.productGoalProgress);
  if (!m) return null;
  const pct = m.share === null ? 0 : Math.round(m.share * 100);
  return el(
    'div',
    {
      class: `hud__goal${m.share === null ? ' hud__goal--unmeasured' : ''}`,
      'data-testid': 'goal-meter',
      title: m.text,
      ...(m.share === null
        ? { role: 'note', 'aria-label': m.text }
        : { role: 'meter', 'aria-label': `Product Goal: ${m.goal}`, 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(pct), 'aria-valuetext': `${m.value} (${pct}%)` }),
    },
    el('span', { class: 'hud__goal-label', 'aria-hidden': 'true' }, 'Product Goal'),
    el('span', { class: 'hud__goal-value', 'aria-hidden': 'true' }, m.value),
    m.share === null ? null : el('span', { class: 'hud__goal-track', 'aria-hidden': 'true' }, el('span', { class: 'hud__goal-fill', style: `width:${pct}%` })),
  );
}
