import type { ItemTruth } from '../engine/model/scenario';
import { quote } from './describe';
import { checkDependencies, type DependencyNode } from './dependencies';
import { missingGoalReason } from './goals';
import type { Target } from './locate';
import { formatPath, type PathSegment } from './problem';
import type { CampaignFile, ScenarioDataFile, ScenarioFile } from './schema';

/** A problem the schema cannot see: it needs two fields at once. Positioned later by path. */
export interface Finding {
  path: PathSegment[];
  message: string;
  target?: Target;
}

/** The event `from` and question `asker` that mean the Developers rather than a stakeholder. */
export const DEVELOPERS = 'developers';
/** The question `asker` that means the in-game coach. */
export const COACH = 'coach';
/** Phases whose questions are asked in a given Sprint (briefing and release have none). */
const PHASES_IN_SPRINT = new Set(['refinement', 'planning', 'review', 'retrospective']);

type Out = Finding[];

/** Reports every entry whose id an earlier entry already has. */
function uniqueAt(out: Out, entries: readonly { id: string; path: PathSegment[] }[]): void {
  const seen = new Map<string, PathSegment[]>();
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) out.push({ path: [...entry.path, 'id'], message: `expected a unique id, found ${quote(entry.id)} again (first used at ${formatPath(first)})` });
    else seen.set(entry.id, entry.path);
  }
}

function uniqueIds(out: Out, list: readonly { id: string }[], at: PathSegment[]): void {
  uniqueAt(out, list.map((entry, i) => ({ id: entry.id, path: [...at, i] })));
}

function onceEach(out: Out, list: readonly string[], at: PathSegment[], what: string): void {
  const seen = new Set<string>();
  list.forEach((v, i) => {
    if (seen.has(v)) out.push({ path: [...at, i], message: `expected each ${what} once, found ${quote(v)} again` });
    seen.add(v);
  });
}

function goalsInOutline(out: Out, goalIds: readonly string[], pathOf: (i: number) => PathSegment[]): void {
  goalIds.forEach((goalId, i) => {
    const reason = missingGoalReason(goalId);
    if (reason) out.push({ path: pathOf(i), message: `expected a goal in the course outline (${reason}), found ${quote(goalId)}` });
  });
}

function sprintRange(s: ScenarioFile): string {
  return s.sprints === 1 ? 'Sprint 1 (the scenario has 1 Sprint)' : `a Sprint from 1 to ${s.sprints} (the scenario has ${s.sprints} Sprints)`;
}

function oneOf(ids: Iterable<string>, extra: readonly string[] = []): string {
  const all = [...ids, ...extra].slice(0, 10).map((x) => quote(x));
  return all.length === 0 ? 'the scenario has none' : `one of ${all.join(', ')}`;
}

/** Every item the game can hold: backlog items and the pieces their splits produce. */
function allItems(s: ScenarioFile): DependencyNode[] {
  const items: DependencyNode[] = [];
  s.backlog.forEach((item, i) => {
    items.push({ id: item.id, truth: item.truth, path: ['backlog', i] });
    item.splits?.forEach((split, k) =>
      split.children.forEach((child, c) => items.push({ id: child.id, truth: child.truth, path: ['backlog', i, 'splits', k, 'children', c] })),
    );
  });
  return items;
}

function checkTruth(s: ScenarioFile, truth: ItemTruth, at: PathSegment[], out: Out): void {
  const deadline = [...at, 'truth', 'deadlineSprint'];
  if (truth.costOfDelay === 'fixedDate' && truth.deadlineSprint === undefined) {
    out.push({ path: deadline, message: 'expected a deadlineSprint for a fixedDate item, found nothing (the field is missing)' });
  } else if (truth.costOfDelay !== 'fixedDate' && truth.deadlineSprint !== undefined) {
    out.push({ path: deadline, message: `expected no deadlineSprint unless costOfDelay is fixedDate (it would be ignored), found ${truth.deadlineSprint}` });
  } else if (truth.deadlineSprint !== undefined && truth.deadlineSprint > s.sprints) {
    out.push({ path: deadline, message: `expected ${sprintRange(s)}, found ${truth.deadlineSprint}, after the last Sprint` });
  }
}

