import type { Draft } from 'immer';
import type { CriterionKind, InvestFlaw, Scenario } from '../model/scenario';
import { WRITTEN_GOAL_ID, type GameState, type WrittenCriteria } from '../model/state';
import { judgeText, MAX_LENGTH, normalise, writingTerms, type Finding, type Format, type Judgement } from '../text';
import type { Rule, RuleError } from './context';
import { forgetJudgement, judge, say, unknownId } from './context';
import { FLAW_QUESTION } from './story';

/*
 * What the learner writes: a Product Goal, a user story, acceptance criteria (the Sprint Goal and
 * a split's slices are written with their own actions, in planning.ts and story.ts). The rubric
 * reads the text; the world then acts on what the wording shows, as a team would: criteria
 * without an observable outcome leave the Developers asking mid-Sprint, a story that prescribes
 * the solution narrows what they may do, a Product Goal without a measure cannot be tracked.
 */

/** The text as the rules read it: normalised, within its format's limit. */
export function written(format: Format, text: string): string {
  return normalise(text, MAX_LENGTH[format]);
}

const EMPTY_MESSAGE: Record<Format, string> = {
  productGoal: 'write the Product Goal first: one outcome for the product, with a measure and a date',
  story: 'write the story first: "As a …, I want …, so that …"',
  criteria: 'write the criteria first: Given (the situation), When (what someone does), Then (what they see)',
  sprintGoal: 'write the Sprint Goal, or propose it without words and the game will word it from its items',
  split: 'write the slices first, one story per line',
};

/** Refuses an empty text, with what to write instead. */
export function emptyText(format: Format, text: string): RuleError | null {
  return written(format, text) ? null : { code: 'invalidParams', message: EMPTY_MESSAGE[format] };
}

/** Whether a criterion was met; a criterion the context left out (no product terms) does not count against the text. */
export function met(j: Judgement, criterion: string): boolean {
  return j.findings.find((f) => f.criterion === criterion)?.ok ?? true;
}

/** Share of these criteria met, among those the rubric applied. */
export function shareMet(j: Judgement, criteria: readonly string[]): number {
  const applied = j.findings.filter((f) => criteria.includes(f.criterion));
  return applied.length ? Math.round((100 * applied.filter((f) => f.ok).length) / applied.length) / 100 : 1;
}

/** The learner's words quoted for a sentence: on one line, clipped, without a closing full stop. */
export function quoteWritten(text: string): string {
  const flat = text.replace(/\n+/g, ' / ').replace(/[.]+$/, '');
  return `"${flat.length > 160 ? `${flat.slice(0, 157)}…` : flat}"`;
}

/** A text the PO wrote, ended as a sentence: their own full stop (or ! or ?) is not doubled. */
export function asSentence(text: string): string {
  return /[.!?…]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}

/** What the rubric found wrong, in its own sentences (at most `max`), or what was right when nothing was. */
export function findingsWords(findings: readonly Finding[], max = 2): string {
  const wrong = findings.filter((f) => !f.ok).slice(0, max);
  return (wrong.length ? wrong : findings.filter((f) => f.ok).slice(0, 3)).map((f) => f.message).join(' ');
}

function backlogItem(s: GameState, id: string): RuleError | null {
  const item = s.items[id];
  return item && item.status === 'backlog' ? null : unknownId('Product Backlog item', id);
}

/** The strongest Product Goal the scenario offers as an example, for the debrief to set beside the learner's. */
function strongExample(scenario: Scenario): string | undefined {
  return (scenario.productGoals.find((g) => g.truth.measurable && g.truth.servesVision) ?? scenario.productGoals[0])?.text;
}

