import { describe, expect, it } from 'vitest';
import { filterLearners, sortLearners, stageCounts, SORTS, type SortKey } from '../../src/server/public/learner-list.js';

/** The dashboard's learner list: sorting, the name filter and the counts per stage (learner-list.js). */
type Row = Parameters<typeof stageCounts>[0][number] & Parameters<typeof sortLearners>[0][number] & { removed: boolean };

let joined = 0;
function row(name: string, o: Partial<Row> & { value?: number | null } = {}): Row {
  const { value = 50, ...rest } = o;
  return {
    name,
    joinedAt: `2026-12-03T10:00:${String(joined++).padStart(2, '0')}.000Z`,
    done: false,
    stage: 0,
    stageLabel: 'Briefing',
    steps: 0,
    waiting: false,
    removed: false,
    outcomes: { valuePercent: value } as Row['outcomes'],
    ...rest,
  };
}

const names = (rows: Row[]) => rows.map((r) => r.name);

describe("the dashboard's learner list", () => {
  const ada = row('Ada', { stage: 2, stageLabel: 'Sprint 1 · Sprint execution', steps: 30, value: 40 });
  const zoe = row('Zoë', { stage: 1, stageLabel: 'Sprint 1 · Sprint Planning', steps: 12, value: 70 });
  const bob = row('bob', { done: true, stage: 14, stageLabel: 'Debrief', steps: 120, value: 65 });
  const cy = row('Cy', { stage: 2, stageLabel: 'Sprint 1 · Sprint execution', steps: 25, value: null, waiting: true });
  const dee = row('Dee', { stage: 1, stageLabel: 'Sprint 1 · Sprint Planning', steps: 9, removed: true });
  const all = [ada, zoe, bob, cy, dee];

  it('sorts by joining, name, progress and value, both ways, ties by name', () => {
    expect(names(sortLearners(all))).toEqual(['Ada', 'Zoë', 'bob', 'Cy', 'Dee']);
    expect(names(sortLearners(all, 'nameAsc'))).toEqual(['Ada', 'bob', 'Cy', 'Dee', 'Zoë']);
    expect(names(sortLearners(all, 'nameDesc'))).toEqual(['Zoë', 'Dee', 'Cy', 'bob', 'Ada']);
    expect(names(sortLearners(all, 'progressDesc'))).toEqual(['bob', 'Ada', 'Cy', 'Zoë', 'Dee']);
    expect(names(sortLearners(all, 'progressAsc'))).toEqual(['Dee', 'Zoë', 'Cy', 'Ada', 'bob']);
    // Nothing played yet (no value) goes last either way.
    expect(names(sortLearners(all, 'valueDesc'))).toEqual(['Zoë', 'bob', 'Dee', 'Ada', 'Cy']);
    expect(names(sortLearners(all, 'valueAsc'))).toEqual(['Ada', 'Dee', 'bob', 'Zoë', 'Cy']);
    // An unknown key keeps the order of joining; the input is never changed.
    expect(names(sortLearners(all, 'nonsense' as SortKey))).toEqual(['Ada', 'Zoë', 'bob', 'Cy', 'Dee']);
    expect(names(all)).toEqual(['Ada', 'Zoë', 'bob', 'Cy', 'Dee']);
    for (const s of Object.values(SORTS)) expect(s.label).toMatch(/^[A-Z][A-Za-z ,]+$/);
  });

  it('filters by any part of the name, ignoring case and accents', () => {
    expect(names(filterLearners(all, 'zoe'))).toEqual(['Zoë']);
    expect(names(filterLearners(all, ' B '))).toEqual(['bob']);
    expect(names(filterLearners(all, 'e'))).toEqual(['Zoë', 'Dee']);
    expect(names(filterLearners(all, ''))).toEqual(names(all));
    expect(filterLearners(all, 'nobody')).toEqual([]);
    const persian = row('مهسا');
    expect(names(filterLearners([persian, ada], 'مه'))).toEqual(['مهسا']);
  });

  it('counts active learners per stage in play order, waiting ones too, then the finished', () => {
    expect(stageCounts(all)).toEqual([
      { label: 'Sprint 1 · Sprint Planning', count: 1, waiting: 0 },
      { label: 'Sprint 1 · Sprint execution', count: 2, waiting: 1 },
      { label: 'Finished', count: 1, waiting: 0 },
    ]);
    expect(stageCounts([])).toEqual([{ label: 'Finished', count: 0, waiting: 0 }]);
    // 200 learners: every one counted exactly once.
    const many = Array.from({ length: 200 }, (_, i) => row(`L${i}`, { stage: i % 7, stageLabel: `Stage ${i % 7}`, done: i % 10 === 0 }));
    const counts = stageCounts(many);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(200);
    expect(counts.at(-1)).toEqual({ label: 'Finished', count: 20, waiting: 0 });
    expect(counts.map((c) => c.label)).toEqual(['Stage 0', 'Stage 1', 'Stage 2', 'Stage 3', 'Stage 4', 'Stage 5', 'Stage 6', 'Finished']);
  });
});
