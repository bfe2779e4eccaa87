import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOMAINS, GOALS, TOPICS, goalById, goalIndex, type GoalLevel } from '../../src/assessment';

// Goals per topic, per domain, counted by hand from cspo-course-outline.txt, so this test runs
// without the shared folder.
const GOALS_PER_TOPIC: readonly (readonly number[])[] = [
  [4, 3, 3],
  [3, 3, 3],
  [4, 4, 3],
  [3, 4, 3],
  [3, 4],
  [3, 3, 3],
  [3, 3, 3],
];

// Level of each goal by topic, from the outline verbs: d = Describe/Identify, p = Apply, z = Analyze.
const LEVELS_BY_TOPIC = 'ddpz dpz dpz dpz dpz dpz dppz dppz dpz dpz dppz dpz dpz dppz dpz dpz dpz dpz dpz dpz';
const LEVEL_LETTER: Readonly<Record<GoalLevel, string>> = { describe: 'd', apply: 'p', analyze: 'z' };

describe('the goal catalogue has the outline shape', () => {
  it('has 7 domains, 20 topics with [3,3,3,3,2,3,3] per domain, and 65 goals', () => {
    expect(DOMAINS).toHaveLength(7);
    expect(TOPICS).toHaveLength(20);
    expect(GOALS).toHaveLength(65);
    expect(DOMAINS.map((d) => d.topicIds.length)).toEqual([3, 3, 3, 3, 2, 3, 3]);
  });

  it('has exactly the outline goal count in every topic', () => {
    const actual = DOMAINS.map((d) =>
      TOPICS.filter((t) => t.domain === d.domain).map((t) => GOALS.filter((g) => g.domain === t.domain && g.topic === t.topic).length),
    );
    expect(actual).toEqual(GOALS_PER_TOPIC);
  });

  it('numbers goals D<domain>.<topic>.<goal> in outline order', () => {
    const expected = GOALS_PER_TOPIC.flatMap((topics, d) =>
      topics.flatMap((n, t) => Array.from({ length: n }, (_, g) => `D${d + 1}.${t + 1}.${g + 1}`)),
    );
    expect(GOALS.map((g) => g.id)).toEqual(expected);
    for (const g of GOALS) expect(g.id.startsWith(`D${g.domain}.${g.topic}.`)).toBe(true);
  });

  it('derives each level from the outline verb', () => {
    const actual = TOPICS.map((t) => t.goalIds.map((id) => LEVEL_LETTER[goalById(id)?.level ?? 'describe']).join('')).join(' ');
    expect(actual).toBe(LEVELS_BY_TOPIC);
  });

  it('finds goals by id and ranks them in catalogue order', () => {
    expect(goalById('D3.2.1')?.title).toMatch(/MoSCoW/);
    expect(goalById('D3.2.1')?.level).toBe('describe');
    expect(goalById('D5.3.1')).toBeUndefined();
    expect(goalIndex('D1.1.1')).toBe(0);
    expect(goalIndex('D7.3.3')).toBe(64);
    expect(goalIndex('nope')).toBe(-1);
  });

  it('gives every goal a short, unique title', () => {
    for (const g of GOALS) {
      expect(g.title.length, g.id).toBeGreaterThan(0);
      expect(g.title.length, g.id).toBeLessThanOrEqual(70);
    }
    expect(new Set(GOALS.map((g) => g.title)).size).toBe(65);
  });

  it('avoids wording the 2020 Scrum Guide dropped or contradicts', () => {
    const outdated = [/10\s*%/, /medium-term/i, /development team/i, /\bcommit(?!tee)/i, /sign[- ]?off/i, /\bgroom/i];
    for (const g of GOALS) for (const pattern of outdated) expect(g.title, g.id).not.toMatch(pattern);
  });
});

// The curriculum file is kept beside the tests so they run anywhere; when the team's shared
// copy is present too, the two must be identical.
const fixturePath = fileURLToPath(new URL('../fixtures/curriculum/cspo-course-outline.txt', import.meta.url));
const sharedPath = fileURLToPath(new URL('../../../shared/seeds/cspo-course-outline.txt', import.meta.url));
const outlineText = readFileSync(fixturePath, 'utf8');

interface ParsedOutline {
  domains: { title: string; topics: { title: string; goals: string[] }[] }[];
}

/** Reads the "Course Outline" part: `Domain N: title`, topic title lines, `- Verb ...` goal lines. */
function parseOutline(text: string): ParsedOutline {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const start = lines.indexOf('Course Outline');
  const end = lines.indexOf('Scope', start);
  const out: ParsedOutline = { domains: [] };
  for (const line of lines.slice(start + 1, end)) {
    const domain = /^Domain \d+: (.+)$/.exec(line);
    if (domain) out.domains.push({ title: domain[1] ?? '', topics: [] });
    else if (/^\d+( topics| learning goals)?$/.test(line) || line === '') continue;
    else if (line.startsWith('- ')) out.domains.at(-1)?.topics.at(-1)?.goals.push(line.slice(2));
    else out.domains.at(-1)?.topics.push({ title: line, goals: [] });
  }
  return out;
}

function levelOfVerb(sentence: string): GoalLevel {
  const verb = sentence.split(' ')[0];
  if (verb === 'Describe' || verb === 'Identify') return 'describe';
  if (verb === 'Apply') return 'apply';
  if (verb === 'Analyze') return 'analyze';
  throw new Error(`unknown verb in: ${sentence}`);
}

describe('the goal catalogue matches the curriculum outline file', () => {
  const outline = parseOutline(outlineText);

  it('uses the same outline as the shared copy, where there is one', () => {
    if (existsSync(sharedPath)) expect(readFileSync(sharedPath, 'utf8')).toBe(outlineText);
    expect(outlineText).toContain('65 learning goals');
  });
  const sentences = outline.domains.flatMap((d) => d.topics.flatMap((t) => t.goals));

  it('has the same domains, topics and goal counts as the file', () => {
    expect(outline.domains.map((d) => d.title)).toEqual(DOMAINS.map((d) => d.title));
    expect(outline.domains.flatMap((d) => d.topics.map((t) => t.title))).toEqual(TOPICS.map((t) => t.title));
    expect(outline.domains.map((d) => d.topics.map((t) => t.goals.length))).toEqual(GOALS_PER_TOPIC);
  });

  it('derives each level from the verb in the file', () => {
    expect(sentences).toHaveLength(65);
    expect(GOALS.map((g) => g.level)).toEqual(sentences.map(levelOfVerb));
  });

  it('words titles itself: no five-word run copied from the outline sentence', () => {
    const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9' -]/g, ' ').split(/\s+/).filter(Boolean);
    GOALS.forEach((g, i) => {
      const source = ` ${words(sentences[i] ?? '').join(' ')} `;
      const w = words(g.title);
      for (let k = 0; k + 5 <= w.length; k++) {
        expect(source, `${g.id}: "${g.title}"`).not.toContain(` ${w.slice(k, k + 5).join(' ')} `);
      }
    });
  });
});
