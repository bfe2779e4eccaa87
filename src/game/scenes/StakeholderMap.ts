import type { BatchPart, ListedAction, Observation } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, paramOf } from '../ui/actions';
import { humanize } from '../ui/grouped-actions';
import { initials, trustBadge } from '../ui/people';
import { quadrantBoard, type BoardToken, type Quadrant } from '../ui/quadrant-board';
import { block, facts, meter, screen } from '../ui/screen';
import { ViewScene } from './view-scene';
import { announce } from '../dom/announce';
import { SceneKey } from './keys';
import '../theme/map-forms.css';

/** The influence/interest grid in reading order; ids are the engine's quadrants. */
const QUADRANTS: readonly [Quadrant, Quadrant, Quadrant, Quadrant] = [
  { id: 'keepSatisfied', title: 'Keep satisfied', hint: 'High influence, low interest' },
  { id: 'manageClosely', title: 'Manage closely', hint: 'High influence, high interest' },
  { id: 'monitor', title: 'Monitor', hint: 'Low influence, low interest' },
  { id: 'keepInformed', title: 'Keep informed', hint: 'Low influence, high interest' },
];

const ROADMAPS: Record<string, string> = { nowNextLater: 'Now, Next, Later', goalOriented: 'goal-oriented', datedFeatures: 'dated feature list' };
const SHARING: Record<string, string> = { transparent: 'the burn-up, the forecast range and the open risks', optimistic: '“everything is on track”' };

function quadrantName(id: string | null): string {
  const q = QUADRANTS.find((x) => x.id === id);
  return q ? `${q.title} (${q.hint.toLowerCase()})` : 'not on your map yet';
}

/**
 * The stakeholder map: each stakeholder on an influence/interest grid, with their trust, and
 * the ways of keeping them informed the engine offers now. The player places everyone first,
 * then saves the map: the placements go to the engine together, as listed mapStakeholder
 * actions in one step. Outside the phases that list them the map is a record of how things stand.
 */
export class StakeholderMap extends ViewScene {
  private selectedId: string | null = null;
  private trustChange = new Map<string, number>();
  /** Placements made and not yet saved: quadrant by stakeholder id. */
  private readonly pending = new Map<string, string>();

  constructor() {
    super(SceneKey.StakeholderMap);
  }

  /** The run the pending placements belong to: they wait for the player's return, in that run only. */
  private pendingRun = 0;

  protected override accent(): number {
    return this.palette.sky;
  }

  protected override focusFallbacks(): string[] {
    return this.selectedId ? [`token:map:${this.selectedId}`] : [];
  }

  protected describeChange(before: Observation, after: Observation): string | null {
    const lines: string[] = [];
    this.trustChange = new Map();
    for (const s of after.stakeholders) {
      const was = before.stakeholders.find((x) => x.id === s.id);
      if (!was) continue;
      if (was.mappedAs !== s.mappedAs) {
        lines.push(`${s.name} is now on your map as ${quadrantName(s.mappedAs)}.`);
        // The details follow whoever was just placed, however they were placed.
        this.selectedId = s.id;
      }
      if (was.trust !== s.trust) this.trustChange.set(s.id, s.trust - was.trust);
    }
    if (this.trustChange.size) {
      const moves = [...this.trustChange].map(([id, d]) => `${after.stakeholders.find((s) => s.id === id)?.name} ${d > 0 ? '+' : '−'}${Math.abs(Math.round(d))}`);
      lines.push(`Trust changed: ${moves.join(', ')}.`);
    }
    return lines.length ? lines.join(' ') : null;
  }

