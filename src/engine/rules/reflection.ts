import type { ReflectionTopic } from '../model/actions';
import { REFLECTIONS } from '../model/actions';
import type { GameState } from '../model/state';
import type { Rule } from './context';
import { judge, say } from './context';
import { reflectionLabel } from '../model/labels';
import { currentSprint } from './planning';
import { judgeMetricsReading } from './goals-in-the-world';
import { percentOf100 } from '../model/words';

/** Topics the Review asks about before it closes, and the Retrospective before the team picks an improvement. */
export function requiredReflections(state: GameState): ReflectionTopic[] {
  const sprint = state.sprints[state.sprints.length - 1];
  if (!sprint) return [];
  const topics: ReflectionTopic[] = [];
  // What users did with the Increment is inspected with stakeholders at the Review; the
  // Retrospective looks at how the team works.
  if (state.phase === 'sprint.review') {
    if (sprint.released && state.releases.some((r) => r.sprint === state.sprint && r.itemIds.length > 0)) topics.push('metrics');
    return topics.filter((t) => !sprint.reflections.includes(t));
  }
  // Two themes a Retrospective, alternating, so reflection stays short and every theme comes round.
  if (state.sprint >= 2 && state.sprint % 2 === 0) topics.push('sprintGoals', 'refinement');
  if (state.sprint >= 3 && state.sprint % 2 === 1) {
    if (state.roadmap.format) topics.push('roadmap');
    topics.push('stakeholders');
  }
  return topics.filter((t) => !sprint.reflections.includes(t));
}

/** The Sprints the Retrospective shows: those whose outcome is known. */
const played = (state: GameState) => state.sprints.filter((s) => s.goalMet !== null);

/** What the Sprint history shows about the Sprint Goals: the share missed and Done against forecast. */
function goalRecord(state: GameState) {
  const sprints = played(state);
  const missed = sprints.filter((s) => !s.goalMet).length;
  const forecast = sprints.reduce((a, s) => a + s.forecast, 0);
  const velocity = sprints.reduce((a, s) => a + s.velocity, 0);
  return { count: sprints.length, missed, forecast, velocity, missShare: missed / Math.max(1, sprints.length), pace: forecast > 0 ? velocity / forecast : 1 };
}

/** Clarification stops per Sprint, and whether the agreed share of capacity for refinement is heavy. */
function refinementRecord(state: GameState) {
  const sprints = played(state);
  return { stops: sprints.reduce((a, s) => a + s.clarifications, 0) / Math.max(1, sprints.length), heavy: state.refinementShare >= 20 };
}

/** The Review that said all was on track just before a Sprint that missed its goal, if any. */
function misledAt(state: GameState): number | null {
  const i = state.sprints.findIndex((s, k) => s.progressSharing === 'optimistic' && state.sprints[k + 1]?.goalMet === false);
  return i < 0 ? null : state.sprints[i]!.number;
}

const LOW_TRUST = 45;

/**
 * How far the visible history supports each reading, 0..1, the best-supported reading(s) at 1.
 * Mixed evidence supports more than one reading: a missed goal in a Sprint that still beat its
 * forecast says the goal, not the amount of work, went wrong.
 */
export function reflectionSupport(state: GameState, topic: ReflectionTopic): Record<string, number> {
  const raw = rawSupport(state, topic);
  const best = Math.max(...Object.values(raw), 0);
  const out: Record<string, number> = {};
  for (const [finding, s] of Object.entries(raw)) out[finding] = best > 0 ? Math.round((100 * s) / best) / 100 : 0;
  return out;
}

function rawSupport(state: GameState, topic: ReflectionTopic): Record<string, number> {
  switch (topic) {
    case 'sprintGoals': {
      const { missShare: m, pace } = goalRecord(state);
      const mostMissed = m >= 0.5;
      return {
        tooAmbitious: mostMissed ? (pace < 1 ? 1 : 0.8) : m > 0 ? 0.4 : 0,
        aboutRight: mostMissed ? (pace < 1 ? 0.2 : Math.max(0.2, 1.3 - m)) : m > 0 || pace < 1.15 ? 1 : 0.6,
        tooConservative: m === 0 ? (pace >= 1.15 ? 1 : pace >= 1 ? 0.3 : 0) : 0,
      };
    }
    case 'refinement': {
      const { stops, heavy } = refinementRecord(state);
      return {
        tooLittle: stops >= 2 ? 1 : stops >= 1 ? 0.5 : 0,
        aboutRight: stops >= 2 ? 0.2 : heavy ? 0.6 : 1,
        tooMuch: heavy ? 1 : 0,
      };
    }
    case 'roadmap':
      return state.roadmap.misses > 0 ? { misaligned: 1, aligned: 0 } : { aligned: 1, misaligned: 0 };
    case 'stakeholders': {
      const misled = misledAt(state) !== null;
      const low = Object.values(state.trust).some((t) => t < LOW_TRUST);
      return { hiddenRisks: misled ? 1 : 0, noCadence: low ? (misled ? 0.6 : 1) : 0, allGood: low ? 0 : misled ? 0.4 : 1 };
    }
    case 'metrics': {
      const release = [...state.releases].reverse().find((r) => r.itemIds.length > 0);
      const use = release?.itemIds.map((id) => release.featureUse[id] ?? 0) ?? [];
      const top = Math.max(...use, 0);
      // Items tied for the most use are all the most used.
      return Object.fromEntries((release?.itemIds ?? []).map((id, k) => [id, use[k] === top ? 1 : 0]));
    }
  }
}

