import type { ReflectionTopic } from '../model/actions';
import { REFLECTIONS } from '../model/actions';
import type { GameState } from '../model/state';
import type { Rule } from './context';
import { judge, say } from './context';
import { reflectionLabel } from '../model/labels';
import { currentSprint } from './planning';

/** Topics the Retrospective asks about before the team picks an improvement. */
export function requiredReflections(state: GameState): ReflectionTopic[] {
  const sprint = state.sprints[state.sprints.length - 1];
  if (!sprint) return [];
  const topics: ReflectionTopic[] = [];
  // Two themes a Retrospective, alternating, so reflection stays short and every theme comes round.
  if (state.sprint >= 2 && state.sprint % 2 === 0) topics.push('sprintGoals', 'refinement');
  if (state.sprint >= 3 && state.sprint % 2 === 1) {
    if (state.roadmap.format) topics.push('roadmap');
    topics.push('stakeholders');
  }
  if (sprint.released && state.releases.some((r) => r.sprint === state.sprint && r.itemIds.length > 0)) topics.push('metrics');
  return topics.filter((t) => !sprint.reflections.includes(t));
}

/** What the visible history actually shows, for each topic. */
export function reflectionTruth(state: GameState, topic: ReflectionTopic): string {
  const played = state.sprints.filter((s) => s.goalMet !== null);
  switch (topic) {
    case 'sprintGoals': {
      const missed = played.filter((s) => !s.goalMet).length;
      if (played.length && missed / played.length >= 0.5) return 'tooAmbitious';
      const forecast = played.reduce((a, s) => a + s.forecast, 0);
      const velocity = played.reduce((a, s) => a + s.velocity, 0);
      return missed === 0 && forecast > 0 && velocity >= 1.15 * forecast ? 'tooConservative' : 'aboutRight';
    }
    case 'refinement': {
      const clarifications = played.reduce((a, s) => a + s.clarifications, 0) / Math.max(1, played.length);
      if (state.refinementShare >= 20) return 'tooMuch';
      return clarifications >= 2 ? 'tooLittle' : 'aboutRight';
    }
    case 'roadmap':
      return state.roadmap.misses > 0 ? 'misaligned' : 'aligned';
    case 'stakeholders': {
      const misled = state.sprints.some((s, i) => s.progressSharing === 'optimistic' && state.sprints[i + 1]?.goalMet === false);
      if (misled) return 'hiddenRisks';
      const falls = Object.values(state.trust).some((t) => t < 45);
      return falls ? 'noCadence' : 'allGood';
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
    const right = truth === a.finding;
    currentSprint(draft).reflections.push(a.topic);
    const rationale: Record<ReflectionTopic, string> = {
      sprintGoals: right
        ? 'The Sprint history supports that reading of how ambitious the Sprint Goals have been.'
        : `The history says otherwise: Sprint Goals look ${truth === 'tooAmbitious' ? 'too ambitious (half or more were missed)' : truth === 'tooConservative' ? 'too cautious (always met with room to spare)' : 'about right'}.`,
      refinement: right
        ? 'Clarification requests and the share of time spent refining support that reading.'
        : `The figures say refinement was ${truth === 'tooLittle' ? 'too thin: Developers kept stopping to ask what items meant' : truth === 'tooMuch' ? 'taking too much capacity from delivery' : 'about right'}.`,
      metrics: right
        ? 'You read the usage figures correctly: that item earned the most use, which should inform what comes next.'
        : 'The usage figures point to another item as the most used one.',
      roadmap: right
        ? 'That matches what stakeholders expected against what was delivered.'
        : truth === 'misaligned'
          ? 'Dated promises were missed: stakeholders expected something the team did not deliver.'
          : 'Expectations and delivery matched; no roadmap promise was broken.',
      stakeholders: right
        ? 'That is the root cause the trust figures and the Sprint history point to.'
        : truth === 'hiddenRisks'
          ? 'Trust fell because a Review presented good news that the next Sprint contradicted.'
          : truth === 'noCadence'
            ? 'Some stakeholders lost trust: their engagement did not match their influence and interest.'
            : 'Trust held up: the channels and cadence worked.',
    };
    judge(draft, { goalId: GOAL[a.topic], score: right ? 1 : 0, decisionId: `reflect-${a.topic}-s${draft.sprint}`, rationale: rationale[a.topic] });
    say(draft, `Your reflection: ${reflectionLabel(a.topic, a.finding, ctx.base)}.`);
  },
};