  protected renderView(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const moves = listedOf(step, 'mapStakeholder');
    if (run.runNumber !== this.pendingRun) {
      this.pending.clear();
      this.pendingRun = run.runNumber;
    }
    if (!o.stakeholders.some((s) => s.id === this.selectedId)) this.selectedId = null;
    const chosen = this.pendingMoves(o, moves);

    const tokens: BoardToken[] = o.stakeholders.map((s) => {
      const mine = new Map<string, ListedAction>();
      for (const a of moves) if (paramOf(a, 'stakeholderId') === s.id) mine.set(String(paramOf(a, 'quadrant')), a);
      const pending = this.pending.get(s.id);
      return {
        id: s.id,
        name: s.name,
        placedIn: pending ?? s.mappedAs,
        pending: pending !== undefined,
        savedIn: s.mappedAs,
        moves: mine,
        body: [
          el('span', { class: 'token__avatar', 'aria-hidden': 'true' }, initials(s.name)),
          el('span', { class: 'token__text' }, el('strong', { class: 'token__name' }, s.name), el('span', { class: 'token__role' }, s.role), trustBadge(s.trust, this.trustChange.get(s.id))),
        ],
      };
    });

    const board = quadrantBoard({
      key: 'map',
      label: 'Influence and interest grid',
      quadrants: QUADRANTS,
      axes: { rows: ['High influence', 'Low influence'], columns: ['Low interest', 'High interest'] },
      tray: { title: 'Not on your map yet', empty: chosen.length ? 'Everyone is placed: save the map to keep it.' : 'Everyone is on your map.' },
      tokens,
      selectedId: this.selectedId,
      onSelect: (id) => {
        this.selectedId = id;
        this.refresh(id ? `token:map:${id}` : undefined);
      },
      dispatch: this.dispatch,
      place: (token, quadrant) => {
        const s = o.stakeholders.find((x) => x.id === token.id);
        if (!s) return false;
        // Back where it is saved: nothing left to send for them.
        if (s.mappedAs === quadrant) this.pending.delete(s.id);
        else if (token.moves.has(quadrant)) this.pending.set(s.id, quadrant);
        else return false;
        this.refresh(`token:map:${s.id}`);
        return true;
      },
    });

    const main = [
      this.resultLine(),
      moves.length
        ? this.saveForm(o, chosen)
        : el('p', { class: 'notice', role: 'note' }, el('strong', {}, 'Read only now. '), 'You can change the map in the briefing, in Sprint Planning and during the Sprint’s days.'),
      board,
    ];

    return screen({
      key: 'stakeholders',
      run,
      title: 'Stakeholder map',
      lead: 'Place each stakeholder by influence and interest, as their behaviour shows it.',
      main,
      side: [this.selectedBlock(o), this.communication(run), this.backBar(run)],
      sideLabel: 'Selected stakeholder and communication',
      tools: this.tools(run),
    });
  }

  /**
   * The pending placements the engine still lists, as its actions, in the order they were made.
   * A placement the listing no longer offers (the stakeholder is saved there now, or the map
   * closed) is dropped.
   */
  private pendingMoves(o: Observation, moves: readonly ListedAction[]): ListedAction[] {
    const chosen: ListedAction[] = [];
    for (const [id, quadrant] of [...this.pending]) {
      const move = moves.find((a) => paramOf(a, 'stakeholderId') === id && paramOf(a, 'quadrant') === quadrant);
      if (move && o.stakeholders.some((s) => s.id === id)) chosen.push(move);
      else this.pending.delete(id);
    }
    return chosen;
  }

