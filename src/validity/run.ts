/**
 * The validity check: a scoring rule is worth keeping only if it separates good practice from
 * bad. Scripted bots play every scenario over many seeds; per targeted domain, the principled
 * PO must score above every other bot with 95% intervals that do not overlap. Goals whose
 * evidence does not separate the principled PO from a random player are listed as weaknesses.
 */
import { DOMAINS, goalById, GOALS } from '../assessment';
import { POLICIES, playToEnd, type PolicyFactory } from '../bots';
import { createSession, type Evidence, type Report, type Scenario } from '../engine';
import { meanInterval, separatedAbove, type Interval } from './stats';

export interface ValidityScenario {
  readonly scenario: Scenario;
  readonly hash?: string;
}

export interface ValidityOptions {
  readonly scenarios: readonly ValidityScenario[];
  /** A number of seeds (1..N) or the seeds themselves. */
  readonly seeds: number | readonly string[];
  /** Bots by name; default principled, hippo, yes and random from the registry. */
  readonly policies?: Readonly<Record<string, PolicyFactory>>;
  /** The bot that must come out on top; default "principled". */
  readonly reference?: string;
  /** The bot per-goal evidence must separate the reference from; default "random". */
  readonly baseline?: string;
  /** Called after every run, for progress display. */
  readonly onRun?: (done: number, total: number) => void;
}

export const DEFAULT_POLICIES = ['principled', 'hippo', 'yes', 'random'] as const;

/** Outcome figures summarised per bot; `better` says which direction is good practice. */
export const OUTCOMES = [
  { key: 'valuePercent', label: 'value realised %', better: 'higher' },
  { key: 'valueRealised', label: 'value realised (points)', better: 'higher' },
  { key: 'sprintGoalsMet', label: 'Sprint Goals met', better: 'higher' },
  { key: 'forecastAccuracy', label: 'forecast accuracy', better: 'higher' },
  { key: 'stakeholderTrust', label: 'stakeholder trust', better: 'higher' },
  { key: 'teamHealth', label: 'team health', better: 'higher' },
  { key: 'techDebt', label: 'technical debt', better: 'lower' },
] as const;
export type OutcomeKey = (typeof OUTCOMES)[number]['key'];
/** Outcomes on which the reference bot is expected to come out ahead of every other bot. */
export const VALUE_OUTCOMES: readonly OutcomeKey[] = ['valuePercent', 'valueRealised'];

export interface Comparison {
  readonly against: string;
  readonly pass: boolean;
  /** Why it failed, in words; empty when it passed. */
  readonly reason: string;
}

export interface DomainVerdict {
  readonly domainId: string;
  readonly title: string;
  readonly pass: boolean;
  readonly comparisons: readonly Comparison[];
}

export interface GoalSeparation {
  readonly goalId: string;
  readonly title: string;
  readonly domainId: string;
  readonly targeted: boolean;
  readonly reference: Interval;
  readonly baseline: Interval;
  /** The reference is above the baseline with intervals apart. */
  readonly separated: boolean;
  readonly reason: string;
  /** Every bot's mean goal score per run, for reading; comparisons against them are not verdicts. */
  readonly byPolicy: Readonly<Record<string, Interval>>;
  /** Bots other than the baseline that the reference does not clear on this goal. */
  readonly notAbove: readonly string[];
}

export interface RunFailure {
  readonly policy: string;
  readonly seed: string;
  readonly message: string;
}

export interface ScenarioValidity {
  readonly scenarioId: string;
  readonly title: string;
  readonly runsPerPolicy: number;
  readonly policies: readonly string[];
  readonly targetedDomains: readonly string[];
  /** Domains shown in the table: targeted ones and any another bot was judged on, catalogue order. */
  readonly domains: readonly { readonly domainId: string; readonly title: string; readonly targeted: boolean }[];
  /** table[policy][domainId]: the mean domain score per run and its 95% interval. */
  readonly table: Readonly<Record<string, Readonly<Record<string, Interval>>>>;
  readonly outcomes: Readonly<Record<string, Readonly<Record<OutcomeKey, Interval>>>>;
  readonly verdicts: readonly DomainVerdict[];
  /** Every goal either bot was judged on or the scenario targets, in catalogue order. */
  readonly goals: readonly GoalSeparation[];
  /** Goals whose evidence does not separate the reference from the baseline. */
  readonly goalWeaknesses: readonly GoalSeparation[];
  /** Outcome figures on which the reference bot does not come out ahead: the evidence and the world disagree. */
  readonly outcomeWarnings: readonly string[];
  readonly failures: readonly RunFailure[];
  readonly pass: boolean;
}

