import { PO_TIME_COST, type ListedAction, type Observation } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, paramOf } from '../ui/actions';
import { humanize } from '../ui/grouped-actions';
import { quadrantBoard, type BoardToken, type Quadrant } from '../ui/quadrant-board';
import { block, poTimeText, screen } from '../ui/screen';
import { ViewScene } from './view-scene';
import type { RunSceneData } from './run-scene';
import { SceneKey } from './keys';
import { checklistForm, type Picks } from '../ui/batch-form';
import { count } from '../../words';
import { announce } from '../dom/announce';

/** The empathy map in reading order; ids are the engine's quadrants. */
const EMPATHY: readonly [Quadrant, Quadrant, Quadrant, Quadrant] = [
  { id: 'says', title: 'Says', hint: 'Their own words, as you heard them' },
  { id: 'thinks', title: 'Thinks', hint: 'What they believe, and may not say' },
  { id: 'does', title: 'Does', hint: 'What you saw them do' },
  { id: 'feels', title: 'Feels', hint: 'Their emotions' },
];

/** A method's cost in the PO's half-days, as the engine charges it; null for an action that is not a way of gathering feedback. */
function halfDays(action: ListedAction): number | null {
  return action.action.type === 'gatherFeedback' ? PO_TIME_COST[action.action.method] : null;
}

/** Short names for the methods, for the order they are gathered in; the labels say what each does. */
const METHOD_NAMES: Record<string, string> = { interviews: 'interviews', survey: 'the survey', usabilityTest: 'the usability test', analytics: 'usage analytics' };

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function yesNo(value: boolean): HTMLElement {
  return el('span', {}, el('span', { 'aria-hidden': 'true' }, value ? '✓ ' : '– '), value ? 'Yes' : 'No');
}

/**
 * Customers and users: the segments (who buys, who uses), the persona built from research
 * snippets, and the empathy map the player sorts interview notes into. Every change is a listed
 * action (addPersonaTrait, sortEmpathyNote, gatherFeedback); sorting a note is final. Research
 * methods are ticked on one form and gathered together, in one step.
 */
export class Customers extends ViewScene {
  private selectedId: string | null = null;
  /** Research methods ticked and not yet gathered. */
  private readonly picks: Picks = new Map();
  /** The ticked methods cost more time than is left, as last drawn: said aloud when that starts. */
  private overTime = false;

  constructor() {
    super(SceneKey.Customers);
  }

  override create(data?: RunSceneData): void {
    // Ticks are for this visit: nothing was sent, so nothing is kept.
    this.picks.clear();
    this.overTime = false;
    super.create(data);
  }

  protected override accent(): number {
    return this.palette.purple;
  }

  protected override focusFallbacks(run: RunView): string[] {
    const nextNote = run.step.observation.empathyNotes.find((n) => n.sortedAs === null);
    const nextSnippet = listedOf(run.step, 'addPersonaTrait')[0];
    return [this.selectedId ? `token:empathy:${this.selectedId}` : '', nextNote ? `token:empathy:${nextNote.id}` : '', nextSnippet ? `persona:${nextSnippet.id}` : ''];
  }

  protected describeChange(before: Observation, after: Observation): string | null {
    const lines: string[] = [];
    for (const n of after.empathyNotes) {
      const was = before.empathyNotes.find((x) => x.id === n.id);
      if (was && was.sortedAs !== n.sortedAs && n.sortedAs) lines.push(`“${n.text}” is on the empathy map under ${EMPATHY.find((q) => q.id === n.sortedAs)?.title ?? n.sortedAs}.`);
    }
    const added = after.persona.filter((p) => !before.persona.some((b) => b.id === p.id));
    for (const p of added) lines.push(`Added to the persona: “${p.text}”.`);
    return lines.length ? lines.join(' ') : null;
  }

