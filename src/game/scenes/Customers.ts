import type { ListedAction, Observation } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, paramOf } from '../ui/actions';
import { humanize } from '../ui/grouped-actions';
import { quadrantBoard, type BoardToken, type Quadrant } from '../ui/quadrant-board';
import { block, poTimeText, screen } from '../ui/screen';
import { ViewScene } from './view-scene';
import { SceneKey } from './keys';

/** The empathy map in reading order; ids are the engine's quadrants. */
const EMPATHY: readonly [Quadrant, Quadrant, Quadrant, Quadrant] = [
  { id: 'says', title: 'Says', hint: 'Their own words, as you heard them' },
  { id: 'thinks', title: 'Thinks', hint: 'What they believe, and may not say' },
  { id: 'does', title: 'Does', hint: 'What you saw them do' },
  { id: 'feels', title: 'Feels', hint: 'Their emotions' },
];

function yesNo(value: boolean): HTMLElement {
  return el('span', {}, el('span', { 'aria-hidden': 'true' }, value ? '✓ ' : '– '), value ? 'Yes' : 'No');
}

/**
 * Customers and users: the segments (who buys, who uses), the persona built from research
 * snippets, and the empathy map the player sorts interview notes into. Every change is a listed
 * action (addPersonaTrait, sortEmpathyNote, gatherFeedback); sorting a note is final.
 */
export class Customers extends ViewScene {
  private selectedId: string | null = null;

  constructor() {
    super(SceneKey.Customers);
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
    // What can be done now comes first; the rest is the record below it.
    const main = [
      this.resultLine(),
      nothing ? el('p', { class: 'notice', role: 'note' }, this.nothingToSortText(o, feedback.length > 0)) : null,
      ...(sorts.length && !traits.length ? [empathy, persona] : [persona, empathy]),
    ];

    const side = [
      o.segments.length ? this.segments(o) : null,
      block(
        'Learn from customers and users',
        'learn-title',
        el('p', { class: 'block__hint' }, el('strong', {}, poTimeText(o))),
        feedback.length
          ? el('div', { class: 'choice-list' }, ...feedback.map((a) => actionButton(a, this.dispatch, { variant: 'choice', focusKey: `feedback:${String(paramOf(a, 'method'))}` })))
          : el('p', { class: 'block__hint' }, 'No research method is open now. Research is open before Sprint 1, in Sprint Planning and during the Sprint’s days, while your time lasts.'),
      ),
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
   * Said when the scenario has no segments, persona or empathy map: research can still be open
   * and findings already listed, so the line must not claim there is nothing to learn.
   */
  private nothingToSortText(o: Observation, researchOpen: boolean): string {
    const none = 'This product has no customer segments, persona or empathy map to build.';
    if (o.insights.length) return `${none} What research found so far is listed under “What you have learned”.`;
    if (researchOpen) return `${none} Learn from customers and users with the research methods listed beside this.`;
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
