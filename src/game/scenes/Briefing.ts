import { hintContext } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf } from '../ui/actions';
import { humanize } from '../ui/grouped-actions';
import { initials } from '../ui/people';
import { block, facts, meter, screen } from '../ui/screen';
import { viewLink } from '../ui/view-links';
import { BACKLOG_TYPES, viewSummary } from '../view/views';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';
import { term } from '../ui/glossary';
import { textField } from '../ui/text-field';
import { writtenText } from '../ui/written';
import { writingStateFor } from '../ui/writing-state';
import { coachOn } from '../coach/mode';

/** The roadmap formats as the player chose them. */
const ROADMAP_WORDS: Record<string, string> = { nowNextLater: 'Now, Next, Later', goalOriented: 'goal-oriented, outcomes per horizon', datedFeatures: 'a dated feature list' };

/** Laid out here; the Product Backlog's own decisions are taken on its board, linked from here. */
const HANDLED = new Set(['chooseProductGoal', 'writeProductGoal', 'startSprints', ...BACKLOG_TYPES]);

/** The briefing: the product, its vision, the people, and the choice of a Product Goal. */
export class Briefing extends RunScene {
  /** Whether the player opened (true) or closed (false) "Write your own"; null: its default. */
  private writeOpen: boolean | null = null;

  constructor() {
    super(SceneKey.Briefing);
  }

  protected override accent(): number {
    return this.palette.sky;
  }

  protected override focusFallbacks(): string[] {
    return ['action:startSprints'];
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const goals = listedOf(step, 'chooseProductGoal');
    const start = listedOf(step, 'startSprints')[0];

    const goalChoices = el(
      'div',
      { class: 'choice-list', role: 'group', 'aria-labelledby': 'goal-title' },
      ...goals.map((action) => {
        const goalId = paramOf(action, 'goalId');
        const text = o.productGoalOptions.find((g) => g.id === goalId)?.text ?? action.label;
        const chosen = o.productGoal === text;
        return actionButton(action, this.dispatch, {
          variant: 'choice',
          text,
          pressed: chosen,
          detail: chosen ? el('span', { class: 'chosen' }, el('span', { 'aria-hidden': 'true' }, '✓ '), 'Your Product Goal') : null,
          focusKey: `goal:${action.id}`,
        });
      }),
    );

    const main = [
      block('The product', 'product-title', el('p', { class: 'product-name' }, o.scenario.product), el('p', {}, o.scenario.summary)),
      block(
        'Vision',
        'vision-title',
        el('blockquote', { class: 'vision' }, o.scenario.vision),
        o.vision?.technique ? el('p', { class: 'block__hint' }, `Shaped as: ${humanize(o.vision.technique)}.`) : null,
        o.vision?.fragments.length ? el('ul', { class: 'bullets' }, ...o.vision.fragments.map((f) => el('li', {}, f.text))) : null,
        o.roadmap?.format ? el('p', { class: 'block__hint' }, `Roadmap: ${ROADMAP_WORDS[o.roadmap.format] ?? humanize(o.roadmap.format)}.`) : null,
        o.persona?.length ? el('div', {}, el('p', { class: 'sub__title' }, 'Persona'), el('ul', { class: 'bullets' }, ...o.persona.map((p) => el('li', {}, p.text)))) : null,
      ),
      block(
        'Choose the Product Goal',
        'goal-title',
        el('p', { class: 'block__hint' }, 'The Product Goal is the one objective the Scrum Team plans against for the next Sprints. You can change your mind until the first Sprint starts.'),
        goalChoices,
        this.writeOwnGoal(run),
      ),
      this.prepareBacklog(run),
      otherActions(step, HANDLED, this.dispatch),
    ];

    const side = [
      block(
        'Stakeholders',
        'people-title',
        el(
          'ul',
          { class: 'people' },
          ...o.stakeholders.map((s) =>
            el(
              'li',
              { class: 'person' },
              el('span', { class: 'person__avatar', 'aria-hidden': 'true' }, initials(s.name)),
              el(
                'span',
                { class: 'person__text' },
                el('strong', {}, s.name),
                el('span', { class: 'person__role' }, s.role),
                s.mappedAs ? el('span', { class: 'person__map' }, `On your map: ${humanize(s.mappedAs)}`) : null,
              ),
            ),
          ),
        ),
      ),
      block(
        'The Developers',
        'team-title',
        facts([
          ['Capacity', `${o.team.capacity} points a Sprint`],
          ['Sprints', `${o.sprints} Sprints of ${o.days} days`],
          ['Definition of Done', term('Definition of Done strength', `strength ${o.team.dodStrength} of 3`)],
        ]),
        meter('Morale', o.team.morale),
        meter('Technical debt', o.team.techDebt, { lowIsGood: true }),
      ),
      el(
        'div',
        { class: 'primary-bar' },
        start
          ? actionButton(start, this.dispatch, { variant: 'primary', focusKey: 'action:startSprints' })
          : el('p', { class: 'block__hint' }, 'Choose a Product Goal to start the first Sprint.'),
      ),
    ];

    return screen({
      key: 'briefing',
      run,
      title: o.scenario.title,
      lead: 'Read the brief, meet the people, set the Product Goal, and prepare the Product Backlog with the Developers.',
      main,
      side,
      sideLabel: 'People and team',
      tools: this.tools(run),
    });
  }

