import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf } from '../ui/actions';
import { backlogBoard } from '../ui/backlog-board';
import { velocityChart } from '../ui/charts';
import { sprintHistoryTable } from '../ui/history';
import { block, facts, screen } from '../ui/screen';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

const HANDLED = new Set(['proposeSprintGoal', 'commitSprint', 'moveItem', 'orderBacklog']);

const GOAL_KIND_TEXT: Record<string, { text: string; detail: string }> = {
  outcome: { text: 'An outcome for users', detail: 'One objective: what the top item should achieve for its users' },
  itemList: { text: 'A list of items', detail: 'Finish the top three items of the Product Backlog' },
};

/** Sprint Planning: capacity and velocity, the Sprint Goal, the Developers' forecast, the commitment. */
export class Planning extends RunScene {
  private selectedId: string | null = null;

  constructor() {
    super(SceneKey.Planning);
  }

  protected override accent(): number {
    return this.palette.green;
  }

  protected override focusFallbacks(): string[] {
    return ['commit:forecast', 'commit:stretch', 'goal:outcome'];
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const canReorder = step.actions.some((a) => a.type === 'moveItem' || a.type === 'orderBacklog');
    const proposals = listedOf(step, 'proposeSprintGoal');
    const commits = listedOf(step, 'commitSprint');
    const negotiating = commits.length > 0;

    const board = backlogBoard({
      items: o.backlog,
      observation: o,
      reorder: canReorder,
      selectedId: this.selectedId,
      forecast: o.team.developersForecast,
      label: 'Product Backlog, most important first',
      onSelect: (id) => {
        this.selectedId = id;
        this.refresh(`card:${id}`);
      },
      onMove: (itemId, toIndex) => {
        this.selectedId = itemId;
        this.dispatch({ type: 'moveItem', itemId, toIndex });
      },
    });

    const goalBlock = block(
      negotiating ? 'Sprint Goal (proposed)' : 'Propose a Sprint Goal',
      'sprint-goal-title',
      negotiating && o.currentSprint?.goal ? el('p', { class: 'goal-card' }, o.currentSprint.goal) : null,
      el('p', { class: 'block__hint' }, negotiating ? 'You may still propose another kind of goal:' : 'You bring the value the Sprint could deliver; the whole Scrum Team crafts the Sprint Goal.'),
      el(
        'div',
        { class: 'choice-list choice-list--row' },
        ...proposals.map((a) => {
          const kind = String(paramOf(a, 'kind'));
          const words = GOAL_KIND_TEXT[kind];
          return actionButton(a, this.dispatch, { variant: negotiating ? 'quiet' : 'choice', text: words?.text ?? a.label, detail: negotiating ? undefined : words?.detail, focusKey: `goal:${kind}` });
        }),
      ),
    );

    const commitBlock = negotiating
      ? block(
          'Start the Sprint',
          'commit-title',
          el('p', { class: 'block__hint' }, `The Developers forecast ${o.team.developersForecast} points. They own that forecast and the plan for how to build it.`),
          el(
            'div',
            { class: 'choice-list' },
            ...commits.map((a) => {
              const scope = String(paramOf(a, 'scope'));
              // Judged choices look alike: the screen must not hint at the better one.
              return actionButton(a, this.dispatch, { variant: 'choice', focusKey: `commit:${scope}` });
            }),
          ),
        )
      : null;

    const main = [
      o.productGoal ? el('p', { class: 'goal-line' }, el('span', { class: 'goal-line__label' }, 'Product Goal: '), o.productGoal) : null,
      board,
    ];

    const side = [
      goalBlock,
      commitBlock,
      block(
        'Capacity and forecast',
        'capacity-title',
        facts([
          ['Capacity', `${o.team.capacity} points a Sprint`],
          ['Refinement time', `${o.refinement.share}% of capacity`],
          ['Developers’ forecast', `${o.team.developersForecast} points`],
        ]),
        velocityChart(o.team.velocityHistory, o.team.developersForecast),
        sprintHistoryTable(o),
      ),
      otherActions(step, HANDLED, this.dispatch),
    ];

    return screen({
      key: 'planning',
      run,
      title: `Sprint ${o.sprint}: Sprint Planning`,
      lead: negotiating ? 'Agree the Sprint with the Developers, then start it.' : 'Check the order of the top items, then propose the value of this Sprint.',
      main,
      side,
      sideLabel: 'Capacity, Sprint Goal and forecast',
      tools: this.tools(run),
    });
  }
}
