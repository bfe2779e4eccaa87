/**
 * Acceptance-criteria checks over a real Gherkin parse (@cucumber/gherkin). Bare lines
 * ("Given …", "When …", "Then …", in any letter case, one step per line or one criterion per
 * line) are wrapped in a Feature and Scenarios first; a new Scenario starts at each Given that
 * follows a Then.
 */
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Scenario, type Step } from '@cucumber/messages';
import { clipText, isProductWord, secondWant } from './story';
import { firstHit, hits, IMPLEMENTATION_RE, phraseRegex, VAGUE_RE, withoutQuotes, words } from './words';
import type { Finding } from './types';

export const CRITERIA_CRITERIA = ['given when then', 'one behaviour', 'observable outcome', 'edge and error cases', 'no implementation detail'] as const;

type Kind = 'given' | 'when' | 'then' | 'other';

export interface ParsedStep {
  readonly kind: Kind;
  readonly keyword: string;
  readonly text: string;
}

export interface ParsedScenario {
  readonly name: string;
  /** Own steps, with Background steps first; And and But take the kind of the step before. */
  readonly steps: readonly ParsedStep[];
}

export type ParsedCriteria = { ok: true; scenarios: ParsedScenario[] } | { ok: false; line: string; why: string };

const STEP = /^(given|when|then|and|but)(?:\s*[:,]\s*|\s+)(.*)$/i;
const HEADER = /^(feature|scenario outline|scenario template|scenario|example|examples|scenarios|background|rule)\s*:\s*(.*)$/i;
const CANON: Record<string, string> = {
  given: 'Given', when: 'When', then: 'Then', and: 'And', but: 'But',
  feature: 'Feature', 'scenario outline': 'Scenario Outline', 'scenario template': 'Scenario Template', scenario: 'Scenario',
  example: 'Example', examples: 'Examples', scenarios: 'Scenarios', background: 'Background', rule: 'Rule',
};

/** "Given a, when b, then c" on one line becomes three lines. */
function splitInline(line: string): string[] {
  const m = STEP.exec(line);
  if (!m) return [line];
  const kw = m[1]!.toLowerCase();
  const body = m[2]!;
  if (kw === 'given' || kw === 'and' || kw === 'but') {
    const w = /[,;]?\s+when\s+/i.exec(body);
    if (w && kw === 'given') return [`Given ${body.slice(0, w.index)}`, ...splitInline(`When ${body.slice(w.index + w[0].length)}`)];
    return [line];
  }
  if (kw === 'when') {
    const t = /(?<!\band)[,;]?\s+then\s+/i.exec(body);
    if (t) return [`When ${body.slice(0, t.index)}`, `Then ${body.slice(t.index + t[0].length)}`];
  }
  return [line];
}

/** Bare criteria made into a Gherkin document: canonical keywords, a Feature and Scenarios. */
export function toGherkin(text: string): string {
  const raw = text
    .split('\n')
    .map((l) => l.replace(/^(?:[-•–*]\s+|\d+[.)]\s+|(?:ac|criterion|acceptance criterion)\s*\d*\s*[:.)-]\s+)/i, '').trim())
    .filter((l) => l !== '');
  const lines: string[] = [];
  for (const l of raw) {
    const h = HEADER.exec(l);
    if (h) {
      lines.push(`${CANON[h[1]!.toLowerCase()]}: ${h[2]}`);
      continue;
    }
    for (const part of splitInline(l)) {
      const s = STEP.exec(part);
      lines.push(s ? `${CANON[s[1]!.toLowerCase()]} ${s[2]}` : part);
    }
  }
  const hasFeature = lines.some((l) => l.startsWith('Feature:'));
  const hasScenario = lines.some((l) => /^(?:Scenario|Example|Scenario Outline|Scenario Template|Background|Rule):/.test(l));
  const out: string[] = hasFeature ? [] : ['Feature: Acceptance criteria'];
  if (hasScenario) return [...out, ...lines].join('\n');
  let n = 0;
  let last: string | undefined;
  let open = false;
  for (const l of lines) {
    const kw = /^(Given|When|Then|And|But) /.exec(l)?.[1];
    if (!kw && /:$/.test(l) && !l.startsWith('Feature:')) {
      out.push(`Scenario: ${l.slice(0, -1)}`);
      open = true;
      last = undefined;
      continue;
    }
    if (kw && (!open || (kw === 'Given' && last === 'then') || (kw === 'When' && last === 'then'))) {
      out.push(`Scenario: criterion ${++n}`);
      open = true;
    }
    if (kw === 'Given') last = 'given';
    else if (kw === 'When') last = 'when';
    else if (kw === 'Then') last = 'then';
    out.push(l);
  }
  return out.join('\n');
}

