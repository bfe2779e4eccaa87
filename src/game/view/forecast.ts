import type { Observation } from '../../engine';

export type Forecast = Observation['forecasts'][number];
export type Distribution = NonNullable<Forecast['distribution']>;

function sprints(n: number): string {
  return `${n} Sprint${n === 1 ? '' : 's'}`;
}

/** The three marks of a Monte Carlo forecast in one sentence: what a screen reader hears. */
export function distributionSummary(d: Distribution): string {
  return `50% of simulated futures finish within ${sprints(d.p50)}, 85% within ${d.p85}, 95% within ${d.p95}.`;
}

/**
 * The share of simulated futures finished within 1, 2, 3… Sprints, in whole percent: the one set
 * of numbers the chart's bars and its words both show. Rounded down, so a share never claims a
 * mark ("85% within 3") a Sprint before the simulation reached it.
 */
export function cumulativeShares(d: Distribution): number[] {
  let seen = 0;
  return d.sprintsNeeded.map((n) => {
    seen += n;
    return d.trials ? Math.floor((100 * seen) / d.trials) : 0;
  });
}

/** Up to this many Sprints, the words give every bar's share; beyond it only the marks. */
export const SHARES_IN_WORDS = 12;

/** The sentence before the marks: what was simulated, and the share finished by each Sprint. */
export function distributionContext(d: Distribution): string {
  const shares = cumulativeShares(d);
  const lead = `${d.trials} simulated futures, each replaying the velocity of past Sprints at random.`;
  if (shares.length > SHARES_IN_WORDS) return lead;
  // Sprints by which no simulated future is done yet have no bar, and go unsaid.
  const parts = shares.flatMap((share, k) => (share > 0 ? [{ share, k }] : [])).map(({ share, k }, i) => (i === 0 ? `within ${sprints(k + 1)}, ${share}%` : `within ${k + 1}, ${share}%`));
  return parts.length ? `${lead} Finished ${parts.join('; ')}.` : lead;
}

/** The latest forecast of the run that carries a simulation, if any. */
export function latestDistribution(o: Observation): (Forecast & { distribution: Distribution }) | null {
  for (let i = o.forecasts.length - 1; i >= 0; i--) {
    const f = o.forecasts[i]!;
    if (f.distribution) return f as Forecast & { distribution: Distribution };
  }
  return null;
}

export interface Burnup {
  /** Points Done by the end of each Sprint, starting with 0 before Sprint 1. */
  done: number[];
  /** Done work plus what the Product Backlog still holds, by today's estimates. */
  scope: number;
}

/** A burn-up from what the player can see: velocity per past Sprint and the open backlog. */
export function burnup(o: Observation): Burnup {
  const done = [0];
  for (const h of o.sprintHistory) done.push(done[done.length - 1]! + h.velocity);
  const open = [...o.backlog, ...o.sprintBacklog.filter((i) => i.status !== 'done')].reduce((sum, i) => sum + i.estimate, 0);
  return { done, scope: done[done.length - 1]! + open };
}

/** The burn-up in words, with the forecast range when there is one. */
export function burnupSummary(b: Burnup, forecast: Forecast | null): string {
  const last = b.done.length - 1;
  const total = b.done[last] ?? 0;
  const r = (n: number) => Math.round(n * 10) / 10;
  const parts = [
    last === 0 ? 'No Sprint has finished yet.' : `After ${sprints(last)}, ${r(total)} ${r(total) === 1 ? 'point is' : 'points are'} Done; the Product Backlog still holds ${r(b.scope - total)} ${r(b.scope - total) === 1 ? 'point' : 'points'} by today’s estimates.`,
  ];
  if (forecast) {
    const from = forecast.sprint;
    const when =
      forecast.low === forecast.high ? `by the end of Sprint ${from + forecast.low}` : `between the end of Sprint ${from + forecast.low} and Sprint ${from + forecast.high}`;
    parts.push(`At the Review of Sprint ${from} you forecast the next items done ${when} (${forecast.style === 'date' ? 'a single date' : '80% of simulated futures'}).`);
  }
  return parts.join(' ');
}