function checkBacklog(s: ScenarioFile, stakeholders: Set<string>, out: Out): void {
  const items = allItems(s);
  // Split pieces become items beside the backlog's, so they share one namespace.
  uniqueAt(out, items);
  s.backlog.forEach((item, i) => {
    const at: PathSegment[] = ['backlog', i];
    if (item.requestedBy !== undefined && !stakeholders.has(item.requestedBy)) {
      out.push({ path: [...at, 'requestedBy'], message: `expected the id of a stakeholder (${oneOf(stakeholders)}), found ${quote(item.requestedBy)}` });
    }
    // Any item can be set aside as off-vision, and that is judged against this truth.
    if (item.servesVision === undefined) {
      out.push({ path: [...at, 'servesVision'], message: `expected servesVision: true or false (setting "${item.title}" aside as off-vision is judged against it, and no hidden truth defaults), found nothing (the field is missing)` });
    }
    uniqueIds(out, item.criteria ?? [], [...at, 'criteria']);
    onceEach(out, item.flaws ?? [], [...at, 'flaws'], 'flaw');
    const segments = new Set((s.segments ?? []).map((g) => g.id));
    (item.segments ?? []).forEach((g, k) => {
      if (!segments.has(g)) out.push({ path: [...at, 'segments', k], message: `expected the id of a segment (${oneOf(segments)}), found ${quote(g)}` });
    });
  });
  for (const item of items) checkTruth(s, item.truth, item.path, out);
  out.push(...checkDependencies(items));
}

/** A premise speaks about backlog items: those it names must exist, and an untested one must rest on an assumption. */
function checkPremise(s: ScenarioFile, premise: ScenarioFile['events'][number]['premise'], at: PathSegment[], out: Out): void {
  if (!premise) return;
  const backlog = new Set(s.backlog.map((i) => i.id));
  (premise.notPlanned ?? []).forEach((id, k) => {
    if (!backlog.has(id)) out.push({ path: [...at, 'notPlanned', k], message: `expected the id of a backlog item (${oneOf(backlog)}), found ${quote(id)}` });
  });
  const assumed = new Set(s.backlog.filter((i) => i.assumption).map((i) => i.id));
  (premise.untested ?? []).forEach((id, k) => {
    if (!assumed.has(id)) out.push({ path: [...at, 'untested', k], message: `expected the id of a backlog item with an assumption (${oneOf(assumed)}), found ${quote(id)}` });
  });
}

function checkEvents(s: ScenarioFile, stakeholders: Set<string>, out: Out): void {
  uniqueIds(out, s.events, ['events']);
  s.events.forEach((event, i) => {
    const at: PathSegment[] = ['events', i];
    if (event.from !== DEVELOPERS && !stakeholders.has(event.from)) {
      out.push({ path: [...at, 'from'], message: `expected a stakeholder id or "${DEVELOPERS}" (${oneOf(stakeholders, [DEVELOPERS])}), found ${quote(event.from)}` });
    }
    if (event.chance === 0) {
      out.push({ path: [...at, 'chance'], message: 'expected a chance greater than 0, found 0: the event could never fire' });
    }
    if (event.fromSprint > s.sprints) {
      out.push({ path: [...at, 'fromSprint'], message: `expected ${sprintRange(s)}, found ${event.fromSprint}: the event could never fire` });
    }
    checkPremise(s, event.premise, [...at, 'premise'], out);
    uniqueIds(out, event.choices, [...at, 'choices']);
    event.choices.forEach((choice, c) => {
      const loss = choice.effects.capacityLoss;
      if (loss !== undefined && loss > s.team.capacity) {
        out.push({ path: [...at, 'choices', c, 'effects', 'capacityLoss'], message: `expected at most the team's capacity (${s.team.capacity} points), found ${loss}` });
      }
      goalsInOutline(out, choice.evidence.map((e) => e.goalId), (k) => [...at, 'choices', c, 'evidence', k, 'goalId']);
    });
  });
}