export interface ValidityResult {
  readonly seeds: number;
  readonly reference: string;
  readonly baseline: string;
  readonly scenarios: readonly ScenarioValidity[];
  readonly pass: boolean;
}

const GOAL_DOMAIN = new Map(GOALS.map((g) => [g.id, `D${g.domain}`]));

/** Weighted mean evidence score per key (domain or goal) for one run; keys with no weight are absent. */
export function scoresBy(evidence: readonly Evidence[], keyOf: (e: Evidence) => string | undefined): Map<string, number> {
  const sums = new Map<string, { w: number; ws: number }>();
  for (const e of evidence) {
    const key = keyOf(e);
    if (key === undefined || !(e.weight > 0) || !Number.isFinite(e.score)) continue;
    const s = sums.get(key) ?? { w: 0, ws: 0 };
    s.w += e.weight;
    s.ws += e.weight * e.score;
    sums.set(key, s);
  }
  return new Map([...sums].map(([k, s]) => [k, s.ws / s.w]));
}

/** A run's domain scores: the weighted mean evidence score over each domain's goals. */
export function domainScores(evidence: readonly Evidence[]): Map<string, number> {
  return scoresBy(evidence, (e) => GOAL_DOMAIN.get(e.goalId));
}

/** A run's goal scores: the weighted mean evidence score per goal. */
export function goalScores(evidence: readonly Evidence[]): Map<string, number> {
  return scoresBy(evidence, (e) => (GOAL_DOMAIN.has(e.goalId) ? e.goalId : undefined));
}

function seedList(seeds: number | readonly string[]): string[] {
  if (typeof seeds !== 'number') return [...seeds];
  return Array.from({ length: Math.max(0, Math.floor(seeds)) }, (_, i) => String(i + 1));
}

const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
const describe = (name: string, i: Interval) => `${name} ${fmt(i.mean)} [${fmt(i.lo)}, ${fmt(i.hi)}]`;

function compare(refName: string, ref: Interval, other: string, o: Interval, what: string): Comparison {
  if (ref.n === 0) return { against: other, pass: false, reason: `${refName} was never judged on ${what}` };
  if (o.n === 0) return { against: other, pass: false, reason: `${other} was never judged on ${what}, so the scoring cannot tell it apart` };
  if (separatedAbove(ref, o)) return { against: other, pass: true, reason: '' };
  const below = (ref.mean ?? 0) <= (o.mean ?? 0);
  return {
    against: other,
    pass: false,
    reason: below ? `${describe(other, o)} scores at least as high as ${describe(refName, ref)}` : `${describe(refName, ref)} overlaps ${describe(other, o)}`,
  };
}

type Collected = { domains: Map<string, number[]>; goals: Map<string, number[]>; outcomes: Map<OutcomeKey, number[]> };

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function collect(report: Report, into: Collected): void {
  for (const [k, v] of domainScores(report.evidence)) push(into.domains, k, v);
  for (const [k, v] of goalScores(report.evidence)) push(into.goals, k, v);
  for (const { key } of OUTCOMES) {
    const v = report.outcomes[key];
    if (typeof v === 'number' && Number.isFinite(v)) push(into.outcomes, key, v);
  }
}

function pickPolicies(policies: ValidityOptions['policies']): Record<string, PolicyFactory> {
  if (policies) return { ...policies };
  const out: Record<string, PolicyFactory> = {};
  for (const name of DEFAULT_POLICIES) {
    const factory = POLICIES[name];
    if (!factory) throw new Error(`the bot registry has no "${name}" policy`);
    out[name] = factory;
  }
  return out;
}

