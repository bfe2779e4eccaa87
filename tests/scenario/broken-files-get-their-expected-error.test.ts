import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadFileText } from '../../src/scenario/load';
import { MAX_FILE_BYTES } from '../../src/scenario/limits';
import { fixtureBytes, fixturePath, PROBLEM_LINE, wellFormed } from './helpers';

/**
 * One fault per file, and the problem it must produce: [line, column, path contains, message contains].
 * The position is where an author has to look: the offending value, or the key for unknown keys,
 * or the mapping a required field is missing from.
 */
const EXPECTED: Record<string, [number, number, string, string]> = {
  // YAML syntax
  'yaml-unclosed-quote.yaml': [4, 8, '', 'YAML syntax error: the quote opened here is never closed'],
  'yaml-bad-indentation.yaml': [7, 9, '', 'YAML syntax error'],
  'yaml-tab-indentation.yaml': [12, 1, '', 'Tabs are not allowed as indentation'],
  'yaml-duplicate-key.yaml': [10, 1, '', 'duplicate key'],
  'yaml-stray-bracket.yaml': [11, 1, '', 'found "]" with no open bracket'],
  'yaml-two-documents.yaml': [61, 1, '', 'expected one document, found another'],
  'yaml-unknown-anchor.yaml': [16, 11, '', 'expected an anchor &mood before the alias *mood'],
  'yaml-unknown-tag.yaml': [4, 8, '', 'Unresolved tag: !shout'],
  'yaml-comma-in-flow-text.yaml': [22, 54, 'stakeholders[0]["budget owner"]', 'put the whole text in quotes'],
  // JSON syntax
  'json-trailing-comma.json': [19, 3, '', 'JSON syntax error: expected another property after the comma (remove the trailing comma), found "}"'],
  'json-missing-colon.json': [11, 13, '', 'JSON syntax error: expected ":" after the property name, found "2"'],
  'json-comment.json': [11, 3, '', 'JSON syntax error: expected a property name in double quotes, found "/"'],
  'json-single-quotes.json': [5, 3, '', `found "'"`],
  'json-duplicate-key.json': [12, 3, '', 'duplicate key: each key may appear only once in an object'],
  'json-unclosed-string.json': [91, 13, '', 'expected no control characters inside a string'],
  'json-unquoted-key.json': [12, 3, '', 'expected a property name in double quotes, found "d"'],
  // wrong types
  'type-sprints-text.yaml': [9, 10, 'sprints', 'expected a whole number from 1 to 20, found "two"'],
  'type-backlog-mapping.yaml': [28, 3, 'backlog', 'expected a list, found a mapping'],
  'type-boolean-as-text.yaml': [20, 26, 'productGoals[0].truth.measurable', 'expected true or false, found "yes"'],
  'type-binary-title.yaml': [30, 21, 'backlog[0].title', 'expected text, found binary data'],
  'type-json-number-as-string.yaml': [14, 13, 'team.techDebt', 'expected a number from 0 to 100, found "20"'],
  'json-type-null-title.json': [5, 12, 'title', 'expected text, found null'],
  'type-root-list.yaml': [2, 1, '', 'expected a mapping (key: value lines), found a list of 2 entries'],
  'type-empty-value.yaml': [23, 10, 'stakeholders[0].name', 'expected text, found an empty value'],
  'type-infinite-effort.yaml': [37, 15, 'backlog[0].truth.effort', 'found infinity'],
  // unknown keys: positioned at the key
  'unknown-key-top.yaml': [10, 1, 'author', 'found the unknown key "author"'],
  'unknown-key-typo.yaml': [35, 5, 'backlog[0].truht', 'found the unknown key "truht" (did you mean "truth"?)'],
  'unknown-key-effect.yaml': [51, 30, 'effects.happiness', 'expected one of the keys trust, morale, techDebt, capacityLoss'],
  'unknown-key-proto.yaml': [10, 1, '__proto__', 'found the unknown key "__proto__"'],
  'unknown-key-merge.yaml': [13, 3, 'team["<<"]', 'found the unknown key "<<"'],
  // missing fields: positioned at the mapping they are missing from
  'missing-title.yaml': [2, 1, 'title', 'expected text, found nothing (the field is missing)'],
  'missing-effort.yaml': [36, 7, 'backlog[0].truth.effort', 'found nothing (the field is missing)'],
  'missing-kind.yaml': [2, 1, 'kind', 'expected one of "scenario", "campaign", found nothing'],
  'wrong-kind.yaml': [2, 7, 'kind', 'found "scenaro"'],
  'missing-choices.yaml': [42, 5, 'events[0].choices', 'expected a list, found nothing'],
  'campaign-no-scenarios.yaml': [2, 1, 'scenarios', 'expected a list, found nothing'],
  // ranges and formats
  'range-negative-effort.yaml': [37, 15, 'backlog[0].truth.effort', 'expected a number greater than 0 and at most 1000, found -2'],
  'range-zero-estimate.yaml': [33, 15, 'backlog[0].estimate', 'greater than 0'],
  'range-chance-over-1.yaml': [47, 13, 'events[0].chance', 'expected a number from 0 to 1, found 1.5'],
  'range-risk-percent.yaml': [40, 13, 'backlog[0].truth.risk', 'expected a number from 0 to 1, found 20'],
  'range-influence-negative.yaml': [25, 16, 'stakeholders[0].influence', 'found -0.1'],
  'range-dod-strength-4.yaml': [15, 16, 'team.dodStrength', 'expected a whole number from 1 to 3, found 4'],
  'range-dod-strength-fraction.yaml': [15, 16, 'team.dodStrength', 'found 1.5'],
  'range-sprints-21.yaml': [9, 10, 'sprints', 'expected a whole number from 1 to 20, found 21'],
  'range-days-0.yaml': [10, 16, 'daysPerSprint', 'expected a whole number from 1 to 15, found 0'],
  'range-score-over-1.yaml': [54, 20, 'evidence[0].score', 'found 3'],
  'range-empty-title.yaml': [4, 8, 'title', 'expected non-empty text, found empty text'],
  'range-no-targets.yaml': [60, 10, 'targets', 'expected a list of at least 1 entry, found a list of 0 entries'],
  'format-goal-id.yaml': [60, 19, 'targets[1]', 'expected a goal id like D3.2.1'],
  'format-id-with-space.yaml': [3, 5, 'id', 'found "my scenario"'],
  'criterion-bad-kind.yaml': [36, 94, 'backlog[0].criteria[0].kind', 'found "happy"'],
  'flaw-unknown.yaml': [35, 13, 'backlog[0].flaws[0]', 'found "tiny"'],
  'split-one-child.yaml': [44, 11, 'splits[0].children', 'at least 2 entries, found a list of 1 entry'],
  'split-unknown-strategy.yaml': [42, 19, 'splits[0].strategy', 'found "byColour"'],
  'question-one-answer.yaml': [68, 7, 'questions[0].answers', 'at least 2 entries'],
  // meaning across fields
  'goal-not-in-outline.yaml': [53, 21, 'evidence[0].goalId', 'expected a goal in the course outline (domain 5 has topics 1 to 2), found "D5.3.1"'],
  'dangling-requested-by.yaml': [32, 18, 'backlog[0].requestedBy', 'expected the id of a stakeholder (one of "sponsor"), found "cfo"'],
  'dangling-event-from.yaml': [45, 11, 'events[0].from', 'found "marketing"'],
  'dangling-depends-on.yaml': [41, 19, 'truth.dependsOn[0]', 'expected the id of an item'],
  'depends-on-itself.yaml': [41, 19, 'truth.dependsOn[0]', 'the item itself'],
  'dependency-loop.yaml': [48, 81, 'backlog[1].truth.dependsOn[0]', 'item-1 → item-2 → item-1'],
  'duplicate-item-id.yaml': [41, 9, 'backlog[1].id', 'found "item-1" again (first used at backlog[0])'],
  'duplicate-stakeholder-id.yaml': [27, 11, 'stakeholders[1].id', 'found "sponsor" again'],
  'duplicate-goal-id.yaml': [21, 9, 'productGoals[1].id', 'found "pg-1" again'],
  'duplicate-event-id.yaml': [60, 11, 'events[1].id', 'found "ev-1" again'],
  'duplicate-choice-id.yaml': [56, 13, 'events[0].choices[1].id', 'found "accept" again'],
  'duplicate-target.yaml': [60, 27, 'targets[2]', 'expected each goal once'],
  'split-child-duplicate-id.yaml': [45, 19, 'splits[0].children[1].id', 'found "item-1" again (first used at backlog[0])'],
  'flaw-repeated.yaml': [35, 20, 'backlog[0].flaws[1]', 'expected each flaw once'],
  'never-fires-chance-0.yaml': [47, 13, 'events[0].chance', 'the event could never fire'],
  'never-fires-late.yaml': [46, 17, 'events[0].fromSprint', 'found 3: the event could never fire'],
  'question-dangling-asker.yaml': [64, 12, 'questions[0].asker', 'found "ceo"'],
  'question-never-asked.yaml': [63, 13, 'questions[0].sprint', 'the question could never be asked'],
  'fixed-date-no-deadline.yaml': [36, 7, 'truth.deadlineSprint', 'expected a deadlineSprint for a fixedDate item'],
  'deadline-after-last-sprint.yaml': [39, 23, 'truth.deadlineSprint', 'found 4, after the last Sprint'],
  'deadline-not-fixed-date.yaml': [39, 23, 'truth.deadlineSprint', 'unless costOfDelay is fixedDate'],
  'capacity-loss-over-capacity.yaml': [51, 44, 'effects.capacityLoss', "expected at most the team's capacity (10 points), found 25"],
  'stakeholder-named-developers.yaml': [22, 9, 'stakeholders[0].id', 'expected an id other than "developers"'],
  'campaign-repeats-scenario.yaml': [8, 5, 'scenarios[1]', 'expected each scenario once, found "minimal" again'],
  // limits and encodings
  'limit-too-deep.yaml': [5, 41, 'summary[0][0]', 'nested too deeply: expected at most 32 levels'],
  'limit-bracket-bomb.json': [1, 286, '', 'nested too deeply'],
  'limit-alias-bomb.yaml': [1, 1, '', 'aliases expand too much'],
  'limit-too-many-aliases.yaml': [62, 408, '', 'too many aliases: expected at most 100'],
  'encoding-invalid-utf8.yaml': [4, 18, '', 'expected UTF-8 text, found the invalid byte 0xE9'],
  'encoding-utf16.yaml': [1, 1, '', 'found UTF-16 (byte order mark)'],
  'encoding-utf16-no-bom.yaml': [1, 2, '', 'found a NUL character (is the file UTF-16?)'],
  'empty.yaml': [1, 1, '', 'found an empty file'],
  'only-comments.yaml': [1, 1, '', 'found only comments'],
};

