import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playToEnd, POLICIES } from '../../../src/bots';
import { createSession } from '../../../src/engine';
import { shippedScenario } from '../../helpers/scenarios';

/*
 * Every judgement the debrief shows says what the player had in front of them: an item or a
 * stakeholder by name, a figure, a Sprint, or their own words quoted. A rationale that only states
 * the textbook rule ("a range is better than a date") teaches nothing about this run.
 * Knowledge checks and event choices are left out: their question or event is shown beside them.
 */

const FILES = readdirSync(join(import.meta.dirname, '..', '..', '..', 'scenarios')).filter((f) => f.endsWith('.yaml') && !f.includes('.campaign.'));

describe('every judged decision names the evidence the player had', () => {
  it.each(FILES)('%s, every bot', (file) => {
    const { scenario } = shippedScenario(file);
    const names = [...scenario.stakeholders.map((h) => h.name), ...scenario.backlog.map((i) => i.title)];
    const ids = scenario.backlog.flatMap((i) => [i.id, ...(i.splits ?? []).flatMap((o) => o.children.map((c) => c.id))]).filter((id) => id.includes('-'));
    const generic: string[] = [];
    for (const [bot, policy] of Object.entries(POLICIES)) {
      const session = createSession(scenario, '1');
      playToEnd(session, policy('1'));
      for (const e of session.state.evidence) {
        if (e.decisionId.startsWith('question-') || e.decisionId.startsWith('event-')) continue;
        const concrete = /["\u201c\u201d0-9]/.test(e.rationale) || names.some((n) => e.rationale.includes(n));
        if (!concrete) generic.push(`${bot} ${e.goalId} ${e.decisionId}: ${e.rationale}`);
        // Names, not ids: a person reads this.
        const leaked = ids.find((id) => new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`).test(e.rationale));
        expect(leaked, `${bot} ${e.decisionId}: ${e.rationale}`).toBeUndefined();
      }
    }
    expect(generic).toEqual([]);
  });
});