function kindOf(step: Step, previous: Kind): Kind {
  switch (step.keywordType) {
    case 'Context':
      return 'given';
    case 'Action':
      return 'when';
    case 'Outcome':
      return 'then';
    case 'Conjunction':
      return previous;
    default:
      return 'other';
  }
}

function steps(list: readonly Step[], start: Kind = 'other'): ParsedStep[] {
  let prev: Kind = start;
  return list.map((s) => {
    prev = kindOf(s, prev);
    return { kind: prev, keyword: s.keyword.trim(), text: s.text };
  });
}

function collect(doc: GherkinDocument): ParsedScenario[] {
  const out: ParsedScenario[] = [];
  const walk = (children: readonly { background?: { steps: readonly Step[] }; scenario?: Scenario }[], inherited: ParsedStep[]) => {
    let background = inherited;
    for (const c of children) {
      if (c.background) background = [...inherited, ...steps(c.background.steps)];
      if (c.scenario) out.push({ name: c.scenario.name, steps: [...background, ...steps(c.scenario.steps)] });
      const rule = (c as { rule?: { children: readonly { background?: { steps: readonly Step[] }; scenario?: Scenario }[] } }).rule;
      if (rule) walk(rule.children, background);
    }
  };
  if (doc.feature) walk(doc.feature.children, []);
  return out;
}

/** The scenarios of a criteria text, or the line the parser could not read. */
export function parseCriteria(text: string): ParsedCriteria {
  const source = toGherkin(text);
  try {
    const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
    const doc = parser.parse(`${source}\n`);
    return { ok: true, scenarios: collect(doc) };
  } catch (e) {
    const errors = (e as { errors?: { location?: { line?: number }; message?: string }[] }).errors ?? [e as { location?: { line?: number } }];
    const at = errors.find((x) => x && x.location && typeof x.location.line === 'number')?.location?.line;
    const line = at !== undefined ? (source.split('\n')[at - 1] ?? '') : '';
    return { ok: false, line, why: 'not a step' };
  }
}

const q = (s: string) => `"${clipText(s)}"`;

function structure(p: ParsedCriteria): Finding {
  const c = 'given when then';
  if (!p.ok)
    return {
      criterion: c,
      ok: false,
      message: p.line
        ? `The line ${q(p.line)} is not a Given, When or Then step. Start every line with Given (the situation), When (what someone does) or Then (what they see).`
        : 'The text could not be read as Given, When and Then steps. Write one step per line, each starting with Given, When or Then.',
    };
  if (!p.scenarios.length || p.scenarios.every((s) => !s.steps.length))
    return { criterion: c, ok: false, message: 'There are no steps. Write the situation with Given, the action with When and the result with Then.' };
  for (const s of p.scenarios) {
    const label = describe(s);
    const missing = (['given', 'when', 'then'] as const).filter((k) => !s.steps.some((st) => st.kind === k));
    if (missing.length) {
      const names = missing.map((k) => ({ given: 'Given (the situation before)', when: 'When (what someone does)', then: 'Then (what they can see afterwards)' })[k]);
      return { criterion: c, ok: false, message: `${label} has no ${names.join(' and no ')}. Add it.` };
    }
  }
  return { criterion: c, ok: true, message: 'Every scenario has a Given, a When and a Then.' };
}

function describe(s: ParsedScenario): string {
  if (s.name && !/^criterion \d+$/.test(s.name) && s.name !== '') return `The scenario ${q(s.name)}`;
  const first = s.steps[0];
  return first ? `The scenario starting ${q(`${first.keyword} ${first.text}`)}` : 'A scenario';
}

