import type { ListedAction, Observation } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, paramOf } from '../ui/actions';
import { humanize } from '../ui/grouped-actions';
import { initials, trustBadge } from '../ui/people';
import { quadrantBoard, type BoardToken, type Quadrant } from '../ui/quadrant-board';
import { block, facts, meter, screen } from '../ui/screen';
import { ViewScene } from './view-scene';
import { SceneKey } from './keys';

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
 * the ways of keeping them informed the engine offers now. Placing is a listed mapStakeholder
 * action; outside the phases that list it the map is a record of how things stand.
 */
export class StakeholderMap extends ViewScene {
  private selectedId: string | null = null;
  private trustChange = new Map<string, number>();

  constructor() {
    super(SceneKey.StakeholderMap);
  }

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
    if (!o.stakeholders.some((s) => s.id === this.selectedId)) this.selectedId = null;

    const tokens: BoardToken[] = o.stakeholders.map((s) => {
      const mine = new Map<string, ListedAction>();
      for (const a of moves) if (paramOf(a, 'stakeholderId') === s.id) mine.set(String(paramOf(a, 'quadrant')), a);
      return {
        id: s.id,
        name: s.name,
        placedIn: s.mappedAs,
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
      tray: { title: 'Not on your map yet', empty: 'Everyone is on your map.' },
      tokens,
      selectedId: this.selectedId,
      onSelect: (id) => {
        this.selectedId = id;
        this.refresh(id ? `token:map:${id}` : undefined);
      },
      dispatch: this.dispatch,
    });

    const main = [
      this.resultLine(),
      moves.length
        ? null
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
      facts([['On your map', quadrantName(s.mappedAs)]]),
      el('p', { class: 'block__hint' }, 'What you have seen of them, to place them by:'),
      el('ul', { class: 'cue-list' }, ...seen.map((c) => el('li', {}, c))),
    );
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