/** Plays every scenario × bot × seed and judges whether the scoring separates the bots. */
export function runValidity(options: ValidityOptions): ValidityResult {
  const policies = pickPolicies(options.policies);
  const names = Object.keys(policies);
  const reference = options.reference ?? 'principled';
  const baseline = options.baseline ?? 'random';
  if (!policies[reference]) throw new Error(`the reference policy "${reference}" is not among the policies (${names.join(', ')})`);
  const seeds = seedList(options.seeds);
  const total = options.scenarios.length * names.length * seeds.length;
  let done = 0;

  const scenarios = options.scenarios.map(({ scenario, hash }): ScenarioValidity => {
    const collected = new Map<string, Collected>();
    const failures: RunFailure[] = [];
    for (const name of names) {
      const into: Collected = { domains: new Map(), goals: new Map(), outcomes: new Map() };
      collected.set(name, into);
      for (const seed of seeds) {
        const session = createSession(scenario, seed, hash);
        try {
          playToEnd(session, policies[name]!(seed));
          collect(session.report(), into);
        } catch (e) {
          // A refused action (PolicyError) or an engine fault: either way the run does not count.
          failures.push({ policy: name, seed, message: e instanceof Error ? e.message : String(e) });
        }
        options.onRun?.(++done, total);
      }
    }

    const targetedGoals = new Set(scenario.targets);
    const targetedDomains = DOMAINS.map((d) => d.id).filter((id) => scenario.targets.some((g) => GOAL_DOMAIN.get(g) === id));
    const judgedDomains = new Set(names.flatMap((n) => [...collected.get(n)!.domains.keys()]));
    const domains = DOMAINS.filter((d) => targetedDomains.includes(d.id) || judgedDomains.has(d.id)).map((d) => ({
      domainId: d.id,
      title: d.title,
      targeted: targetedDomains.includes(d.id),
    }));

    const table: Record<string, Record<string, Interval>> = {};
    const outcomes: Record<string, Record<OutcomeKey, Interval>> = {};
    for (const name of names) {
      const c = collected.get(name)!;
      table[name] = Object.fromEntries(domains.map((d) => [d.domainId, meanInterval(c.domains.get(d.domainId) ?? [])]));
      outcomes[name] = Object.fromEntries(OUTCOMES.map((o) => [o.key, meanInterval(c.outcomes.get(o.key) ?? [])])) as Record<OutcomeKey, Interval>;
    }

    const others = names.filter((n) => n !== reference);
    const verdicts: DomainVerdict[] = domains
      .filter((d) => d.targeted)
      .map((d) => {
        const comparisons = others.map((o) => compare(reference, table[reference]![d.domainId]!, o, table[o]![d.domainId]!, d.domainId));
        return { domainId: d.domainId, title: d.title, pass: comparisons.every((c) => c.pass), comparisons };
      });

    const goals: GoalSeparation[] = [];
    const ref = collected.get(reference)!;
    const base = collected.get(baseline);
    if (base) {
      for (const g of GOALS) {
        if (!targetedGoals.has(g.id) && !ref.goals.has(g.id) && !base.goals.has(g.id)) continue;
        const r = meanInterval(ref.goals.get(g.id) ?? []);
        const b = meanInterval(base.goals.get(g.id) ?? []);
        const c = compare(reference, r, baseline, b, g.id);
        const byPolicy = Object.fromEntries(names.map((n) => [n, meanInterval(collected.get(n)!.goals.get(g.id) ?? [])]));
        const notAbove = others.filter((o) => o !== baseline && !separatedAbove(r, byPolicy[o]!));
        goals.push({ goalId: g.id, title: g.title, domainId: `D${g.domain}`, targeted: targetedGoals.has(g.id), reference: r, baseline: b, separated: c.pass, reason: c.reason, byPolicy, notAbove });
      }
    }

    // Value is the PO's first objective: if the best-practice bot does not realise more of it,
    // the evidence and the simulated world disagree, whatever the verdicts say.
    const outcomeWarnings: string[] = [];
    for (const key of VALUE_OUTCOMES) {
      const label = OUTCOMES.find((o) => o.key === key)!.label;
      for (const o of others) {
        const r = outcomes[reference]![key];
        const x = outcomes[o]![key];
        if (r.mean !== null && x.mean !== null && !separatedAbove(r, x))
          outcomeWarnings.push(`${label}: ${describe(reference, r)} is not above ${describe(o, x)}; the evidence rewards ${reference} while the world rewards ${o}`);
      }
    }

    for (const id of scenario.targets) if (!goalById(id)) outcomeWarnings.push(`target ${id} is not a goal in the catalogue`);

    return {
      scenarioId: scenario.id,
      title: scenario.title,
      runsPerPolicy: seeds.length,
      policies: names,
      targetedDomains,
      domains,
      table,
      outcomes,
      verdicts,
      goals,
      goalWeaknesses: goals.filter((g) => !g.separated),
      outcomeWarnings,
      failures,
      pass: failures.length === 0 && verdicts.length > 0 && verdicts.every((v) => v.pass),
    };
  });

  return { seeds: seeds.length, reference, baseline, scenarios, pass: scenarios.length > 0 && scenarios.every((s) => s.pass) };
}