function oneBehaviour(p: ParsedCriteria): Finding {
  const c = 'one behaviour';
  if (!p.ok || !p.scenarios.length) return { criterion: c, ok: false, message: 'No single action (When) could be found. Give every scenario exactly one When.' };
  for (const s of p.scenarios) {
    const whens = s.steps.filter((st) => st.kind === 'when');
    if (whens.length === 0) return { criterion: c, ok: false, message: `${describe(s)} has no When. Say the one thing someone does.` };
    if (whens.length > 1)
      return { criterion: c, ok: false, message: `${describe(s)} has ${whens.length} actions (${whens.map((w) => q(w.text)).join(', ')}). Keep one When per scenario and write another scenario for the other action.` };
    const join = secondWant(whens[0]!.text) ?? (/\band\s+then\b/i.test(whens[0]!.text) ? 'and then' : undefined);
    if (join) return { criterion: c, ok: false, message: `The When ${q(whens[0]!.text)} joins two actions with ${q(join)}. Keep one action per scenario.` };
  }
  return { criterion: c, ok: true, message: 'Each scenario tests one behaviour.' };
}

const NOT_OBSERVABLE = phraseRegex([
  'works', 'work', 'working', 'correctly', 'properly', 'as expected', 'fine', 'successfully', 'handled', 'handles',
  'processed', 'happy', 'satisfied', 'pleased', 'reassuring', 'reassured', 'ok', 'okay', 'good', 'better', 'clear',
  'clearly', 'understands', 'understand', 'feels', 'feel', 'enjoys', 'confident', 'smoothly', 'no problems', 'no issues',
  'makes sense', 'nicely', 'user-friendly', 'is improved', 'better experience', 'sensible', 'right thing',
]);
const INTERNAL = phraseRegex([
  'request', 'requests', 'is sent to the', 'inserted', 'is stored', 'are stored', 'is written', 'is logged', 'is saved to',
  'is saved in', 'is cached', 'is persisted', 'is queued', 'is updated in the database', 'is recorded in the',
]);
const UNIT_FREE = /(?<![\p{L}\p{N}£$€.,])(\d+(?:[.,]\d+)?)(?![\p{L}\p{N}%]|[.,]\d)(\s+(?:and|or|but|then|when|if|,|\.)|\s*[.,;]?\s*$)/u;

function observable(p: ParsedCriteria): Finding {
  const c = 'observable outcome';
  if (!p.ok || !p.scenarios.length) return { criterion: c, ok: false, message: 'No result (Then) could be found. End every scenario with a Then that says what someone can see or check.' };
  for (const s of p.scenarios) {
    const thens = s.steps.filter((st) => st.kind === 'then');
    if (!thens.length) return { criterion: c, ok: false, message: `${describe(s)} has no Then. Say what someone can see or check afterwards: a state, a message or a number with its unit.` };
    for (const t of thens) {
      const body = withoutQuotes(t.text);
      const vague = firstHit(body, NOT_OBSERVABLE) ?? firstHit(body, VAGUE_RE);
      if (vague) return { criterion: c, ok: false, message: `In ${q(`${t.keyword} ${t.text}`)}, ${JSON.stringify(vague.quote)} cannot be checked. Say what someone sees: a state, the words of a message or a number with its unit.` };
      const inside = firstHit(body, INTERNAL);
      if (inside) return { criterion: c, ok: false, message: `In ${q(`${t.keyword} ${t.text}`)}, ${JSON.stringify(inside.quote)} happens out of sight. Say what a person can see or check instead.` };
      const n = UNIT_FREE.exec(body.toLowerCase());
      if (n) return { criterion: c, ok: false, message: `In ${q(`${t.keyword} ${t.text}`)}, the number ${n[1]} has no unit. Say ${n[1]} of what: seconds, minutes, pounds, items…` };
      if (words(body).length < 2) return { criterion: c, ok: false, message: `${q(`${t.keyword} ${t.text}`)} is too short to check. Say what someone sees afterwards.` };
    }
  }
  return { criterion: c, ok: true, message: 'Every Then says something anyone can check.' };
}

