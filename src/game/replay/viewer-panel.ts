/**
 * The replay viewer's screen: step controls (first, previous, next, last), a jump to each
 * Sprint and to any choice, the frame in words (viewer-frame.ts), and the way to branch.
 * Every control is a real button or select with a visible label; the scene adds the keys.
 */
import type { ReplayStepper } from '../../replay';
import { el } from '../dom/el';
import { page, toolButton } from '../ui/page';
import { choiceLabel, choicesBlock, judgementBlock, observationBlock, partOf, theirChoiceBlock } from './viewer-frame';
import type { ViewerReplay } from './viewer-source';

export interface ViewerHandlers {
  goTo(step: number): void;
  back(): void;
  branch(): void;
  download(): void;
  shareLink(): void;
  keys(): void;
  settings(): void;
}

/** A place to jump to: the start, each Sprint, the release decision, the end. */
interface Mark {
  label: string;
  step: number;
}

function marks(stepper: ReplayStepper): Mark[] {
  const out: Mark[] = [{ label: 'Briefing', step: 0 }, ...stepper.sprintStarts().map((s) => ({ label: `Sprint ${s.sprint}`, step: s.step }))];
  for (let i = out[out.length - 1]!.step; i <= stepper.length; i++) {
    if (stepper.at(i).phase === 'release') {
      out.push({ label: 'Release', step: i });
      break;
    }
  }
  out.push({ label: 'End', step: stepper.length });
  return out;
}

/** "Choice 12 of 118" before a choice, "End: after all 118 choices" after the last. */
export function positionText(stepper: ReplayStepper, step: number): string {
  return step < stepper.length ? `Choice ${step + 1} of ${stepper.length}` : `End: after all ${stepper.length} choices`;
}

interface JumpOption {
  group: string;
  step: number;
  label: string;
}

/** The jump list's entries take a pass over every frame: made once per replay. */
const jumpCache = new WeakMap<ReplayStepper, JumpOption[]>();

function jumpOptions(stepper: ReplayStepper): JumpOption[] {
  let options = jumpCache.get(stepper);
  if (options) return options;
  const judged = new Map(stepper.judgements().map((j) => [j.step, j.goalIds]));
  options = [];
  for (let i = 0; i <= stepper.length; i++) {
    const frame = stepper.at(i);
    const label = choiceLabel(frame);
    const goals = judged.get(i);
    const short = label.length > 70 ? `${label.slice(0, 69)}…` : label;
    options.push({ group: i === stepper.length ? 'End' : partOf(frame), step: i, label: `${i < stepper.length ? `${i + 1}. ` : ''}${short}${goals ? ` ★ judged: ${goals.join(', ')}` : ''}` });
  }
  jumpCache.set(stepper, options);
  return options;
}

function navButton(label: string, symbol: string, target: number, key: string, off: boolean, h: ViewerHandlers, symbolAfter = false): HTMLButtonElement {
  const icon = el('span', { 'aria-hidden': 'true' }, symbol);
  // aria-disabled, not disabled: the button keeps focus at either end of the run.
  const b = el('button', { type: 'button', class: 'btn btn--secondary viewer-nav__btn', 'data-focus': key, ...(off ? { 'aria-disabled': 'true' } : {}) }, ...(symbolAfter ? [label, ' ', icon] : [icon, ' ', label]));
  b.addEventListener('click', () => {
    if (!off) h.goTo(target);
  });
  return b;
}