  protected renderView(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const sorts = listedOf(step, 'sortEmpathyNote');
    const traits = listedOf(step, 'addPersonaTrait');
    const feedback = listedOf(step, 'gatherFeedback');
    if (!o.empathyNotes.some((n) => n.id === this.selectedId && n.sortedAs === null)) this.selectedId = null;
    const nothing = !o.segments.length && !o.personaSnippets.length && !o.empathyNotes.length;

    const persona = o.personaSnippets.length ? this.persona(o, traits) : null;
    const empathy = o.empathyNotes.length ? this.empathy(o, sorts) : null;
    const research = block(
      'Learn from customers and users',
      'learn-title',
      el('p', { class: 'block__hint' }, el('strong', {}, poTimeText(o))),
      feedback.length
        ? this.feedbackForm(o, feedback)
        : el('p', { class: 'block__hint' }, 'No research method is open now. Research is open before Sprint 1, in Sprint Planning and during the Sprint’s days, while your time lasts.'),
    );
    // With nothing to build here, the research form is the screen's work: it gets the wide pane.
    const researchInMain = nothing && feedback.length > 0;
    // What can be done now comes first; the rest is the record below it.
    const main = [
      this.resultLine(),
      nothing ? el('p', { class: 'notice', role: 'note' }, this.nothingToSortText(o, feedback.length > 0)) : null,
      researchInMain ? research : null,
      ...(sorts.length && !traits.length ? [empathy, persona] : [persona, empathy]),
    ];

    const side = [
      o.segments.length ? this.segments(o) : null,
      researchInMain ? null : research,
      o.insights.length ? block('What you have learned', 'insights-title', el('ul', { class: 'bullets' }, ...o.insights.map((i) => el('li', {}, i)))) : null,
      this.backBar(run),
    ];

    return screen({
      key: 'customers',
      run,
      title: 'Customers and users',
      lead: 'Who buys the product, who uses it, and what research says about them.',
      sideLabel: 'Segments, research and what you learned',
      main,
      side,
      tools: this.tools(run),
    });
  }

  /**
   * The research methods as one checklist: each shows its cost, the ticked ones' costs add up
   * against the time left. The engine takes them in order and refuses the whole set when the
   * time runs out, so a set that costs more than is left is explained and not sent.
   */
  private feedbackForm(o: Observation, feedback: readonly ListedAction[]): HTMLElement {
    // In the order ticked: that is the order they are gathered in, and a survey after interviews is judged differently.
    const ticked = [...this.picks.keys()].flatMap((id) => feedback.filter((a) => a.id === id));
    const costs = ticked.map(halfDays);
    const known = costs.every((c) => c !== null);
    const total = costs.reduce<number>((sum, c) => sum + (c ?? 0), 0);
    const left = o.poTime;
    const over = known && total > left;
    const sum = ticked.length === 0 ? 'Nothing ticked yet.' : known ? `Ticked: ${count(total, 'half-day')} of the ${count(left, 'half-day')} you have left.` : null;
    const blocked = over ? `That is ${count(total, 'half-day')} of your time, and you have ${count(left, 'half-day')} left: untick ${ticked.length > 2 ? 'one or more' : 'one'} to gather the rest. Sent as they are, none of them would be gathered.` : null;
    // The notice appears beside the button, away from the checkbox in focus: a screen reader hears it once, when it starts.
    if (blocked && !this.overTime) announce(blocked);
    this.overTime = over;
    const named = (a: ListedAction) => METHOD_NAMES[String(paramOf(a, 'method'))] ?? lowerFirst(a.label);
    return checklistForm({
      key: 'feedback',
      legend: 'Ways to gather feedback',
      hint: el(
        'span',
        {},
        'Tick the methods to use. Each costs some of your time, and the costs add up. ',
        sum ? el('strong', {}, sum) : null,
        ticked.length > 1 ? ` Gathered in the order you ticked them: ${ticked.map(named).join(', then ')}.` : null,
      ),
      order: 'ticked',
      choices: feedback.map((a) => ({ action: a, label: a.label, detail: a.cost ? `(${a.cost})` : undefined })),
      submit: (n) => (n === 0 ? 'Gather this feedback' : `Gather this feedback (${count(n, 'method')})`),
      blocked,
      picks: this.picks,
      dispatch: this.dispatch,
      refresh: (focus) => this.refresh(focus),
    });
  }

  /**
   * Said when the scenario has no segments, persona or empathy map: research can still be open
   * and findings already listed, so the line must not claim there is nothing to learn.
   */
  private nothingToSortText(o: Observation, researchOpen: boolean): string {
    const none = 'This product has no customer segments, persona or empathy map to build.';
    if (o.insights.length) return `${none} What research found so far is listed under “What you have learned”.`;
    if (researchOpen) return `${none} Learn from customers and users with the research methods below.`;
    return `${none} Research opens before Sprint 1, in Sprint Planning and during the Sprint’s days.`;
  }

