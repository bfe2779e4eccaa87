import '../theme/debrief.css';
import { DOMAINS, type Debrief, type DebriefGoal } from '../../assessment';
import { costliestDecisions, soundDecisions, type Lesson } from '../../assessment/lessons';
import { partlyReason } from '../../assessment/partly-reason';
import type { GoalVerdict } from '../../assessment/product-goal-verdict';
import { count, percentOf100 } from '../../words';
import { el } from '../dom/el';
import { statusBadge, statusLegend } from './status';

const VERDICT_MARK: Record<GoalVerdict['kind'], string> = { met: '✓', notMet: '✗', unknown: '?', none: '–' };

/**
 * The debrief's first screen: was the Product Goal met, the score, and the three decisions that
 * cost most with what a strong Product Owner weighs there. Sized to fit 1280×720 unscrolled.
 */
/** The "What if…" toggle and region beside a lesson, when the debrief offers them. */
export type LessonExtra = (lesson: Lesson, index: number) => { toggle: HTMLElement; region: HTMLElement } | null;

export function firstScreen(verdict: GoalVerdict, debrief: Debrief | null, whatIf?: LessonExtra): HTMLElement {
  const out = debrief?.outcomes;
  const sound = debrief ? soundDecisions(debrief) : null;
  const lessons = debrief ? costliestDecisions(debrief, 3) : [];
  return el(
    'section',
    { class: 'debrief-first', 'aria-labelledby': 'verdict-title' },
    el('h2', { class: 'visually-hidden', id: 'verdict-title' }, 'Result'),
    el(
      'div',
      { class: 'verdict-row' },
      el(
        'div',
        { class: `verdict verdict--${verdict.kind}`, 'data-verdict': verdict.kind },
        el('p', { class: 'verdict__head' }, el('span', { class: 'verdict__mark', 'aria-hidden': 'true' }, VERDICT_MARK[verdict.kind]), ` ${verdict.headline}`),
        el('p', { class: 'verdict__detail' }, verdict.detail),
      ),
      out
        ? el(
            'div',
            { class: 'verdict verdict--score', 'data-score': '' },
            el('p', { class: 'verdict__head' }, `Score: ${percentOf100(out.valuePercent)}`),
            el(
              'p',
              { class: 'verdict__detail' },
              `The share of the value available that you realised. Sound decisions: ${sound ? `${sound.sound} of ${sound.judged}` : 'none judged'}. Sprint Goals met: ${out.sprintGoalsMet} of ${out.sprintsPlayed}.`,
            ),
          )
        : null,
    ),
    debrief ? lessonsBlock(lessons, whatIf) : null,
  );
}

function lessonsBlock(lessons: readonly Lesson[], whatIf?: LessonExtra): HTMLElement {
  const heading = lessons.length === 3 ? 'Three lessons' : lessons.length === 1 ? 'One lesson' : lessons.length === 0 ? 'Lessons' : `${lessons.length} lessons`;
  return el(
    'section',
    { class: 'lessons', 'aria-labelledby': 'lessons-title' },
    el(
      'div',
      { class: 'lessons__head' },
      el('h2', { class: 'block__title', id: 'lessons-title', tabindex: '-1', 'data-focus': 'debrief:lessons-title' }, heading),
      el('p', { class: 'block__hint lessons__prompt' }, lessons.length ? 'Which choice would you take back? Think first, then compare: these cost you most.' : 'Every judged decision was sound: none cost you much in this run.'),
    ),
    lessons.length
      ? el(
          'ol',
          { class: 'lessons__list' },
          ...lessons.map((l, i) => {
            const extra = whatIf?.(l, i) ?? null;
            return el(
              'li',
              { class: 'lesson' },
              extra ? el('div', { class: 'lesson__head' }, el('p', { class: 'lesson__title' }, l.title), extra.toggle) : el('p', { class: 'lesson__title' }, l.title),
              el('p', { class: 'lesson__happened' }, l.happened),
              el('p', { class: 'lesson__weighs' }, el('strong', {}, 'A strong Product Owner weighs: '), l.weighs),
              extra?.region ?? null,
            );
          }),
        )
      : null,
  );
}

