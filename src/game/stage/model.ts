/**
 * The stage model: what the living view of the Scrum Team's world shows, worked out from the
 * engine's observation alone, and what changed since the last one (the events the stage plays
 * and says in words). It holds no game rules: it only places what the observation already says
 * (an item is Done, blocked, in the Sprint; a stakeholder's trust went up) on a board and a floor.
 * Pure, so it is unit-tested without Phaser or a page.
 */
import type { Observation, VisibleItem } from '../../engine';

export type Column = 'todo' | 'doing' | 'done';
export type Mood = 'neutral' | 'pleased' | 'worried';
/** Which run screen the stage is drawn for; 'other' keeps the board as it was. */
export type StageScreen = 'planning' | 'sprint' | 'review' | 'other';

export interface StageCard {
  id: string;
  title: string;
  type: VisibleItem['type'];
  points: number;
  column: Column;
  blocked: boolean;
  /** Title of the work it waits on, while blocked. */
  blockedBy: string | null;
}

export interface StageStakeholder {
  id: string;
  name: string;
  role: string;
  /** As last observed: a change is what makes them react. */
  trust: number;
  /** On the stage now (at the Review, with something to say, or reacting). */
  present: boolean;
  mood: Mood;
  /** The speech bubble, while they have something to say. */
  says: string | null;
}

export interface StageState {
  /** Which run this is, so a new run starts a fresh board. */
  runKey: string;
  screen: StageScreen;
  sprint: number;
  day: number;
  days: number;
  releases: number;
  cards: StageCard[];
  stakeholders: StageStakeholder[];
  /** The Developers' speech bubble, while they raise something with the PO. */
  team: { says: string | null };
}

export type StageEventKind = 'day' | 'moved' | 'added' | 'removed' | 'blocked' | 'unblocked' | 'arrived' | 'left' | 'reacted' | 'cleared' | 'spoke';

export interface StageEvent {
  kind: StageEventKind;
  /** What the player would see, in words: the text equivalent of the visual event. */
  text: string;
  cardId?: string;
  stakeholderId?: string;
  /** For moves: the column the card went to. For days: the day that ended. */
  to?: Column;
  day?: number;
}

export interface StageInput {
  runKey: string;
  phase: string;
  observation: Observation;
}

/**
 * How many cards the board shows in progress at once: the Developers' focus, drawn, not
 * simulated. Cards in progress stay there until Done, so nothing ever moves backwards.
 */
export const IN_PROGRESS_LIMIT = 2;

const COLUMN_NAMES: Record<Column, string> = { todo: 'To do', doing: 'In progress', done: 'Done' };

export function columnName(column: Column): string {
  return COLUMN_NAMES[column];
}

export function screenOfPhase(phase: string): StageScreen {
  if (phase.startsWith('sprint.planning')) return 'planning';
  if (phase.startsWith('sprint.execution')) return 'sprint';
  if (phase.startsWith('sprint.review')) return 'review';
  return 'other';
}

function findItem(o: Observation, id: string): VisibleItem | undefined {
  return o.sprintBacklog.find((i) => i.id === id) ?? o.increment.find((i) => i.id === id) ?? o.backlog.find((i) => i.id === id);
}

function card(item: VisibleItem, column: Column): StageCard {
  return { id: item.id, title: item.title, type: item.type, points: item.estimate, column, blocked: item.blockedBy !== null && item.status !== 'done', blockedBy: item.status === 'done' ? null : item.blockedBy };
}

/** In Sprint Planning: the Sprint Backlog once it exists, else what is on the table, else what the Developers would likely take. */
function planningCards(o: Observation): StageCard[] {
  if (o.sprintBacklog.length) return o.sprintBacklog.map((i) => card(i, 'todo'));
  const negotiation = o.currentSprint?.negotiation;
  const ids = negotiation?.counter ?? negotiation?.proposed ?? o.likelySelection;
  return ids.flatMap((id) => {
    const item = findItem(o, id);
    return item ? [card(item, 'todo')] : [];
  });
}