function checkQuestions(s: ScenarioFile, stakeholders: Set<string>, out: Out): void {
  const questions = s.questions ?? [];
  uniqueIds(out, questions, ['questions']);
  questions.forEach((q, i) => {
    const at: PathSegment[] = ['questions', i];
    if (q.asker !== DEVELOPERS && q.asker !== COACH && !stakeholders.has(q.asker)) {
      out.push({ path: [...at, 'asker'], message: `expected a stakeholder id, "${DEVELOPERS}" or "${COACH}" (${oneOf(stakeholders, [DEVELOPERS, COACH])}), found ${quote(q.asker)}` });
    }
    if (PHASES_IN_SPRINT.has(q.phase) && q.sprint > s.sprints) {
      out.push({ path: [...at, 'sprint'], message: `expected ${sprintRange(s)}, found ${q.sprint}: the question could never be asked` });
    }
    onceEach(out, q.goalIds, [...at, 'goalIds'], 'goal');
    goalsInOutline(out, q.goalIds, (k) => [...at, 'goalIds', k]);
    uniqueIds(out, q.answers, [...at, 'answers']);
  });
}

/** Vision, persona, empathy and segment ids are unique; promises and the pivot point at what exists. */
function checkDiscovery(s: ScenarioFile, out: Out): void {
  uniqueIds(out, s.visionFragments ?? [], ['visionFragments']);
  uniqueIds(out, s.personaSnippets ?? [], ['personaSnippets']);
  uniqueIds(out, s.empathyNotes ?? [], ['empathyNotes']);
  uniqueIds(out, s.segments ?? [], ['segments']);
  const items = new Set(allItems(s).map((i) => i.id));
  (s.roadmapPromises ?? []).forEach((id, k) => {
    if (!items.has(id)) out.push({ path: ['roadmapPromises', k], message: `expected the id of a backlog item, found ${quote(id)}` });
  });
  if (s.pivot && s.pivot.sprint > s.sprints) {
    out.push({ path: ['pivot', 'sprint'], message: `expected a Sprint of this scenario (${sprintRange(s)}), found ${s.pivot.sprint}` });
  }
}

function checkScenario(s: ScenarioFile): Out {
  const out: Out = [];
  uniqueIds(out, s.productGoals, ['productGoals']);
  uniqueIds(out, s.stakeholders, ['stakeholders']);
  s.stakeholders.forEach((st, i) => {
    if (st.id === DEVELOPERS || st.id === COACH) {
      out.push({ path: ['stakeholders', i, 'id'], message: `expected an id other than "${DEVELOPERS}" and "${COACH}" (events and questions use them), found ${quote(st.id)}` });
    }
  });
  const stakeholders = new Set(s.stakeholders.map((st) => st.id));
  checkBacklog(s, stakeholders, out);
  checkEvents(s, stakeholders, out);
  checkQuestions(s, stakeholders, out);
  checkDiscovery(s, out);
  onceEach(out, s.targets, ['targets'], 'goal');
  goalsInOutline(out, s.targets, (k) => ['targets', k]);
  return out;
}

function checkCampaign(c: CampaignFile): Out {
  const out: Out = [];
  onceEach(out, c.scenarios, ['scenarios'], 'scenario');
  return out;
}

/**
 * Checks one schema-valid file for what spans fields: duplicate ids, references to stakeholders
 * and items that do not exist, dependency loops, events and questions that can never happen,
 * deadlines outside the scenario, goals not in the catalogue. References between files
 * (campaigns and their scenarios) are checked in collection.ts.
 */
export function checkSemantics(file: ScenarioDataFile): Finding[] {
  switch (file.kind) {
    case 'scenario':
      return checkScenario(file);
    case 'campaign':
      return checkCampaign(file);
    default: {
      const unknownKind: never = file;
      return unknownKind;
    }
  }
}
