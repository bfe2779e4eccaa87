// The dashboard's learner list: sorting, the name filter and the counts per stage. Plain
// functions over learner summaries (no DOM), so Node tests check them directly.

/** The sort orders the dashboard offers, in the order of its select. `column`: the table column it sorts (for aria-sort). */
export const SORTS = {
  joined: { label: 'Order of joining', column: null, descending: false },
  nameAsc: { label: 'Name, A to Z', column: 'name', descending: false },
  nameDesc: { label: 'Name, Z to A', column: 'name', descending: true },
  progressDesc: { label: 'Progress, furthest first', column: 'where', descending: true },
  progressAsc: { label: 'Progress, least far first', column: 'where', descending: false },
  valueDesc: { label: 'Value delivered, highest first', column: 'value', descending: true },
  valueAsc: { label: 'Value delivered, lowest first', column: 'value', descending: false },
};

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Progress: finished learners furthest, then the stage (every scenario's stages in play order), then the choices made. */
function progress(a, b) {
  return Number(a.done) - Number(b.done) || a.stage - b.stage || a.steps - b.steps;
}

/** Missing figures (nothing played yet) always go last, whatever the direction. */
function value(a, b, descending) {
  const x = a.outcomes?.valuePercent;
  const y = b.outcomes?.valuePercent;
  if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
  if (y === null || y === undefined) return -1;
  return descending ? y - x : x - y;
}

/** A copy of `learners` in the order `key` (one of SORTS) asks; ties by name, then by joining. */
export function sortLearners(learners, key = 'joined') {
  const sort = SORTS[key] ?? SORTS.joined;
  const tie = (a, b) => byName.compare(a.name, b.name) || a.joinedAt.localeCompare(b.joinedAt);
  const flip = (n) => (sort.descending ? -n : n);
  const compare = {
    null: (a, b) => a.joinedAt.localeCompare(b.joinedAt),
    name: (a, b) => flip(byName.compare(a.name, b.name)) || a.joinedAt.localeCompare(b.joinedAt),
    where: (a, b) => flip(progress(a, b)) || tie(a, b),
    value: (a, b) => value(a, b, sort.descending) || tie(a, b),
  }[String(sort.column)];
  return [...learners].sort(compare);
}

/** Lower case without accents: "Zoë" is found by "zoe". Scripts without case or accents are unchanged. */
function folded(text) {
  return String(text).normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The learners whose name contains `text` (case and accents ignored); all of them for an empty filter. */
export function filterLearners(learners, text) {
  const wanted = folded(text ?? '').trim();
  return wanted ? learners.filter((l) => folded(l.name).includes(wanted)) : [...learners];
}

/**
 * How many active learners are at each stage, in play order: `{label, count, waiting}` for every
 * stage someone is at, then `Finished`. Removed learners are not counted.
 */
export function stageCounts(learners) {
  const stages = new Map();
  let finished = 0;
  for (const l of learners) {
    if (l.removed) continue;
    if (l.done) {
      finished++;
      continue;
    }
    const s = stages.get(l.stage) ?? { stage: l.stage, label: l.stageLabel, count: 0, waiting: 0 };
    s.count++;
    if (l.waiting) s.waiting++;
    stages.set(l.stage, s);
  }
  const out = [...stages.values()].sort((a, b) => a.stage - b.stage).map(({ label, count, waiting }) => ({ label, count, waiting }));
  return [...out, { label: 'Finished', count: finished, waiting: 0 }];
}