  /**
   * "Write your own": the Product Goal in the player's words, with the coach's hints, beside the
   * examples above. Open when the goal on the table is one the player wrote.
   */
  private writeOwnGoal(run: RunView): HTMLElement | null {
    const o = run.step.observation;
    const write = listedOf(run.step, 'writeProductGoal')[0];
    const written = o.productGoal !== null && !o.productGoalOptions.some((g) => g.text === o.productGoal);
    const current = written
      ? writtenText('Your Product Goal, in your words', o.productGoal ?? '')
      : null;
    if (!write?.input) return current;
    const fold = el(
      'details',
      { class: 'write-fold sub', 'data-fold': 'write-goal' },
      el('summary', { 'data-focus': 'fold:write-goal' }, written ? 'Rewrite it in your own words' : 'Or write your own Product Goal'),
      textField({
        key: 'product-goal',
        input: write.input,
        label: 'Your Product Goal',
        hint: 'One objective for the product: who benefits and how, with a measure you can check and a horizon. The goals above are examples.',
        starter: written ? (o.productGoal ?? '') : String(paramOf(write, 'text') ?? ''),
        context: hintContext(o, 'productGoal'),
        state: writingStateFor(run),
        coach: coachOn(),
        rows: 3,
        submit: { text: 'Set this as the Product Goal', send: (text) => this.sendText(write.id, text), refresh: (focus) => this.refresh(focus) },
      }),
    );
    if (this.writeOpen ?? written) fold.setAttribute('open', '');
    fold.addEventListener('toggle', () => {
      this.writeOpen = (fold as HTMLDetailsElement).open;
    });
    return el('div', {}, current, fold);
  }

  /** Before Sprint 1 the PO and the Developers prepare the Product Backlog together: the way to its board. */
  private prepareBacklog(run: RunView): HTMLElement {
    const open = run.step.actions.some((a) => BACKLOG_TYPES.includes(a.type));
    return block(
      'Prepare the Product Backlog with the Developers',
      'prepare-title',
      el(
        'p',
        { class: 'block__hint' },
        open
          ? 'Before Sprint 1 starts, you and the Developers can get the Product Backlog ready: order it by value, refine the top items so they are clear and sized, split what is too big. Refinement goes on in every Sprint, so the board stays open in Sprint Planning and during the Sprint’s days too.'
          : 'Once the Product Goal is chosen, you and the Developers can prepare the Product Backlog before Sprint 1: order it, refine the top items, split what is too big.',
      ),
      viewLink(viewSummary(run.step, SceneKey.Backlog), open ? 'Prepare the Product Backlog →' : 'Look at the Product Backlog →'),
    );
  }
}