  private segments(o: Observation): HTMLElement {
    const buyersOnly = o.segments.filter((s) => s.buyer && !s.user).length;
    const usersOnly = o.segments.filter((s) => s.user && !s.buyer).length;
    return block(
      'Segments',
      'segments-title',
      el(
        'table',
        { class: 'segments' },
        el('caption', { class: 'visually-hidden' }, 'Customer segments: who buys and who uses the product'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Segment'), el('th', { scope: 'col' }, 'Buys it'), el('th', { scope: 'col' }, 'Uses it'))),
        el(
          'tbody',
          {},
          ...o.segments.map((s) =>
            el('tr', {}, el('th', { scope: 'row' }, s.name, el('span', { class: 'segments__kind' }, humanize(s.kind))), el('td', {}, yesNo(s.buyer)), el('td', {}, yesNo(s.user))),
          ),
        ),
      ),
      el(
        'p',
        { class: 'block__hint' },
        buyersOnly || usersOnly
          ? `Here the people who pay are not all the people who use it (${buyersOnly} segment${buyersOnly === 1 ? '' : 's'} only buy${buyersOnly === 1 ? 's' : ''}, ${usersOnly} only use${usersOnly === 1 ? 's' : ''}): the next work should give both something.`
          : 'Here the people who pay for the product also use it.',
      ),
    );
  }

  private persona(o: Observation, traits: ListedAction[]): HTMLElement {
    const unused = o.personaSnippets.filter((p) => !o.persona.some((x) => x.id === p.id));
    return block(
      'Persona',
      'persona-title',
      el(
        'div',
        { class: 'persona' },
        el(
          'div',
          { class: 'persona__card' },
          el('h3', { class: 'sub__title' }, 'The persona so far'),
          o.persona.length ? el('ul', { class: 'bullets' }, ...o.persona.map((p) => el('li', {}, p.text))) : el('p', { class: 'block__hint' }, 'Nothing yet. Build it from what research showed.'),
        ),
        el(
          'div',
          {},
          el('h3', { class: 'sub__title' }, traits.length ? 'Research snippets: add what research supports' : 'Research snippets not in the persona'),
          traits.length
            ? el('div', { class: 'choice-list' }, ...traits.map((a) => actionButton(a, this.dispatch, { variant: 'choice', text: `+ ${o.personaSnippets.find((p) => p.id === paramOf(a, 'snippetId'))?.text ?? a.label}`, focusKey: `persona:${a.id}` })))
            : unused.length
              ? el('ul', { class: 'bullets' }, ...unused.map((p) => el('li', {}, p.text)))
              : el('p', { class: 'block__hint' }, 'Every snippet is in the persona.'),
          traits.length ? null : el('p', { class: 'block__hint' }, 'The persona is built in the briefing.'),
        ),
      ),
    );
  }

  private empathy(o: Observation, sorts: ListedAction[]): HTMLElement {
    const tokens: BoardToken[] = o.empathyNotes.map((n) => {
      const moves = new Map<string, ListedAction>();
      for (const a of sorts) if (paramOf(a, 'noteId') === n.id) moves.set(String(paramOf(a, 'quadrant')), a);
      return { id: n.id, name: `“${n.text}”`, placedIn: n.sortedAs, moves, body: [el('span', { class: 'token__note' }, n.text)] };
    });
    const sorted = o.empathyNotes.filter((n) => n.sortedAs).length;
    return block(
      'Empathy map',
      'empathy-title',
      el('p', { class: 'block__hint' }, `Sort each interview note by what it tells you: what they say, think, do or feel. ${sorted} of ${o.empathyNotes.length} sorted; a sorted note stays where you put it.`),
      sorts.length ? null : el('p', { class: 'notice', role: 'note' }, el('strong', {}, 'Read only now. '), 'Notes are sorted before Sprint 1, in Sprint Planning and during the Sprint’s days.'),
      quadrantBoard({
        key: 'empathy',
        label: 'Empathy map: says, thinks, does, feels',
        quadrants: EMPATHY,
        tray: { title: 'Interview notes to sort', empty: 'Every note is on the map.' },
        tokens,
        selectedId: this.selectedId,
        onSelect: (id) => {
          this.selectedId = id;
          this.refresh(id ? `token:empathy:${id}` : undefined);
        },
        dispatch: this.dispatch,
      }),
    );
  }
}
