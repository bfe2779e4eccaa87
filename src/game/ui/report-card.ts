import './report-card.css';
import { el } from '../dom/el';
import type { RunView } from '../session-store';
import { reportCard } from '../view/report-card';

const VERDICT = { met: 'Met', 'not met': 'Not met', cancelled: 'Cancelled' } as const;
const MOOD = { pleased: 'Pleased', steady: 'Steady', worried: 'Worried', unknown: null } as const;

/** The Sprint's report card, at the top of the Retrospective: what the Sprint achieved, before looking at how. */
export function reportCardElement(run: RunView): HTMLElement | null {
  const card = reportCard(run.step.observation, run.sprintEffects, run.sprintEffectsPartial ?? false);
  if (!card) return null;
  const row = (label: string, badge: string | null, tone: string, text: string) => [
    el('dt', {}, label),
    el('dd', {}, badge ? el('span', { class: `report-card__badge report-card__badge--${tone}` }, badge) : null, badge ? ' ' : null, text),
  ];
  const forecastTone = card.forecast.done >= card.forecast.forecast ? 'good' : 'bad';
  return el(
    'section',
    { class: 'report-card', 'aria-labelledby': 'report-card-title', 'data-testid': 'report-card' },
    el('h2', { class: 'report-card__title', id: 'report-card-title' }, `Sprint ${card.sprint} report card`),
    el(
      'dl',
      { class: 'report-card__rows' },
      ...row('Sprint Goal', VERDICT[card.goal.verdict], card.goal.verdict === 'met' ? 'good' : 'bad', card.goal.text),
      ...row('Value delivered', null, '', card.value),
      ...row('Forecast and Done', `${card.forecast.done} of ${card.forecast.forecast}`, forecastTone, card.forecast.text),
      ...row('Stakeholders', MOOD[card.mood.tone], card.mood.tone === 'pleased' ? 'good' : card.mood.tone === 'worried' ? 'bad' : 'neutral', card.mood.text),
    ),
    el('p', { class: 'report-card__lesson' }, el('strong', {}, 'Lesson: '), card.lesson),
  );
}
