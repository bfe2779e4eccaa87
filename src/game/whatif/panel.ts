/**
 * The "What if…" panel beside each lesson of the debrief: a toggle in the lesson's title row that
 * shows the rollouts' progress, and, opened, what the other options at that decision would
 * probably have led to, beside the player's own choice played on the same way and their own end.
 * Closed at first, so the first screen still fits: think first, then compare.
 */
import type { Lesson } from '../../assessment/lessons';
import type { AlternativeFigures, Band, DecisionWhatIf, Outcome, WhatIfResult } from '../../whatif/rollouts';
import { number, percentOf100 } from '../../words';
import { el } from '../dom/el';
import './whatif.css';
import type { WhatIfRun, WhatIfState } from './runner';

const whole = (n: number) => number(n, 0);
const pct = (n: number) => percentOf100(n);

function banded(b: Band | null, show: (n: number) => string, none: string): string {
  if (!b) return none;
  return b.low === b.high ? show(b.median) : `${show(b.median)} (${show(b.low)} to ${show(b.high)})`;
}

function yourEnd(o: Outcome): string {
  return `value ${whole(o.value)}, Product Goal ${o.goalPercent === null ? 'not measured' : pct(o.goalPercent)}, trust ${whole(o.trust)}`;
}

function row(label: HTMLElement | string, a: AlternativeFigures, mine: boolean): HTMLElement {
  return el(
    'tr',
    { class: mine ? 'whatif__row whatif__row--yours' : 'whatif__row' },
    el('th', { scope: 'row', class: 'whatif__option' }, label),
    el('td', {}, banded(a.value, whole, 'could not be played on')),
    el('td', {}, banded(a.goalPercent, pct, 'not measured')),
    el('td', {}, banded(a.trust, whole, '—')),
  );
}

function figuresFor(d: DecisionWhatIf, result: WhatIfResult): HTMLElement[] {
  const you = el('p', { class: 'whatif__you' }, el('strong', {}, 'You: '), `your run ended with ${yourEnd(result.learner)}.`);
  if (d.alternatives.length === 0) return [you, el('p', { class: 'whatif__note' }, d.note ?? 'There is no alternative to try here.')];
  const failed = [d.yourChoice, ...d.alternatives].reduce((n, a) => n + (a?.failed ?? 0), 0);
  return [
    you,
    el(
      'table',
      { class: 'whatif__table' },
      el('caption', { class: 'visually-hidden' }, `What the options at “${d.title}” would probably have led to`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Option at this moment'), el('th', { scope: 'col' }, 'Value realised'), el('th', { scope: 'col' }, 'Product Goal'), el('th', { scope: 'col' }, 'Trust'))),
      el(
        'tbody',
        {},
        d.yourChoice ? row(el('span', {}, el('strong', {}, 'Your choice: '), d.taken ?? 'what you did'), d.yourChoice, true) : null,
        ...d.alternatives.map((a) => row(a.label, a, false)),
      ),
    ),
    el(
      'p',
      { class: 'whatif__how' },
      `Each option, yours included, was taken at this moment, then the rest of the run was played ${result.rolloutsPerAlternative} times the way a sound Product Owner would, with different luck: the middle result, and in brackets the range 8 in 10 of those runs fell in. Compare the options with your choice’s row: your own run ended as above.`,
      failed ? ` ${failed === 1 ? 'One of them' : `${failed} of them`} could not be played to the end and ${failed === 1 ? 'is' : 'are'} left out.` : '',
    ),
  ];
}

function toggleText(state: WhatIfState, open: boolean): (HTMLElement | string)[] {
  const mark = el('span', { class: 'whatif__mark', 'aria-hidden': 'true' }, open ? '▾' : '▸');
  if (state.kind === 'running' || state.kind === 'waiting') {
    const share = state.kind === 'running' && state.total > 0 ? state.done / state.total : 0;
    return [
      mark,
      ' What if… ',
      el('progress', { class: 'whatif__progress', max: '100', value: String(Math.round(share * 100)), 'aria-label': 'Working out what the other options would have led to' }),
      el('span', { class: 'whatif__pct' }, ` ${Math.round(share * 100)}%`),
    ];
  }
  return [mark, ' What if…'];
}

/**
 * The toggle (for the lesson's title row) and the region it opens, kept up to date with `run`.
 * `index` numbers the lesson for ids and focus keys.
 */
export function whatIfPanel(run: WhatIfRun, lesson: Lesson, index: number): { toggle: HTMLButtonElement; region: HTMLElement } {
  const id = `whatif-${index + 1}`;
  const toggle = el('button', { type: 'button', class: 'whatif__toggle', 'aria-controls': id, 'aria-expanded': 'false', 'data-focus': `debrief:whatif:${index + 1}` });
  const region = el('div', { class: 'whatif', id, role: 'region', 'aria-label': `What if: ${lesson.title}` });
  const draw = (state: WhatIfState) => {
    const open = run.open.has(lesson.decisionId);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.dataset.state = state.kind;
    toggle.replaceChildren(...toggleText(state, open));
    region.hidden = !open;
    region.dataset.state = state.kind;
    if (!open) return;
    // Drawn once per state: progress moves only the toggle's bar, and this text stays still for screen readers.
    const kind = state.kind === 'waiting' ? 'running' : state.kind;
    if (region.dataset.drawn === kind) return;
    region.dataset.drawn = kind;
    if (state.kind === 'done') {
      const d = state.result.decisions.find((x) => x.decisionId === lesson.decisionId);
      region.replaceChildren(...(d ? figuresFor(d, state.result) : [el('p', { class: 'whatif__note' }, 'There is no alternative to try here.')]));
    } else if (state.kind === 'failed') {
      region.replaceChildren(el('p', { class: 'whatif__note' }, 'The other options could not be worked out this time. Your run and its save are not affected.'));
    } else {
      region.replaceChildren(el('p', { class: 'whatif__note' }, 'Playing the other options on to the end… The figures appear here when they are ready.'));
    }
  };
  toggle.addEventListener('click', () => {
    if (run.open.has(lesson.decisionId)) run.open.delete(lesson.decisionId);
    else run.open.add(lesson.decisionId);
    draw(run.state);
  });
  let attached = false;
  const off = run.subscribe((state) => {
    // A re-rendered debrief builds new panels: this one stops listening once it has left the page.
    if (toggle.isConnected) attached = true;
    else if (attached) {
      off();
      return;
    }
    draw(state);
  });
  draw(run.state);
  return { toggle, region };
}

/** Mirrors the run's state on `target` (data-whatif, data-whatif-rollouts, and data-whatif-ms once done) for tests and the bench. */
export function mirrorWhatIf(run: WhatIfRun, target: HTMLElement): () => void {
  const show = (state: WhatIfState) => {
    target.dataset.whatif = state.kind;
    if (state.kind === 'running' && state.total > 0) target.dataset.whatifRollouts = String(state.total);
    if (state.kind === 'done') {
      target.dataset.whatifMs = String(Math.round(state.ms));
      target.dataset.whatifWorkerMs = String(Math.round(state.workerMs));
    }
  };
  show(run.state);
  return run.subscribe(show);
}