const times = (k: number) => {
  const r = Math.round(k * 10) / 10;
  return `${r} time${r === 1 ? '' : 's'}`;
};
const points = (k: number) => `${k} point${k === 1 ? '' : 's'}`;

/** The figures the Retrospective shows for a topic, in words: what the reading is judged on. */
export function reflectionEvidence(state: GameState, topic: ReflectionTopic): string {
  switch (topic) {
    case 'sprintGoals': {
      const r = goalRecord(state);
      return `The Sprint history shows ${r.count - r.missed} of ${r.count} Sprint Goals met, and ${points(r.velocity)} Done against the ${points(r.forecast)} the Developers forecast.`;
    }
    case 'refinement': {
      const r = refinementRecord(state);
      return `The Developers stopped to ask what items meant ${times(r.stops)} a Sprint on average, with ${state.refinementShare}% of their capacity agreed for refinement.`;
    }
    case 'roadmap': {
      const k = state.roadmap.misses;
      return k > 0 ? `${k} dated roadmap promise${k === 1 ? '' : 's'} fell due without being delivered.` : `No dated roadmap promise fell due without being delivered in the ${state.sprint} ${state.sprint === 1 ? 'Sprint' : 'Sprints'} so far.`;
    }
    case 'stakeholders': {
      const trust = Object.values(state.trust).map(Math.round);
      const at = misledAt(state);
      const range = trust.length ? `Stakeholder trust runs from ${Math.min(...trust)} to ${Math.max(...trust)} out of 100.` : '';
      return at === null ? range : `${range} The Sprint ${at} Review said all was on track, and Sprint ${at + 1} then missed its goal.`.trim();
    }
    case 'metrics': {
      const release = [...state.releases].reverse().find((r) => r.itemIds.length > 0);
      return release ? `Use in the latest release: ${release.itemIds.map((id) => `"${state.items[id]?.title ?? id}" ${percentOf100(release.featureUse[id] ?? 0)}`).join(', ')}.` : '';
    }
  }
}

/** The best-supported reading of the visible history, for each topic (the first, when several are). */
export function reflectionTruth(state: GameState, topic: ReflectionTopic): string {
  switch (topic) {
    case 'sprintGoals':
    case 'refinement':
    case 'roadmap':
    case 'stakeholders': {
      const support = reflectionSupport(state, topic);
      return REFLECTIONS[topic].find((f) => support[f] === 1) ?? '';
    }
    case 'metrics': {
      const release = [...state.releases].reverse().find((r) => r.itemIds.length > 0);
      if (!release) return '';
      let best = '';
      for (const id of release.itemIds) if (!best || release.featureUse[id]! > release.featureUse[best]! || (release.featureUse[id] === release.featureUse[best] && id < best)) best = id;
      return best;
    }
  }
}

export function reflectionOptions(state: GameState, topic: ReflectionTopic): readonly string[] {
  if (topic !== 'metrics') return REFLECTIONS[topic];
  const release = [...state.releases].reverse().find((r) => r.itemIds.length > 0);
  return release ? release.itemIds : [];
}

const sentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** Why the reading was sound or not: which reading the figures support, and whether others are as defensible. */
function verdict(state: GameState, topic: ReflectionTopic, finding: string, support: Record<string, number>): string {
  const score = support[finding] ?? 0;
  const others = Object.keys(support).filter((f) => f !== finding && support[f] === 1);
  const label = (f: string) => sentence(reflectionLabel(topic, f, state));
  if (score === 1) return others.length ? `That supports your reading, and as much another: ${label(others[0]!)}.` : 'That supports your reading.';
  const best = others[0] ?? '';
  return score > 0
    ? `That partly supports your reading, but points more clearly to another: ${label(best)}.`
    : `That does not support your reading: it points to ${label(best)}.`;
}

const GOAL: Record<ReflectionTopic, string> = { sprintGoals: 'D7.2.3', refinement: 'D3.3.3', metrics: 'D6.3.2', roadmap: 'D2.3.3', stakeholders: 'D5.2.4' };

export const reflect: Rule<'reflect'> = {
  check(s, a) {
    if (!requiredReflections(s).includes(a.topic)) return { code: 'notAllowedNow', message: `there is nothing to reflect on about ${a.topic} now` };
    return reflectionOptions(s, a.topic).includes(a.finding)
      ? null
      : { code: 'invalidParams', message: `"${a.finding}" is not a finding for ${a.topic} (options: ${reflectionOptions(s, a.topic).join(', ')})` };
  },
  apply(draft, a, ctx) {
    const truth = reflectionTruth(ctx.base, a.topic);
    const support = reflectionSupport(ctx.base, a.topic);
    const score = support[a.finding] ?? 0;
    currentSprint(draft).reflections.push(a.topic);
    const rationale = `${reflectionEvidence(ctx.base, a.topic)} ${verdict(ctx.base, a.topic, a.finding, support)}`;
    judge(draft, { goalId: GOAL[a.topic], score, decisionId: `reflect-${a.topic}-s${draft.sprint}`, rationale });
    if (a.topic === 'metrics') judgeMetricsReading(draft, ctx.base, a.finding, score === 1 ? a.finding : truth);
    say(draft, `Your reflection: ${reflectionLabel(a.topic, a.finding, ctx.base)}.`);
  },
};
