import { describe, expect, it } from 'vitest';
import { applicable, CRITERIA } from '../../src/rubric';
import { formatTable, loadCorpus, measure } from './corpus';

const items = loadCorpus();

describe('the authoring corpus', () => {
  it('has at least 150 texts across the five formats, each labelled only with criteria that apply', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    for (const format of Object.keys(CRITERIA)) expect(items.filter((i) => i.format === format).length, format).toBeGreaterThanOrEqual(15);
    for (const i of items) for (const c of i.fails) expect(applicable(i.format, i.context), `${i.format}: ${i.text}`).toContain(c);
  });

  it('every criterion is met and missed somewhere in the corpus', () => {
    const { rows } = measure(items);
    for (const r of rows) {
      expect(r.tp + r.fn, `${r.format} ${r.criterion}: no text labelled as missing it`).toBeGreaterThan(0);
      expect(r.tn + r.fp, `${r.format} ${r.criterion}: no text labelled as meeting it`).toBeGreaterThan(0);
    }
  });

  it('finds problems with precision and recall of at least 0.85 per criterion', () => {
    const { rows, misses } = measure(items);
    console.log(`\nRubric against the corpus (${items.length} texts; a problem found is a positive)\n${formatTable(rows)}\n`);
    if (process.env.RUBRIC_MISSES) console.log(misses.join('\n'));
    const weak = rows.filter((r) => r.precision < 0.85 || r.recall < 0.85).map((r) => `${r.format} ${r.criterion}: precision ${r.precision.toFixed(2)}, recall ${r.recall.toFixed(2)}`);
    expect(weak).toEqual([]);
  });
});
