import { el } from '../dom/el';
import './coach.css';
import type { CoachCard, CoachJudgement } from './view-model';

/** Judgements shown at once; the rest fold open, so Sprint Planning's many do not bury the screen. */
const SHOWN = 3;

function judgement(j: CoachJudgement): HTMLElement {
  return el(
    'li',
    { class: `coach__item coach__item--${j.verdict}`, 'data-verdict': j.verdict, 'data-kind': j.kind },
    j.about ? el('p', { class: 'coach__about' }, j.about) : null,
    el('p', { class: 'coach__head' }, el('span', { class: 'coach__badge' }, j.verdictText), j.goal ? el('span', { class: 'coach__goal' }, ` ${j.goal}`) : null),
    el('p', { class: 'coach__why' }, el('strong', {}, j.kind === 'question' ? 'Your answer: ' : 'Why: '), j.why),
    j.best ? el('p', { class: 'coach__best' }, el('strong', {}, 'The best answer: '), `${j.best.answer}.`) : null,
    j.best ? el('p', { class: 'coach__best-why' }, el('strong', {}, 'Why it is best: '), j.best.why) : null,
    j.idea ? el('p', { class: 'coach__idea' }, el('strong', {}, 'The idea: '), j.idea) : null,
  );
}

/**
 * The card in the main pane: what happened, the coach's judgements and what the world will judge
 * later. Null when there is nothing to say. Screen readers hear it through the live region (play.ts).
 */
export function coachCardElement(card: CoachCard): HTMLElement | null {
  if (!card.happened.length && !card.judgements.length && !card.later) return null;
  const first = card.judgements.slice(0, SHOWN);
  const rest = card.judgements.slice(SHOWN);
  return el(
    'section',
    { class: `latest coach${card.judgements.length ? ' coach--judged' : ''}`, 'aria-label': card.judgements.length ? 'What happened, and the coach' : 'What happened', 'data-coach': '' },
    el('span', { class: 'latest__tag' }, card.happened.length ? 'What happened' : 'The coach'),
    ...card.happened.map((m) => el('p', {}, m)),
    card.more > 0 ? el('p', { class: 'latest__more' }, `and ${card.more} more in the Log`) : null,
    first.length ? el('ul', { class: 'coach__list', 'aria-label': 'The coach' }, ...first.map(judgement)) : null,
    rest.length
      ? el(
          'details',
          { class: 'coach__more' },
          el('summary', {}, `${rest.length} more ${rest.length === 1 ? 'judgement' : 'judgements'}`),
          el('ul', { class: 'coach__list' }, ...rest.map(judgement)),
        )
      : null,
    card.later ? el('p', { class: 'coach__later' }, card.later) : null,
  );
}

const revealed = new WeakSet<object>();

/**
 * Brings a new card with verdicts into view once, after the screen has restored its scroll
 * position: a player who chose far down the pane would otherwise never see the coach's answer.
 * Focus stays where it was. `key` is the choice's result, so a redraw does not scroll again.
 */
export function revealOnce(card: HTMLElement, key: object): void {
  if (revealed.has(key)) return;
  revealed.add(key);
  queueMicrotask(() => {
    const pane = card.closest<HTMLElement>('[data-scroll]');
    if (!pane || !card.isConnected) return;
    const above = card.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    if (above < 0) pane.scrollTop += above - 8;
  });
}