export const EDGE = phraseRegex([
  'not', 'no', 'never', 'cannot', "can't", 'can’t', "don't", 'don’t', "doesn't", 'doesn’t', "isn't", 'isn’t', "hasn't",
  "haven't", 'fails', 'failed', 'failure', 'fail', 'error', 'errors', 'invalid', 'wrong', 'incorrect', 'missing', 'empty',
  'unavailable', 'offline', 'down', 'expired', 'expires', 'declined', 'rejected', 'refused', 'exceeds', 'exceeded',
  'limit', 'too many', 'too long', 'too late', 'too early', 'too old', 'zero', 'already', 'twice', 'duplicate', 'late',
  'lost', 'timeout', 'times out', 'timed out', 'blocked', 'closed', 'full', 'fully booked', 'sold out', 'out of stock',
  'none', 'maximum', 'minimum', 'less than', 'more than', 'without', 'cancelled', 'canceled', 'slow', 'busy', 'locked',
  'suspended', 'outside', 'unknown', 'unrecognised', 'unrecognized', 'mismatch', 'typo', 'misspelt', 'misspelled',
  'partial', 'interrupted', 'loses', 'dropped', 'revoked', 'over the', 'above the', 'below the', 'under 18', 'after closing',
  'before opening', 'only one', 'last one', 'nobody', 'no one', 'unpaid', 'overdue', 'ran out', 'runs out', 'broken',
  'disabled', 'deleted', 'removed', 'lapsed', 'insufficient', 'short of', 'conflict', 'clash', 'clashes', 'unsupported',
  'out of date', 'outdated', 'dead', 'flat battery', 'try to', 'tries to', 'attempt', 'attempts', 'taken', 'already taken', 'in use', 'stale', 'incomplete', 'forgot', 'forgotten', 'lapsed', 'unreadable', 'corrupt', 'changed their mind',
]);

/** Outcomes that only an unhappy path has. */
const THEN_EDGE = phraseRegex([
  'instead', 'late', 'again', 'error', 'cannot', "can't", 'can’t', 'refused', 'declined', 'rejected', 'warning', 'sorry',
  'unable', 'blocked', 'expired', 'failed', 'try again', 'not been', 'is not', 'are not', 'was not', 'penalty', 'fine of',
  'refund', 'refunded', 'apology',
]);

function isEdge(s: ParsedScenario): boolean {
  const text = [s.name.startsWith('criterion ') ? '' : s.name, ...s.steps.filter((st) => st.kind !== 'then').map((st) => st.text)].join(' . ');
  const outcome = s.steps.filter((st) => st.kind === 'then').map((st) => st.text).join(' . ');
  return firstHit(withoutQuotes(text), EDGE) !== undefined || firstHit(withoutQuotes(outcome), THEN_EDGE) !== undefined;
}

function edgeCases(p: ParsedCriteria): Finding {
  const c = 'edge and error cases';
  if (!p.ok || !p.scenarios.length) return { criterion: c, ok: false, message: 'No scenarios could be read. Write a happy path and at least one case where something goes wrong.' };
  const edges = p.scenarios.filter(isEdge);
  if (p.scenarios.length < 2 || !edges.length)
    return { criterion: c, ok: false, message: `Only the happy path is covered${p.scenarios.length === 1 ? ' (one scenario)' : ''}. Add a scenario where something goes wrong or is at a limit: missing details, a failed payment, nothing found.` };
  if (edges.length === p.scenarios.length)
    return { criterion: c, ok: false, message: 'Every scenario is a case where something goes wrong. Add the happy path too: what happens when all goes well.' };
  return { criterion: c, ok: true, message: `A happy path and ${edges.length === 1 ? 'an edge or error case' : `${edges.length} edge or error cases`}.` };
}

const SELECTOR = /(?:^|\s)#[a-z][\w-]*|\bid\s*[=:]/iu;

function noImplementation(text: string, terms: readonly string[]): Finding {
  const c = 'no implementation detail';
  const all = text.split('\n');
  for (const line of all) {
    const body = withoutQuotes(line);
    const hit = hits(body, IMPLEMENTATION_RE).find((h) => !isProductWord(h.quote, terms));
    const sel = SELECTOR.exec(body);
    if (hit || sel)
      return { criterion: c, ok: false, message: `${JSON.stringify(hit ? hit.quote : sel![0].trim())} in ${q(line)} is how it is built, not what people see. Describe the behaviour and leave the design to the Developers.` };
  }
  return { criterion: c, ok: true, message: 'No implementation detail.' };
}

export function checkCriteria(text: string, terms: readonly string[] = []): Finding[] {
  const p = parseCriteria(text);
  return [structure(p), oneBehaviour(p), observable(p), edgeCases(p), noImplementation(text, terms)];
}