/** During the Sprint: Done is Done; work starts on the first day; blocked work stays where it stood. */
function sprintCards(o: Observation, before: ReadonlyMap<string, Column>): StageCard[] {
  const started = o.day > 0;
  const columns = new Map<string, Column>();
  let doing = 0;
  // First what the observation pins down, and what was already in progress (it stays there).
  for (const item of o.sprintBacklog) {
    const was = before.get(item.id);
    if (item.status === 'done') columns.set(item.id, 'done');
    else if (!started) columns.set(item.id, 'todo');
    else if (item.blockedBy) columns.set(item.id, was === 'doing' ? 'doing' : 'todo');
    else if (was === 'doing' || item.meetsDoD === false) {
      columns.set(item.id, 'doing');
      doing += 1;
    }
  }
  // Then the next cards in the Sprint Backlog's order fill the free places in progress.
  for (const item of o.sprintBacklog) {
    if (columns.has(item.id)) continue;
    if (doing < IN_PROGRESS_LIMIT) {
      columns.set(item.id, 'doing');
      doing += 1;
    } else columns.set(item.id, 'todo');
  }
  return o.sprintBacklog.map((i) => card(i, columns.get(i.id) ?? 'todo'));
}

/** At the Review: the Sprint's Done work in Done; work not Done goes back to To do, as it goes back to the Product Backlog. */
function reviewCards(o: Observation): StageCard[] {
  const sprint = o.currentSprint;
  if (!sprint) return [];
  const done = sprint.done.flatMap((id) => {
    const item = findItem(o, id);
    return item ? [card(item, 'done')] : [];
  });
  const notDone = sprint.notDone.flatMap((id) => {
    const item = findItem(o, id);
    return item ? [{ ...card(item, 'todo'), blocked: false, blockedBy: null }] : [];
  });
  return [...notDone, ...done];
}

/** Who in a scenario's events and questions speaks for the Developers. */
const DEVELOPERS = new Set(['developers', 'developer']);

function teamSays(o: Observation): string | null {
  if (o.pendingEvent && DEVELOPERS.has(o.pendingEvent.from)) return o.pendingEvent.title;
  if (o.pendingQuestion && DEVELOPERS.has(o.pendingQuestion.asker)) return o.pendingQuestion.text;
  return null;
}

function stakeholdersOf(o: Observation, screen: StageScreen, prev: StageState | null, released: boolean): StageStakeholder[] {
  const before = new Map(prev?.stakeholders.map((s) => [s.id, s]) ?? []);
  return o.stakeholders.map((s) => {
    const was = before.get(s.id);
    const delta = was ? s.trust - was.trust : 0;
    const event = o.pendingEvent?.from === s.id ? o.pendingEvent.title : null;
    const question = o.pendingQuestion?.asker === s.id ? o.pendingQuestion.text : null;
    const says = event ?? question;
    // The stakeholders come to the Review; at a release they come to see it; otherwise only to speak, or to react to a change in their trust.
    const present = screen === 'review' || released || says !== null || (delta !== 0 && screen !== 'other');
    const mood: Mood = delta > 0 ? 'pleased' : delta < 0 ? 'worried' : present && was?.present ? was.mood : 'neutral';
    return { id: s.id, name: s.name, role: s.role, trust: s.trust, present, mood: present ? mood : 'neutral', says: present ? says : null };
  });
}

/**
 * The stage for `input`, and the events that lead there from `prev` (none on the first look:
 * what is already there is simply shown). Calling it again with the same observation gives the
 * same state and no events.
 */
export function nextStage(prev: StageState | null, input: StageInput): { state: StageState; events: StageEvent[] } {
  const o = input.observation;
  const continuing = prev !== null && prev.runKey === input.runKey;
  const before = continuing ? prev : null;
  const screen = screenOfPhase(input.phase);
  const columns = new Map(before?.cards.map((c) => [c.id, c.column]) ?? []);
  const cards =
    screen === 'planning' ? planningCards(o) : screen === 'sprint' ? sprintCards(o, columns) : screen === 'review' ? reviewCards(o) : (before?.cards ?? []);
  const released = before !== null && o.releases.length > before.releases;
  const state: StageState = {
    runKey: input.runKey,
    screen,
    sprint: o.sprint,
    day: o.day,
    days: o.days,
    releases: o.releases.length,
    cards,
    stakeholders: stakeholdersOf(o, screen, before, released),
    team: { says: teamSays(o) },
  };
  return { state, events: before ? diffStage(before, state) : [] };
}