function nav(v: ViewerReplay, h: ViewerHandlers): HTMLElement {
  const { stepper } = v;
  const at = stepper.position;
  const last = stepper.length;
  const all = marks(stepper);
  const current = [...all].reverse().find((m) => m.step <= at);
  const select = el('select', { id: 'viewer-jump', class: 'viewer-nav__select', 'data-focus': 'viewer:jump' });
  let group: HTMLOptGroupElement | null = null;
  for (const o of jumpOptions(stepper)) {
    if (!group || group.label !== o.group) {
      group = el('optgroup', { label: o.group });
      select.append(group);
    }
    const option = el('option', { value: String(o.step) }, o.label);
    option.selected = o.step === at;
    group.append(option);
  }
  const go = el('button', { type: 'button', class: 'btn btn--quiet viewer-nav__go', 'data-focus': 'viewer:go' }, 'Go');
  go.addEventListener('click', () => h.goTo(Number(select.value)));

  return el(
    'nav',
    { class: 'viewer-nav', 'aria-label': 'Move through the replay' },
    el(
      'div',
      { class: 'viewer-nav__row' },
      navButton('First', '«', 0, 'viewer:first', at === 0, h),
      navButton('Previous', '◀', at - 1, 'viewer:previous', at === 0, h),
      el('p', { class: 'viewer-nav__pos', id: 'viewer-position' }, positionText(stepper, at)),
      navButton('Next', '▶', at + 1, 'viewer:next', at === last, h, true),
      navButton('Last', '»', last, 'viewer:last', at === last, h, true),
    ),
    el(
      'div',
      { class: 'viewer-nav__row viewer-nav__marks', role: 'group', 'aria-label': 'Jump to a part of the run' },
      ...all.map((m) => {
        const here = m === current;
        const b = el('button', { type: 'button', class: `btn btn--quiet viewer-mark${here ? ' is-current' : ''}`, 'data-focus': `viewer:mark:${m.label}`, ...(here ? { 'aria-current': 'step' } : {}) }, m.label);
        b.addEventListener('click', () => h.goTo(m.step));
        return b;
      }),
    ),
    el('div', { class: 'viewer-nav__row viewer-nav__jump' }, el('label', { for: 'viewer-jump' }, 'Jump to a choice'), select, go),
  );
}

/** The whole viewer screen for the stepper's current position. */
export function viewerScreen(v: ViewerReplay, h: ViewerHandlers, backLabel: string): HTMLElement {
  const { stepper } = v;
  const frame = stepper.at(stepper.position);
  const replay = stepper.replay;

  // At the end of a finished run there is nothing left to choose: a branch needs an earlier frame.
  const branch = frame.done
    ? el('p', { class: 'block__hint' }, 'The run is over here. Go back to any choice to play a different one from there.')
    : el(
        'button',
        { type: 'button', class: 'btn btn--primary', 'data-focus': 'viewer:branch' },
        el('span', { class: 'btn__label' }, frame.action ? 'Play a different choice from here' : 'Play on from here'),
        el('span', { class: 'btn__detail' }, 'A branch of its own: your saved games stay as they are'),
      );
  if (!frame.done) branch.addEventListener('click', h.branch);
  const download = el('button', { type: 'button', class: 'btn btn--quiet', 'data-focus': 'viewer:download' }, 'Download the replay file');
  download.addEventListener('click', h.download);
  const link = el('button', { type: 'button', class: 'btn btn--quiet', 'data-focus': 'viewer:link' }, 'Copy replay link');
  link.addEventListener('click', h.shareLink);

  const screen = page({
    key: 'replay-viewer',
    title: `Replay: ${v.scenario.scenario.title}`,
    lead: `${replay.actions.length} choices, seed ${replay.seed}, from ${v.source}. Verified: re-played, it gives exactly the recorded run.`,
    tools: [toolButton(backLabel, '←', h.back, 'tool:back'), toolButton('Keyboard', '⌨', h.keys, 'tool:keys'), toolButton('Settings', '⚙', h.settings, 'tool:settings')],
    main: [nav(v, h), observationBlock(frame), choicesBlock(frame)],
    side: [
      el('div', { class: 'side-scroll', 'data-scroll': 'side', tabindex: '0', role: 'region', 'aria-label': 'The choice and its judgement' }, theirChoiceBlock(frame), judgementBlock(frame, stepper)),
      el('div', { class: 'primary-bar' }, branch, el('div', { class: 'row-actions viewer-share' }, download, link)),
    ],
    sideLabel: 'The choice, its judgement and what next',
  });
  screen.dataset.step = String(stepper.position);
  return screen;
}
