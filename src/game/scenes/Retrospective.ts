import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions, paramOf } from '../ui/actions';
import type { Picks } from '../ui/batch-form';
import { decisionGroup, decisionSubmit, pickedActions } from '../ui/decision-form';
import { sendParts } from '../ui/batch-form';
import { count } from '../../words';
import { velocityChart } from '../ui/charts';
import { forecastHistogram } from '../ui/forecast-charts';
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

const FORM = 'retro';

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
  /** The answers picked on the reflection form and not yet sent, by topic. */
  private readonly picks: Picks = new Map();
  /** The Sprint and phase the picks belong to: they are cleared when either changes. */
  private picksAt = '';
  private nudged = false;

  constructor() {
    super(SceneKey.Retrospective);
  }

  protected override accent(): number {
    return this.palette.green;
  }

  protected override focusFallbacks(run: RunView): string[] {
    const first = run.step.actions.find((a) => a.type === 'chooseImprovement');
    return [first ? `action:${first.id}` : '', `batch:${FORM}:submit`];
  }

  private repaint = (focusKey: string): void => {
    this.nudged = false;
    this.refresh(focusKey);
  };

  /** One question per topic, and one button that shares every answer in one step. */
  private reflections(step: RunView['step']): HTMLElement | null {
    const reflections = listedOf(step, 'reflect');
    const topics = [...new Set(reflections.map((a) => String(paramOf(a, 'topic'))))];
    if (!topics.length) return null;
    const groups = topics.map((topic) => ({ group: topic, choices: reflections.filter((a) => paramOf(a, 'topic') === topic) }));
    const chosen = pickedActions(this.picks, groups);
    const left = topics.length - chosen.length;
    return block(
      'What does the history show?',
      'findings-title',
      el('p', { class: 'block__hint' }, 'Read the Sprint history on the right, then say what you see. The team picks an improvement after.'),
      ...groups.map(({ group: topic, choices }) =>
        el(
          'div',
          { class: 'reflection' },
          el('h3', { class: 'reflection__question', id: `reflect-${topic}` }, REFLECTION_QUESTIONS[topic] ?? humanize(topic)),
          decisionGroup({ form: FORM, group: topic, labelledBy: `reflect-${topic}`, required: true, picks: this.picks, refresh: this.repaint, choices: choices.map((a) => ({ action: a })) }),
        ),
      ),
      decisionSubmit({
        form: FORM,
        text: topics.length === 1 ? 'Share what you see →' : `Share what you see (${count(chosen.length, 'answer')}) →`,
        blocked: left ? (topics.length === 1 ? 'Answer the question first.' : `Answer every question first: ${count(left, 'question')} still ${left === 1 ? 'has' : 'have'} no answer.`) : null,
        nudged: this.nudged,
        onSend: () => {
          this.picks.clear();
          sendParts(chosen, this.dispatch);
        },
        onBlocked: () => {
          this.nudged = true;
          this.refresh(`batch:${FORM}:submit`);
        },
      }),
    );
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const improvements = listedOf(step, 'chooseImprovement');
    const at = `${o.sprint}:${step.phase}`;
    if (at !== this.picksAt) {
      this.picks.clear();
      this.picksAt = at;
      this.nudged = false;
    }
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
      this.reflections(step),
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
      forecastGiven(o),
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

/**
 * The "when?" answered at this Sprint's Review, sent with its close: shown here, the next screen,
 * with the simulation a range was read from.
 */
function forecastGiven(o: RunView['step']['observation']): HTMLElement | null {
  const f = o.forecasts.filter((x) => x.sprint === o.sprint).pop();
  if (!f) return null;
  return block(
    'Your forecast at the Review',
    'forecast-title',
    el('p', {}, f.style === 'date' ? `You said: in ${f.low} Sprint${f.low === 1 ? '' : 's'}.` : `You said: in ${f.low} to ${f.high} Sprints.`, ' The answer is judged when that time comes.'),
    f.distribution ? forecastHistogram(f.distribution) : null,
  );
}
