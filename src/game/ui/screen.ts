import { el, type OptionalChild } from '../dom/el';
import { phaseName, SPRINT_STEPS } from '../router';
import type { Notice, RunView } from '../session-store';
import { effectsPanel } from './effects';
import { hudGoalMeter } from './goal-meter';
import { coachCardFor } from '../coach/for-run';
import { coachCardElement, revealOnce } from '../coach/render';

export interface ScreenOptions {
  key: string;
  run: RunView;
  title: string;
  lead?: string;
  main: OptionalChild[];
  side?: OptionalChild[];
  sideLabel?: string;
  /** A full-width band under the top bar (the Sprint's day track). */
  band?: HTMLElement;
  /** Buttons in the top bar's tool area (Log, Menu). */
  tools: HTMLElement[];
}

function stepper(phase: string): HTMLElement {
  if (!phase.startsWith('sprint.')) return el('p', { class: 'hud__phase' }, phaseName(phase));
  const current = SPRINT_STEPS.findIndex((s) => phase === s.prefix || phase.startsWith(`${s.prefix}.`));
  return el(
    'nav',
    { class: 'stepper', 'aria-label': 'Steps of the Sprint' },
    el(
      'ol',
      {},
      ...SPRINT_STEPS.map((s, i) =>
        el(
          'li',
          { class: `stepper__step${i === current ? ' is-current' : i < current ? ' is-done' : ''}`, ...(i === current ? { 'aria-current': 'step' } : {}) },
          el('span', { class: 'stepper__mark', 'aria-hidden': 'true' }, i < current ? '✓' : String(i + 1)),
          el('span', { class: 'stepper__label' }, s.label),
          i < current ? el('span', { class: 'visually-hidden' }, ' (done)') : null,
        ),
      ),
    ),
  );
}

export function hud(run: RunView, tools: HTMLElement[]): HTMLElement {
  const o = run.step.observation;
  const where =
    o.sprint > 0
      ? `Sprint ${o.sprint} of ${o.sprints}${run.step.phase.startsWith('sprint.execution') ? (o.day === 0 ? ' · Day 1 is next' : ` · Day ${o.day} of ${o.days} done`) : ''}`
      : `${o.sprints} Sprints of ${o.days} days`;
  return el(
    'header',
    { class: 'hud' },
    el('div', { class: 'hud__run' }, el('p', { class: 'hud__product' }, o.scenario.product), el('p', { class: 'hud__where' }, where)),
    hudGoalMeter(run),
    stepper(run.step.phase),
    el('div', { class: 'hud__tools' }, ...tools),
  );
}

export function noticeBanner(notices: readonly Notice[]): HTMLElement | null {
  if (notices.length === 0) return null;
  return el(
    'div',
    { class: 'notices' },
    ...notices.map((n) =>
      el('p', { class: `notice notice--${n.tone}`, role: n.tone === 'error' ? 'alert' : 'note' }, el('strong', {}, n.tone === 'error' ? 'Problem: ' : n.tone === 'warning' ? 'Note: ' : ''), n.text),
    ),
  );
}

/** What the last choice did (or why it was refused), with the coach's feedback, in the page rather than a passing toast. */
function latest(run: RunView): HTMLElement | null {
  if (run.error) return el('div', { class: 'latest latest--error' }, el('span', { class: 'latest__tag' }, 'Not possible'), el('p', {}, run.error));
  const card = coachCardFor(run);
  const node = card ? coachCardElement(card) : null;
  if (node && card!.judgements.length && run.last) revealOnce(node, run.last);
  return node;
}

/**
 * The side pane scrolls on its own, except for the screen's main button (`.primary-bar`),
 * which stays in view at the bottom whatever the text size.
 */
function sidePane(children: OptionalChild[], label: string): HTMLElement {
  const isBar = (c: OptionalChild) => c instanceof HTMLElement && c.classList.contains('primary-bar');
  return el(
    'aside',
    { class: 'pane pane--side', 'aria-label': label },
    // Focusable so that keyboard users can scroll it when it holds no control.
    el('div', { class: 'side-scroll', 'data-scroll': 'side', tabindex: '0', role: 'region', 'aria-label': label }, ...children.filter((c) => !isBar(c))),
    ...children.filter(isBar),
  );
}

/** The common frame of a run screen: top bar, a main pane with the heading, and a side pane. */
export function screen(options: ScreenOptions): HTMLElement {
  const { run } = options;
  return el(
    'section',
    { class: `screen screen--${options.key}${options.band ? ' screen--banded' : ''}`, 'aria-labelledby': 'screen-title' },
    hud(run, options.tools),
    options.band ?? null,
    el(
      'div',
      { class: `screen__body${options.side ? '' : ' screen__body--single'}` },
      el(
        'div',
        { class: 'pane pane--main', 'data-scroll': 'main', tabindex: '0', role: 'region', 'aria-labelledby': 'screen-title' },
        el(
          'div',
          { class: 'screen__head' },
          el('h1', { id: 'screen-title', class: 'screen__title', tabindex: '-1' }, options.title),
          options.lead ? el('p', { class: 'screen__lead' }, options.lead) : null,
        ),
        noticeBanner(run.notices),
        latest(run),
        effectsPanel(run),
        ...options.main,
      ),
      options.side ? sidePane(options.side, options.sideLabel ?? 'Details') : null,
    ),
  );
}

/** The PO's own time for research, in words; before Sprint 1 it is the time of Sprint 1. */
export function poTimeText(o: { sprint: number; poTime: number }): string {
  return `Your own time left ${o.sprint === 0 ? 'until the end of Sprint 1' : 'this Sprint'}: ${o.poTime} half-day${o.poTime === 1 ? '' : 's'}.`;
}

/** A titled block inside a pane. */
export function block(title: string, id: string, ...children: OptionalChild[]): HTMLElement {
  return el('section', { class: 'block', 'aria-labelledby': id }, el('h2', { class: 'block__title', id }, title), ...children);
}

/** A label/value pair list: `facts([['Capacity', '20 points']])`. */
export function facts(rows: readonly (readonly [string, OptionalChild])[]): HTMLElement {
  return el('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** A 0..100 meter with its number in words: never a bare bar. */
export function meter(label: string, value: number, options: { max?: number; unit?: string; lowIsGood?: boolean } = {}): HTMLElement {
  const max = options.max ?? 100;
  const pct = Math.max(0, Math.min(100, (value / max) * 100));
  return el(
    'div',
    { class: `meter${options.lowIsGood ? ' meter--inverse' : ''}` },
    el('span', { class: 'meter__label' }, label),
    el('span', { class: 'meter__value' }, `${Math.round(value * 10) / 10}${options.unit ?? ''}${max !== 100 || options.unit ? '' : ' / 100'}`),
    el('span', { class: 'meter__track', role: 'presentation' }, el('span', { class: 'meter__fill', style: `width:${pct}%` })),
  );
}
