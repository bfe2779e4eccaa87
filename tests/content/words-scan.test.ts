import { beforeAll, describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/assessment';
import { POLICIES } from '../../src/bots';
import { createSession, type Scenario, type Step } from '../../src/engine';
import { formatProblem } from '../../src/scenario/load';
import { loadScenarioDir } from '../../src/scenario/fs';
import { leaks, scenarioVocabulary, type Vocabulary } from './leaks';

/*
 * Every shipped scenario, played by every bot on a few seeds: every string a person reads
 * (action labels and costs, log lines, dispatch messages and consequences, the texts of the
 * observation, the judgements' rationales and the debrief) is scanned for ids from the scenario
 * file, camelCase keys, raw phases, wrong plurals, "(s)" and long decimals.
 */

const BOTS = ['principled', 'hippo', 'yes', 'random', 'first'] as const;
const SEEDS = ['1', '2'];
const MAX_STEPS = 5000;

let shipped: { scenario: Scenario; hash: string }[] = [];
beforeAll(async () => {
  const all = await loadScenarioDir();
  if (all.problems.length) throw new Error(all.problems.map(formatProblem).join('\n'));
  shipped = all.scenarios.map((s) => ({ scenario: s.scenario, hash: s.hash }));
});

/** Each distinct text, where it was first seen, and whether it is about this scenario (so may hold its ids). */
type Texts = Map<string, { where: string; scenarioBound: boolean }>;

function add(texts: Texts, where: string, text: string | null | undefined, scenarioBound = true): void {
  if (text && !texts.has(text)) texts.set(text, { where, scenarioBound });
}

function stepTexts(texts: Texts, step: Step): void {
  for (const a of step.actions) {
    add(texts, `label of ${a.type}`, a.label);
    add(texts, `cost of ${a.type}`, a.cost);
  }
  const o = step.observation;
  for (const line of o.log) add(texts, 'log', line);
  for (const line of o.insights) add(texts, 'insights', line);
  for (const s of o.stakeholders) for (const cue of s.cues) add(texts, `cue of ${s.name}`, cue);
  add(texts, 'negotiation', o.currentSprint?.negotiation?.message);
  if (o.pendingEvent) {
    add(texts, 'event title', o.pendingEvent.title);
    add(texts, 'event text', o.pendingEvent.text);
    for (const c of o.pendingEvent.choices) add(texts, 'event choice', `${c.label} ${c.cost ?? ''}`.trim());
  }
  if (o.pendingQuestion) {
    add(texts, 'question', o.pendingQuestion.text);
    for (const a of o.pendingQuestion.answers) add(texts, 'answer', a.label);
  }
  if (o.pivot) add(texts, 'pivot', `${o.pivot.signal} ${o.pivot.evidence}`);
  for (const [key, value] of Object.entries(o.productGoalProgress ?? {})) if (typeof value === 'string') add(texts, `product goal progress ${key}`, value);
}

/** Plays one run, gathering every distinct player-facing string with where it was seen. */
function playAndGather(scenario: Scenario, hash: string, bot: string, seed: string, texts: Texts): void {
  const session = createSession(scenario, seed, hash);
  const policy = POLICIES[bot]!(seed);
  for (let i = 0; i < MAX_STEPS && !session.done; i++) {
    const step = session.observe();
    stepTexts(texts, step);
    const result = session.dispatch(policy.choose(step));
    if (!result.ok) throw new Error(`${bot} sent a refused action in ${scenario.id}: ${result.error.message}`);
    for (const m of result.changes.messages) add(texts, 'dispatch message', m);
    for (const e of result.changes.evidence) add(texts, 'judgement rationale', e.rationale);
    for (const e of result.changes.effects ?? []) add(texts, `consequence (${e.kind})`, e.cause);
  }
  stepTexts(texts, session.observe());
  const debrief = buildDebrief(session.report(), scenario.targets, scenario);
  // Catalogue texts (goal titles, what a strong PO weighs) are the same for every scenario: scanned, but not for its ids.
  for (const d of debrief.decisions) {
    if (d.title === d.decisionId) add(texts, 'debrief decision title', `${d.title} (the raw decision id)`);
    add(texts, 'debrief decision title', d.title);
    for (const h of d.happened) add(texts, 'debrief: what happened', h);
    for (const g of d.goals) add(texts, 'debrief: strong PO weighs', g.strongPoWeighs, false);
  }
  for (const g of debrief.goals) add(texts, 'debrief goal', g.title, false);
  for (const d of debrief.domains) add(texts, 'debrief domain', d.title, false);
  for (const w of debrief.workOn) add(texts, 'debrief: work on', w.weakestRationale);
  for (const c of debrief.toConfirm) add(texts, 'debrief: to confirm', c.title, false);
  for (const n of debrief.notYetSeen) add(texts, 'debrief: not yet seen', n.title, false);
}

describe('no ids, keys or clumsy numbers in what players read', () => {
  it('the scan finds each kind of leak the issue lists (it can fail)', () => {
    const ids = new Set(['order-ahead', 'po-job', 'payments-sdk', 'health', 'owner']);
    const samples = [
      'Reflection on metrics: order-ahead.',
      'Reflection on sprintGoals: aboutRight.',
      'Question: po-job: what does a PO do?',
      'You are accepting "payments-sdk".',
      'Placing "health" on the stakeholder map',
      'Phase: sprint.execution.working',
      'The Sprint took 1 points',
      'Release the Done work (1 items)',
      'Move the item(s)',
      '2 half-day(s) of your time',
      'value realised 23.44%',
      'Score 0.6667',
    ];
    const vocabulary: Vocabulary = { ids, words: new Set(['rosa marin']), authored: ['A café wants an order-ahead app.'] };
    for (const s of samples) expect(leaks(s, vocabulary), s).not.toEqual([]);
    const clean = [
      'Rosa Marin, the owner, asked for "Order ahead".',
      'About 1 point of the Developers\u2019 time',
      '2 points · 23% · 3 of 3 Sprint Goals',
      'Sprint 2 of 3',
      'Summary: A café wants an order-ahead app.',
    ];
    for (const s of clean) expect(leaks(s, vocabulary), s).toEqual([]);
  });

  it.each(BOTS)('every shipped scenario played by the %s bot', (bot) => {
    expect(shipped.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const { scenario, hash } of shipped) {
      const texts: Texts = new Map();
      for (const seed of SEEDS) playAndGather(scenario, hash, bot, seed, texts);
      // A whole run says a lot; a handful of strings would mean the scan read nothing.
      expect(texts.size, scenario.id).toBeGreaterThan(100);
      const vocabulary = scenarioVocabulary(scenario);
      for (const [text, { where, scenarioBound }] of texts)
        for (const p of leaks(text, scenarioBound ? vocabulary : undefined)) problems.push(`${scenario.id} · ${where} · ${p}: ${text.slice(0, 160)}`);
    }
    expect(problems).toEqual([]);
  });
});
