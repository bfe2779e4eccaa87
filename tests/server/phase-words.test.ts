import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lifecycleMachine } from '../../src/engine/lifecycle/machine';
import { phaseName } from '../../src/game/router';
// The classroom pages are plain browser scripts; this one has no DOM in it, so Node runs it as is.
import { count, percent, phaseWords } from '../../src/server/public/words.js';
import { leaks } from '../content/leaks';

type Node = { path: string[]; type: string; states: Record<string, Node> };

/** Every phase a learner can be in: the leaves of the lifecycle chart, as "sprint.execution.working". */
function phases(): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    const children = Object.values(n.states);
    if (!children.length) out.push(n.path.join('.'));
    else children.forEach(walk);
  };
  walk(lifecycleMachine.root as unknown as Node);
  return out;
}

const PAGES = ['dashboard.js', 'learn.js', 'debrief.js'].map((f) => [f, readFileSync(new URL(`../../src/server/public/${f}`, import.meta.url), 'utf8')] as const);

describe('phases are shown in words', () => {
  it('the lifecycle has the phases the pages know', () => {
    expect(phases()).toEqual(expect.arrayContaining(['briefing.choosingGoal', 'sprint.execution.working', 'sprint.review', 'debrief']));
  });

  it.each(phases())('the classroom pages and the game name %s in words', (phase) => {
    for (const words of [phaseWords(phase), phaseName(phase)]) {
      expect(words).not.toBe('');
      expect(words).not.toContain(phase);
      expect(leaks(words)).toEqual([]);
    }
  });

  it('an unknown phase still reads as words, never as a dotted key', () => {
    expect(phaseWords('sprint.somethingNew')).toBe('Something new');
  });

  it('no page writes a raw phase, an asker id or a "(s)" plural', () => {
    for (const [file, code] of PAGES) {
      expect(code, file).not.toMatch(/text: `\$\{[a-z]\.phase\}|\.phase\.replace\(/);
      expect(code, file).not.toMatch(/\$\{[\w.]*\.asker\}/);
      // "learner(s) judged" in text; a call such as stringify(s) is followed by a bracket or a semicolon.
      expect(code, file).not.toMatch(/[a-z]\(s\)[\s`'",.:]/);
    }
  });

  it('counts and percentages read as people write them', () => {
    expect(count(1, 'learner')).toBe('1 learner');
    expect(count(3, 'learner')).toBe('3 learners');
    expect(percent(0.2344)).toBe('23%');
    expect(percent(null)).toBe('–');
  });
});