export const writeProductGoal: Rule<'writeProductGoal'> = {
  check: (_s, a) => emptyText('productGoal', a.text),
  apply(draft, a, ctx) {
    const text = written('productGoal', a.text);
    const j = judgeText('productGoal', text, { productTerms: writingTerms(ctx.scenario) });
    const measurable = met(j, 'measure');
    const servesVision = met(j, 'outcome') && met(j, 'tied to the product');
    draft.productGoalId = WRITTEN_GOAL_ID;
    draft.writtenProductGoal = { text, measurable, servesVision };
    const example = strongExample(ctx.scenario);
    const tail = example && example !== text ? ` A strong example for this product: "${example}".` : '';
    const said = `You wrote ${quoteWritten(text)}. ${findingsWords(j.findings)}`;
    forgetJudgement(draft, 'productGoal');
    judge(draft, { goalId: 'D2.2.2', score: shareMet(j, ['measure', 'horizon', 'tied to the product']), decisionId: 'productGoal', rationale: `${said}${tail}` });
    judge(draft, { goalId: 'D2.2.1', score: shareMet(j, ['one objective', 'outcome']), weight: 0.5, decisionId: 'productGoal', rationale: `${said}${tail}` });
    say(draft, `Product Goal: ${text}`);
    ctx.emit('sys.goalChosen');
  },
};

/**
 * The INVEST weaknesses a story's wording answers or shows, by the rubric's criteria: a story with
 * a role and a benefit is valuable; one that names the solution is not negotiable; vague words
 * leave it untestable; one that asks for two things is not small.
 */
const FLAW_WORDING: readonly [InvestFlaw, readonly string[]][] = [
  ['valuable', ['well-formed']],
  ['negotiable', ['problem-oriented']],
  ['testable', ['unambiguous']],
  ['small', ['atomic']],
  ['estimable', ['minimal', 'estimable']],
];

/** The INVEST weaknesses a story's wording answers, by the rubric's verdict on it (the game's hints say the same). */
export function flawsAnswered(j: Judgement): InvestFlaw[] {
  return FLAW_WORDING.filter(([, criteria]) => criteria.every((c) => met(j, c))).map(([flaw]) => flaw);
}

export const writeStory: Rule<'writeStory'> = {
  check: (s, a) => backlogItem(s, a.itemId) ?? emptyText('story', a.text),
  apply(draft, a, ctx) {
    const base = ctx.base.items[a.itemId]!;
    const item = draft.items[a.itemId]!;
    const text = written('story', a.text);
    const existing: string[] = [];
    for (const id of ctx.base.backlogOrder) if (id !== a.itemId) existing.push(ctx.base.items[id]!.story ?? ctx.base.items[id]!.title);
    const j = judgeText('story', text, { existing, productTerms: writingTerms(ctx.scenario) });
    item.story = text;
    const real = new Set(ctx.scenario.backlog.find((i) => i.id === a.itemId)?.flaws ?? []);
    const answered: InvestFlaw[] = [];
    const shown: InvestFlaw[] = [];
    for (const [flaw, criteria] of FLAW_WORDING) {
      const ok = criteria.every((c) => met(j, c));
      if (ok && base.raisedFlaws.includes(flaw) && !base.fixedFlaws.includes(flaw)) {
        answered.push(flaw);
        item.fixedFlaws.push(flaw);
        if (real.has(flaw)) item.truth.risk = Math.round(item.truth.risk * 0.6 * 100) / 100;
      } else if (!ok && !base.raisedFlaws.includes(flaw)) {
        // The Developers will read the story as written: what it shows, they will ask about.
        shown.push(flaw);
        item.raisedFlaws.push(flaw);
        // A story that prescribes the solution leaves them no room to find a simpler one.
        if (flaw === 'negotiable') item.remaining = Math.round(base.remaining * 1.15 * 100) / 100;
      }
    }
    for (const flaw of answered)
      judge(draft, {
        goalId: 'D3.1.3',
        score: 1,
        decisionId: `invest-${a.itemId}-${flaw}`,
        rationale: `While refining "${base.title}" the Developers asked ${FLAW_QUESTION[flaw]}; your rewritten story ${quoteWritten(text)} answered them.`,
      });
    forgetJudgement(draft, `story-${a.itemId}`);
    judge(draft, {
      goalId: 'D3.1.2',
      score: j.score,
      decisionId: `story-${a.itemId}`,
      rationale: `You rewrote "${base.title}" as ${quoteWritten(text)}. ${findingsWords(j.findings)}`,
    });
    const consequence = shown.length ? ` The Developers will ask ${shown.map((f) => FLAW_QUESTION[f]).join(' and ')}.` : answered.length ? ' That answers the Developers\u2019 question.' : '';
    say(draft, `Rewrote the story of "${base.title}": ${text}${consequence}`);
  },
};