/** The events that lead from `a` to `b`, in the order the stage plays them. */
export function diffStage(a: StageState, b: StageState): StageEvent[] {
  const events: StageEvent[] = [];
  const newSprint = b.sprint !== a.sprint;
  if (b.screen === 'sprint' && !newSprint && b.day > a.day) {
    for (let d = a.day + 1; d <= b.day; d++) events.push({ kind: 'day', day: d, text: `Day ${d} of ${b.days} is over.` });
  }
  const old = new Map(a.cards.map((c) => [c.id, c]));
  const now = new Map(b.cards.map((c) => [c.id, c]));
  if (newSprint && a.cards.length) events.push({ kind: 'cleared', text: `The board is cleared for Sprint ${b.sprint}.` });
  for (const c of a.cards) {
    if (!newSprint && !now.has(c.id)) events.push({ kind: 'removed', cardId: c.id, text: `Card “${c.title}” left the board.` });
  }
  // Moves in board order: first cards going into progress, then cards reaching Done.
  const moves: StageEvent[] = [];
  for (const c of b.cards) {
    const was = newSprint ? undefined : old.get(c.id);
    if (!was) {
      events.push({ kind: 'added', cardId: c.id, to: c.column, text: `Card “${c.title}” is on the board, in ${columnName(c.column)}.` });
      continue;
    }
    if (was.column !== c.column) {
      // Only the end of the Sprint sends a card back: Not Done work returns to the Product Backlog.
      const text = c.column === 'todo' ? `Card “${c.title}” is not Done: it goes back to the Product Backlog.` : `Card “${c.title}” moved to ${columnName(c.column)}.`;
      moves.push({ kind: 'moved', cardId: c.id, to: c.column, text });
    }
    if (c.blocked && !was.blocked) events.push({ kind: 'blocked', cardId: c.id, text: `Card “${c.title}” is blocked: it needs “${c.blockedBy}”.` });
    if (!c.blocked && was.blocked && c.column !== 'done') events.push({ kind: 'unblocked', cardId: c.id, text: `Card “${c.title}” is no longer blocked.` });
  }
  const order: Record<Column, number> = { todo: 0, doing: 1, done: 2 };
  moves.sort((x, y) => order[x.to!] - order[y.to!]);
  events.push(...moves);

  if (b.team.says && b.team.says !== a.team.says) events.push({ kind: 'spoke', text: `The Developers say: “${b.team.says}”` });
  const people = new Map(a.stakeholders.map((s) => [s.id, s]));
  for (const s of b.stakeholders) {
    const was = people.get(s.id);
    if (s.present && !was?.present) events.push({ kind: 'arrived', stakeholderId: s.id, text: s.says ? `${s.name} arrives: “${s.says}”` : `${s.name} joins the team.` });
    else if (s.present && s.says && s.says !== was?.says) events.push({ kind: 'arrived', stakeholderId: s.id, text: `${s.name} says: “${s.says}”` });
    if (s.present && s.mood !== 'neutral' && s.mood !== was?.mood) events.push({ kind: 'reacted', stakeholderId: s.id, text: `${s.name} looks ${s.mood}.` });
    if (!s.present && was?.present) events.push({ kind: 'left', stakeholderId: s.id, text: `${s.name} leaves.` });
  }
  return events;
}

/** The stage in words, for people who cannot see the canvas: the board by column, then who is there. */
export function describeStage(state: StageState): string[] {
  const lines: string[] = [];
  for (const column of ['todo', 'doing', 'done'] as const) {
    const cards = state.cards.filter((c) => c.column === column);
    if (!cards.length) continue;
    lines.push(`${columnName(column)}: ${cards.map((c) => `“${c.title}”${c.blocked ? ' (blocked)' : ''}`).join(', ')}.`);
  }
  if (!state.cards.length) lines.push('The board is empty.');
  if (state.team.says) lines.push(`The Developers are saying “${state.team.says}”.`);
  for (const s of state.stakeholders.filter((p) => p.present)) {
    lines.push(`${s.name} is here${s.mood !== 'neutral' ? `, looking ${s.mood}` : ''}${s.says ? `, saying “${s.says}”` : ''}.`);
  }
  return lines;
}