/** This run's goals by domain: a compact map, and why each partly shown goal is only partly shown. */
export function runMap(debrief: Debrief): HTMLElement {
  const partly = debrief.goals.filter((g) => g.status === 'partly');
  return el(
    'section',
    { class: 'block', 'aria-labelledby': 'run-map-title' },
    el('h2', { class: 'block__title', id: 'run-map-title' }, 'Your knowledge map after this run'),
    statusLegend(),
    el(
      'ul',
      { class: 'run-map' },
      ...debrief.domains.map((d) => {
        const number = DOMAINS.find((x) => x.id === d.domainId)?.domain;
        const c = d.counts;
        const parts = [c.shown ? `${c.shown} shown` : '', c.partly ? `${c.partly} partly shown` : '', c.missed ? `${c.missed} missed` : ''].filter(Boolean);
        return el(
          'li',
          { class: `run-map__domain run-map__domain--${d.status}` },
          el('span', { class: 'run-map__title' }, `Domain ${number}: ${d.title}`),
          statusBadge(d.status),
          el('span', { class: 'run-map__counts' }, parts.length ? parts.join(', ') : 'not tested in this run'),
        );
      }),
    ),
    partly.length
      ? el(
          'div',
          { class: 'partly-why' },
          el('h3', { class: 'partly-why__title' }, 'Why some goals are only partly shown'),
          el(
            'ul',
            { class: 'partly-why__list' },
            ...partly.map((g) => {
              const why = partlyReason(debrief, g.goalId);
              return el('li', { class: 'partly-why__item', 'data-reason': why.kind }, el('strong', {}, `${g.title}: `), why.text);
            }),
          ),
        )
      : null,
  );
}

/** Every judged decision, folded by domain: each domain opens on its own, all closed at first. */
export function decisionsByDomain(debrief: Debrief): HTMLElement {
  const reasonsFor = (goalId: string) => debrief.decisions.flatMap((d) => d.goals.filter((g) => g.goalId === goalId).map((g) => ({ title: d.title, rationale: g.rationale })));
  const goalItem = (g: DebriefGoal) => {
    const reasons = reasonsFor(g.goalId);
    const weighs = debrief.decisions.flatMap((d) => d.goals).find((x) => x.goalId === g.goalId)?.strongPoWeighs;
    const why = g.status === 'partly' ? partlyReason(debrief, g.goalId) : null;
    return el(
      'li',
      { class: `goal goal--${g.status}` },
      el('div', { class: 'goal__head' }, statusBadge(g.status), el('span', { class: 'goal__title' }, g.title)),
      why ? el('p', { class: 'goal__why' }, el('strong', {}, `${why.label}. `), why.text) : null,
      reasons.length
        ? el('ul', { class: 'goal__reasons' }, ...reasons.map((r) => el('li', {}, el('strong', {}, `${r.title}: `), r.rationale)))
        : el('p', { class: 'goal__reasons' }, 'No decision in this run tested this goal yet.'),
      weighs && g.status !== 'shown' ? el('details', { class: 'goal__weighs' }, el('summary', {}, 'What a strong Product Owner weighs here'), el('p', {}, weighs)) : null,
    );
  };
  return el(
    'section',
    { class: 'block', 'aria-labelledby': 'goals-title' },
    el('h2', { class: 'block__title', id: 'goals-title', tabindex: '-1', 'data-focus': 'debrief:goals-title' }, 'Every decision, by domain'),
    el('p', { class: 'block__hint' }, 'Open a domain to see each goal, the decisions that tested it and what happened.'),
    ...debrief.domains.map((d) => {
      const number = DOMAINS.find((x) => x.id === d.domainId)?.domain;
      const goals = debrief.goals.filter((g) => g.domain === number);
      const judged = new Set(debrief.decisions.filter((x) => x.goals.some((g) => g.domain === number)).map((x) => x.decisionId)).size;
      return el(
        'details',
        { class: 'domain domain-fold', 'data-domain': d.domainId },
        el(
          'summary',
          { class: 'domain__title' },
          el('span', {}, `Domain ${number}: ${d.title}`),
          statusBadge(d.status),
          el('span', { class: 'domain__count' }, judged ? count(judged, 'decision') : 'no decision'),
        ),
        goals.length ? el('ul', { class: 'goals' }, ...goals.map(goalItem)) : el('p', { class: 'block__hint' }, 'Not yet seen: no decision in this scenario tests this domain.'),
      );
    }),
  );
}