  /**
   * Saves the pending placements as one step, styled like the board's other forms: one listed
   * action's id for one placement, a batch of them for more. "Reset" takes them all back.
   */
  private saveForm(o: Observation, chosen: readonly ListedAction[]): HTMLElement {
    const n = chosen.length;
    const unplaced = o.stakeholders.filter((s) => s.mappedAs === null && !this.pending.has(s.id)).length;
    const status =
      n === 0
        ? unplaced
          ? 'Place the stakeholders on the grid; your placements are saved together with one button.'
          : 'Your map is saved. Move a card to change it, then save again.'
        : `${n === 1 ? '1 placement is' : `${n} placements are`} not saved yet (dashed cards).${unplaced ? ` ${unplaced === 1 ? '1 stakeholder is' : `${unplaced} stakeholders are`} not on your map yet.` : ''}`;
    const save = el('button', { type: 'submit', class: `btn ${n ? 'btn--primary' : 'btn--secondary'}`, 'data-focus': 'batch:map:submit', 'data-batch': 'map' }, el('span', { class: 'btn__label' }, n ? `Save the map (${n} placement${n === 1 ? '' : 's'})` : 'Save the map'));
    // Left in the tab order with nothing to save, so the player can find it and hear why it waits.
    if (n === 0) save.setAttribute('aria-disabled', 'true');
    let reset: HTMLButtonElement | null = null;
    if (n) {
      reset = el('button', { type: 'button', class: 'btn btn--quiet', 'data-focus': 'batch:map:reset' }, 'Reset', el('span', { class: 'visually-hidden' }, `: take back the ${n === 1 ? 'placement' : `${n} placements`} not saved yet`));
      reset.addEventListener('click', () => {
        this.pending.clear();
        announce(`${n === 1 ? 'The placement' : `The ${n} placements`} not saved yet ${n === 1 ? 'is' : 'are'} taken back.`);
        this.refresh('batch:map:submit');
      });
    }
    const form = el(
      'form',
      { class: 'batch-form map-save', 'data-form': 'map', 'aria-labelledby': 'map-save-status' },
      el('p', { class: 'map-save__status', id: 'map-save-status' }, status),
      el('div', { class: 'map-save__buttons' }, save, reset),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (chosen.length === 0) return;
      // Kept until the engine's answer: a refused map keeps its placements to fix. A saved one
      // drops them at the next render, since the engine no longer lists what is now saved.
      if (chosen.length === 1) this.dispatch({ id: chosen[0]!.id });
      else this.dispatch({ type: 'batch', actions: chosen.map((a) => a.action as BatchPart) });
    });
    return form;
  }

  private selectedBlock(o: Observation): HTMLElement {
    const s = o.stakeholders.find((x) => x.id === this.selectedId);
    if (!s) {
      return block(
        'Trust',
        'trust-title',
        el('p', { class: 'block__hint' }, 'Select a stakeholder for their details. Trust grows with honest forecasts and engagement that fits them.'),
        ...o.stakeholders.map((x) => meter(x.name, x.trust)),
      );
    }
    // The cues are what the placement is judged against: who they are, what they asked for, what they raised.
    const seen = s.cues.filter((c) => !c.startsWith('Role: '));
    return block(
      s.name,
      'selected-title',
      el('p', { class: 'block__hint' }, s.role),
      trustBadge(s.trust, this.trustChange.get(s.id)),
      meter('Trust', s.trust),
      facts(this.pending.has(s.id) ? [['On your map', quadrantName(s.mappedAs)], ['Placed, not saved yet', quadrantName(this.pending.get(s.id)!)]] : [['On your map', quadrantName(s.mappedAs)]]),
      this.pending.has(s.id) ? this.undoButton(s.id, s.name) : null,
      el('p', { class: 'block__hint' }, 'What you have seen of them, to place them by:'),
      el('ul', { class: 'cue-list' }, ...seen.map((c) => el('li', {}, c))),
    );
  }

  private undoButton(id: string, name: string): HTMLElement {
    const b = el('button', { type: 'button', class: 'btn btn--quiet', 'data-focus': `undo:map:${id}` }, `Take back ${name}’s placement`);
    b.addEventListener('click', () => {
      this.pending.delete(id);
      this.refresh(`token:map:${id}`);
    });
    return b;
  }

  private communication(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const choices = [...listedOf(step, 'shareProgress'), ...listedOf(step, 'chooseRoadmap')];
    const shared = [...o.sprintHistory].reverse().find((h) => h.progressSharing);
    const review = [...o.sprintHistory].reverse().find((h) => h.reviewFormat);
    return block(
      'Keeping them informed',
      'inform-title',
      choices.length
        ? el('div', { class: 'choice-list' }, ...choices.map((a) => actionButton(a, this.dispatch, { variant: 'choice', focusKey: `inform:${a.id}` })))
        : el('p', { class: 'block__hint' }, 'No communication choice is open now: the roadmap is chosen in the briefing, progress is shared at the Sprint Review.'),
      facts([
        ['Roadmap', o.roadmap.format ? (ROADMAPS[o.roadmap.format] ?? humanize(o.roadmap.format)) : 'none shared'],
        ['Progress last shared', shared ? `Sprint ${shared.number}: ${SHARING[shared.progressSharing!] ?? shared.progressSharing}` : 'not yet'],
        ['Last Sprint Review', review ? `Sprint ${review.number}: ${humanize(review.reviewFormat!)}` : 'none yet'],
      ]),
    );
  }
}