const files = readdirSync(fixturePath('broken')).sort();

describe('the broken-file corpus', () => {
  it('has at least 40 files, each with an expectation, and no expectation without a file', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s gets its expected problem, positioned, and nothing crashes', (name) => {
    const expectation = EXPECTED[name];
    if (!expectation) throw new Error(`no expectation for ${name}`);
    const [line, column, path, message] = expectation;
    const result = loadFileText(fixtureBytes(`broken/${name}`), `scenarios/${name}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const p of result.problems) {
      expect(wellFormed(p), formatProblem(p)).toBe(true);
      expect(formatProblem(p)).toMatch(PROBLEM_LINE);
      expect(p.file).toBe(`scenarios/${name}`);
    }
    const match = result.problems.find((p) => p.line === line && p.column === column && p.path.includes(path) && p.message.includes(message));
    expect(match, `expected ${line}:${column} ${path}: …${message}… among\n${result.problems.map(formatProblem).join('\n')}`).toBeDefined();
  });
});

describe('files over the size limit', () => {
  const big = `kind: scenario\nsummary: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;

  it('are refused as text, before parsing', () => {
    const result = loadFileText(big, 'scenarios/big.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatProblem(result.problems[0]!)).toMatch(/^scenarios\/big\.yaml:1:1 file is too large: expected at most 1024 KiB, found 1025 KiB$/);
  });

  it('are refused as bytes, counted as UTF-8 bytes and not characters', () => {
    // 400k three-byte characters: under the limit in characters, over it in bytes.
    const wide = `kind: scenario\nsummary: "${'€'.repeat(400_000)}"\n`;
    expect(wide.length).toBeLessThan(MAX_FILE_BYTES);
    for (const source of [wide, new TextEncoder().encode(wide)]) {
      const result = loadFileText(source, 'scenarios/wide.yaml');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.message).toContain('file is too large');
    }
  });

  it('just under the limit are parsed (and fail only on their content)', () => {
    const head = 'kind: scenario\nsummary: "';
    const text = `${head}${'x'.repeat(MAX_FILE_BYTES - head.length - 2)}"\n`;
    expect(new TextEncoder().encode(text).length).toBe(MAX_FILE_BYTES);
    const result = loadFileText(text, 'scenarios/edge.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.message.includes('too large'))).toBe(false);
  });
});
