import type { Effect, Observation } from '../../engine';
import { count, number } from '../../words';
import { signed } from './effects';

/**
 * The end-of-Sprint report card, read before the Retrospective: was the Sprint Goal met, what
 * value was delivered, the Developers' forecast against what was Done, how the stakeholders feel,
 * and one lesson. Built from the observation and the Sprint's effects only. When only part of the
 * Sprint's effects is known (a class game reopened part-way through the Sprint), the card does
 * not sum them: it says the trust changes are not known, and shows trust as it is now.
 */

export interface MoodOf {
  name: string;
  /** Trust change over the Sprint (null when not known), and trust now (0..100). */
  change: number | null;
  trust: number;
}

export interface ReportCard {
  sprint: number;
  goal: { verdict: 'met' | 'not met' | 'cancelled'; text: string };
  value: string;
  forecast: { forecast: number; done: number; text: string };
  /** `unknown`: only part of the Sprint's effects reached this page. */
  mood: { tone: 'pleased' | 'steady' | 'worried' | 'unknown'; text: string; people: MoodOf[] };
  lesson: string;
  /** Some of the Sprint's effects are missing: the trust changes and Product Goal progress are left out. */
  partial: boolean;
}

type History = Observation['sprintHistory'][number];

/** The one lesson the Sprint's results point to, most important first. */
export function lessonFor(s: History, released: boolean, moodChange: number): string {
  if (s.cancelled)
    return 'A Sprint is cancelled only when its goal has become obsolete, and only the Product Owner may cancel it: the work not Done goes back to the Product Backlog.';
  if (s.stretch) return 'The Sprint took on more than the Developers forecast. The Developers decide how much work they can take into a Sprint; pushing past it costs focus and morale.';
  if (s.notDone.length)
    return 'Work that did not meet the Definition of Done went back to the Product Backlog: it is not part of the Increment, so it cannot be shown as progress or released.';
  if (s.goalMet === false) return 'The Sprint Goal was not met. A focused goal lets the Developers adapt the work during the Sprint and still achieve it.';
  if (moodChange <= -1) return 'Stakeholders’ trust fell this Sprint. A Sprint Review that shows the real picture, risks included, builds trust that holds when surprises come.';
  if (s.clarifications > 0) return 'The Developers lost time asking what items meant. Refining the Product Backlog ahead of Sprint Planning makes items ready to start.';
  if (s.velocity > 0 && !released) return 'The Increment is Done but not in users’ hands: its value, and the feedback it brings, arrive only once it is released.';
  if (s.velocity < s.forecast) return 'The Sprint Goal was met with less Done than forecast: the goal gives the Sprint its focus, while the forecast is only a forecast.';
  return 'The Sprint Goal was met and the forecast held. Bring what the Sprint Review taught you into the order of the Product Backlog.';
}

export function reportCard(o: Observation, sprintEffects: readonly Effect[], partial = false): ReportCard | null {
  const s = o.sprintHistory.find((h) => h.number === o.sprint);
  if (!s) return null;

  const verdict = s.cancelled ? 'cancelled' : s.goalMet ? 'met' : 'not met';
  const goalText = s.goal ? `“${s.goal}”` : 'The Sprint had no goal.';

  const releases = o.releases.filter((r) => r.sprint === s.number);
  const releasedValue = releases.reduce((a, r) => a + r.value, 0);
  const goalPoints = sprintEffects.filter((e) => e.kind === 'goal').reduce((a, e) => a + e.delta, 0);
  const done = `${count(s.done.length, 'item')} Done (${count(s.velocity, 'point')})`;
  const value =
    releases.length && releases.some((r) => r.itemIds.length)
      ? `${done}; released to users, realising ${number(releasedValue)} value${goalPoints > 0 && !partial ? ` and moving the Product Goal ${count(goalPoints, 'point')}` : ''}.`
      : s.velocity > 0
        ? `${done}; not released yet, so no value has reached users.`
        : 'Nothing met the Definition of Done, so there is no new value to deliver.';

  const forecast = {
    forecast: s.forecast,
    done: s.velocity,
    text: `The Developers forecast ${count(s.forecast, 'point')}; ${count(s.velocity, 'point')} met the Definition of Done.`,
  };

  if (partial) {
    const people: MoodOf[] = o.stakeholders.map((p) => ({ name: p.name, change: null, trust: p.trust }));
    const now = people.length ? ` Trust now: ${people.map((p) => `${p.name} ${number(p.trust)}`).join(', ')}.` : '';
    return {
      sprint: s.number,
      goal: { verdict, text: goalText },
      value,
      forecast,
      mood: {
        tone: 'unknown',
        text: `How stakeholders’ trust moved this Sprint is not known here: part of the Sprint was played before this page was opened, or while it was disconnected.${now}`,
        people,
      },
      lesson: lessonFor(s, releases.some((r) => r.itemIds.length > 0) || s.released, 0),
      partial,
    };
  }

  const changes = new Map<string, number>();
  for (const e of sprintEffects) if (e.kind === 'trust' && e.who) changes.set(e.who, (changes.get(e.who) ?? 0) + e.delta);
  const people: MoodOf[] = o.stakeholders.map((p) => ({ name: p.name, change: Math.round((changes.get(p.id) ?? 0) * 10) / 10, trust: p.trust }));
  const changeOf = (p: MoodOf) => p.change ?? 0;
  const average = people.length ? people.reduce((a, p) => a + changeOf(p), 0) / people.length : 0;
  const tone = average >= 1 ? 'pleased' : average <= -1 ? 'worried' : 'steady';
  const moved = people.filter((p) => number(Math.abs(changeOf(p))) !== '0');
  const moodText =
    (tone === 'pleased' ? 'Stakeholders are pleased.' : tone === 'worried' ? 'Stakeholders are worried.' : 'Stakeholders’ trust held steady.') +
    (moved.length ? ` Trust this Sprint: ${moved.map((p) => `${p.name} ${signed(changeOf(p))}`).join(', ')}.` : ' No one’s trust moved this Sprint.');

  return {
    sprint: s.number,
    goal: { verdict, text: goalText },
    value,
    forecast,
    mood: { tone, text: moodText, people },
    lesson: lessonFor(s, releases.some((r) => r.itemIds.length > 0) || s.released, average),
    partial,
  };
}
