import { describe, expect, it } from 'vitest';
import { goodCriterion } from '../../src/bots/principled';
import { loadScenarioDir } from '../../src/scenario/fs';

// The validity checks compare every bot with the principled one: if it misread shipped
// criteria, a scenario could look valid (or not) for the wrong reason.
describe('the principled bot reads shipped acceptance criteria as their authors meant', () => {
  it('accepts every good criterion and rejects every vague or implementation one', async () => {
    const all = await loadScenarioDir();
    expect(all.scenarios.length).toBeGreaterThan(0);
    const misread: string[] = [];
    let read = 0;
    for (const { scenario } of all.scenarios)
      for (const item of scenario.backlog)
        for (const c of item.criteria ?? []) {
          read++;
          const good = c.kind !== 'vague' && c.kind !== 'implementation';
          if (goodCriterion(c.text) !== good) misread.push(`${scenario.id}/${item.id}/${c.id} (${c.kind}): ${c.text}`);
        }
    expect(read).toBeGreaterThan(100);
    expect(misread).toEqual([]);
  });
});