/** Words of a criterion about quality rather than behaviour: speed, access, safety. */
const QUALITY = /(?<![\p{L}])(?:seconds?|milliseconds?|ms|accessib\w*|screen readers?|keyboard|secur\w*|encrypt\w*|privacy|private|offline|load|concurrent|at the same time)(?![\p{L}])/iu;

/** The kinds of condition written criteria cover, read from the rubric's verdict. */
export function criteriaKinds(text: string, j: Judgement): WrittenCriteria {
  const kinds: CriterionKind[] = [];
  if (met(j, 'given when then') && met(j, 'observable outcome')) kinds.push('happyPath');
  if (met(j, 'edge and error cases')) kinds.push('edgeCase', 'errorHandling');
  if (QUALITY.test(text)) kinds.push('nonFunctional');
  const poor = (met(j, 'observable outcome') ? 0 : 1) + (met(j, 'no implementation detail') ? 0 : 1);
  return { text, kinds, poor };
}

function judgeCriteriaText(text: string, scenario: Scenario): Judgement {
  return judgeText('criteria', text, { productTerms: writingTerms(scenario) });
}

export const writeCriteria: Rule<'writeCriteria'> = {
  check(s, a, scenario) {
    const refused = backlogItem(s, a.itemId) ?? emptyText('criteria', a.text);
    if (refused) return refused;
    const structure = judgeCriteriaText(written('criteria', a.text), scenario).findings.find((f) => f.criterion === 'given when then');
    return structure && !structure.ok ? { code: 'invalidParams', message: `the criteria for "${s.items[a.itemId]!.title}" are not a Given-When-Then yet: ${structure.message}` } : null;
  },
  apply(draft, a, ctx) {
    const title = ctx.base.items[a.itemId]!.title;
    const text = written('criteria', a.text);
    const j = judgeCriteriaText(text, ctx.scenario);
    const w = criteriaKinds(text, j);
    draft.items[a.itemId]!.writtenCriteria = w;
    const covers = w.kinds.filter((k) => k !== 'errorHandling').map((k) => KIND_WORDS[k]);
    say(draft, `Wrote acceptance criteria for "${title}"${covers.length ? `, covering ${covers.join(', ')}` : ''}. ${findingsWords(j.findings, 1)}`);
  },
};

const KIND_WORDS: Partial<Record<CriterionKind, string>> = {
  happyPath: 'what should happen',
  edgeCase: 'edge and error cases',
  nonFunctional: 'a quality need',
};

/** Judges a Sprint Goal the PO wrote when the Sprint starts: its wording is what the team works toward. */
export function judgeWrittenSprintGoal(draft: Draft<GameState>, text: string, productGoal: string | null, scenario: Scenario, sprint: number): void {
  const j = sprintGoalJudgement(text, productGoal, scenario);
  judge(draft, {
    goalId: 'D7.2.1',
    score: j.score,
    decisionId: `sprintGoal-text-s${sprint}`,
    rationale: `The Sprint Goal read ${quoteWritten(text)}. ${findingsWords(j.findings)}`,
  });
}

export function sprintGoalJudgement(text: string, productGoal: string | null, scenario: Scenario): Judgement {
  return judgeText('sprintGoal', text, { ...(productGoal ? { productGoal } : {}), productTerms: writingTerms(scenario) });
}

/** The Developers' push-back on a Sprint Goal's wording: more than one objective, or no link to the Product Goal. */
export function sprintGoalPushBack(j: Judgement): string {
  const f = j.findings.find((x) => !x.ok && (x.criterion === 'one objective' || x.criterion === 'linked to the product goal' || x.criterion === 'outcome'));
  return f ? ` The Developers push back on the wording: ${f.message}` : '';
}
