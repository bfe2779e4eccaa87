import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applicable, judgeText, type Context, type Format } from '../../src/rubric';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'fixtures', 'authoring');
export const FILES = ['stories.yaml', 'criteria.yaml', 'product-goals.yaml', 'sprint-goals.yaml', 'splits.yaml', 'held-out.yaml'];

export interface Item {
  file: string;
  format: Format;
  text: string;
  context: Context;
  fails: string[];
  note?: string;
}

/** Every labelled text of the corpus. */
export function loadCorpus(files: readonly string[] = FILES): Item[] {
  return files.flatMap((file) => {
    const doc = parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as { format: Format; items: { format?: Format; text: string; context?: Context; fails?: string[]; note?: string }[] };
    return doc.items.map((i) => ({ file, format: i.format ?? doc.format, text: i.text, context: i.context ?? {}, fails: i.fails ?? [], note: i.note }));
  });
}

export interface Row {
  format: Format;
  criterion: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

/** Precision and recall per criterion, a problem found being the positive class. */
export function measure(items: Item[]): { rows: Row[]; misses: string[] } {
  const table = new Map<string, Row>();
  const misses: string[] = [];
  for (const item of items) {
    const j = judgeText(item.format, item.text, item.context);
    for (const criterion of applicable(item.format, item.context)) {
      const key = `${item.format}\u0000${criterion}`;
      const row = table.get(key) ?? { format: item.format, criterion, tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0 };
      table.set(key, row);
      const expectedBad = item.fails.includes(criterion);
      const f = j.findings.find((x) => x.criterion === criterion);
      const foundBad = f ? !f.ok : false;
      if (expectedBad && foundBad) row.tp++;
      else if (!expectedBad && foundBad) row.fp++;
      else if (expectedBad && !foundBad) row.fn++;
      else row.tn++;
      if (expectedBad !== foundBad) misses.push(`${item.format} / ${criterion}: expected ${expectedBad ? 'a problem' : 'no problem'}: ${JSON.stringify(item.text.trim().slice(0, 160))} → ${f?.message ?? '(no finding)'}`);
    }
  }
  const rows = [...table.values()].map((r) => ({
    ...r,
    precision: r.tp + r.fp === 0 ? (r.fn === 0 ? 1 : 0) : r.tp / (r.tp + r.fp),
    recall: r.tp + r.fn === 0 ? 1 : r.tp / (r.tp + r.fn),
  }));
  return { rows, misses };
}

export function formatTable(rows: Row[]): string {
  const head = `${'format'.padEnd(12)} ${'criterion'.padEnd(28)} ${'tp'.padStart(3)} ${'fp'.padStart(3)} ${'fn'.padStart(3)} ${'tn'.padStart(4)}  precision  recall`;
  return [head, ...rows.map((r) => `${r.format.padEnd(12)} ${r.criterion.padEnd(28)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)} ${String(r.tn).padStart(4)}  ${r.precision.toFixed(2).padStart(9)}  ${r.recall.toFixed(2).padStart(6)}`)].join('\n');
}
