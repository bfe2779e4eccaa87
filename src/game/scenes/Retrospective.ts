import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf } from '../ui/actions';
import { velocityChart } from '../ui/charts';
import { releasesList, sprintHistoryTable } from '../ui/history';
import { block, meter, screen } from '../ui/screen';
import { humanize } from '../ui/grouped-actions';
import { reportCardElement } from '../ui/report-card';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';
import { term } from '../ui/glossary';

const HANDLED = new Set(['chooseImprovement', 'reflect']);

const REFLECTION_QUESTIONS: Record<string, string> = {
  sprintGoals: 'Looking at the Sprints so far, how ambitious have your Sprint Goals been?',
  refinement: 'And how much refinement have you done?',
  roadmap: 'Has what the roadmap told stakeholders matched what the Sprints delivered?',
  stakeholders: 'How well have the stakeholders been kept informed?',
};

const NOTES_PREFIX = 'sprintwise.notes.';

function readNotes(key: string): string {
  try {
    return localStorage.getItem(NOTES_PREFIX + key) ?? '';
  } catch {
    return '';
  }
}

function writeNotes(key: string, text: string): void {
  try {
    localStorage.setItem(NOTES_PREFIX + key, text);
  } catch {
    // Notes are the player's own scratchpad; losing them must not stop the game.
  }
}

/** The Sprint Retrospective: how the Sprint went, a place to reflect, and one improvement. */
export class Retrospective extends RunScene {
  constructor() {
    super(SceneKey.Retrospective);
  }

  protected override accent(): number {
    return this.palette.green;
  }

  protected override focusFallbacks(run: RunView): string[] {
    const first = run.step.actions.find((a) => a.type === 'reflect' || a.type === 'chooseImprovement');
    return first ? [`action:${first.id}`] : [];
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const improvements = listedOf(step, 'chooseImprovement');
    const reflections = listedOf(step, 'reflect');
    const topics = [...new Set(reflections.map((a) => String(paramOf(a, 'topic'))))];
    const notesKey = `${o.scenario.id}.s${o.sprint}`;
    const notes = el('textarea', { id: 'retro-notes', class: 'notes', rows: '4', 'data-focus': 'notes', placeholder: 'What went well? What would you change?' });
    notes.value = readNotes(notesKey);
    notes.addEventListener('input', () => writeNotes(notesKey, notes.value));

    const main = [
      reportCardElement(run),
      block(
        'Reflect first',
        'reflect-title',
        el('label', { for: 'retro-notes', class: 'block__hint' }, 'Before you choose, note what helped and what got in the way this Sprint. Your notes stay on this device and are not scored.'),
        notes,
      ),
      topics.length
        ? block(
            'What does the history show?',
            'findings-title',
            el('p', { class: 'block__hint' }, 'Read the Sprint history on the right, then say what you see. The team picks an improvement after.'),
            ...topics.map((topic) =>
              el(
                'div',
                { class: 'reflection', role: 'group', 'aria-labelledby': `reflect-${topic}` },
                el('h3', { class: 'reflection__question', id: `reflect-${topic}` }, REFLECTION_QUESTIONS[topic] ?? humanize(topic)),
                el('div', { class: 'choice-list' }, ...reflections.filter((a) => paramOf(a, 'topic') === topic).map((a) => actionButton(a, this.dispatch, { variant: 'choice' }))),
              ),
            ),
          )
        : null,
      improvements.length
        ? block(
            'Choose one improvement with the Scrum Team',
            'improve-title',
            el(
              'div',
              { class: 'choice-list' },
              ...improvements.map((a) => actionButton(a, this.dispatch, { variant: 'choice' })),
            ),
          )
        : null,
      otherActions(step, HANDLED, this.dispatch),
    ];

    const side = [
      block('How the Sprints went', 'sprint-title', sprintHistoryTable(o), velocityChart(o.team.velocityHistory, null)),
      o.releases.length ? block('Releases', 'releases-title', releasesList(o)) : null,
      block(
        'The team now',
        'team-title',
        meter('Morale', o.team.morale),
        meter('Technical debt', o.team.techDebt, { lowIsGood: true }),
        el('p', { class: 'block__hint' }, term('Definition of Done strength', 'Definition of Done'), `: strength ${o.team.dodStrength} of 3.`),
      ),
    ];

    return screen({
      key: 'retro',
      run,
      title: `Sprint ${o.sprint}: Sprint Retrospective`,
      lead: 'Look back at how the team worked, and pick what to change next.',
      main,
      side,
      sideLabel: 'Sprint figures',
      tools: this.tools(run),
    });
  }
}
