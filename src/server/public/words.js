// Words for the classroom pages: phases, counts and figures as people read them. The same rules
// as the game's src/words (Intl with the fixed locale 'en'); these pages are plain scripts.

const PLURAL = new Intl.PluralRules('en');

/** What a learner is doing in each lifecycle phase. */
export const PHASE_WORDS = {
  'briefing.choosingGoal': 'Briefing: choosing the Product Goal',
  'briefing.ready': 'Briefing: ready to start',
  'sprint.planning.proposing': 'Sprint Planning',
  'sprint.planning.negotiating': 'Sprint Planning: agreeing the Sprint Goal',
  'sprint.execution.working': 'Sprint days',
  'sprint.execution.deciding': 'Sprint days: deciding on an event',
  'sprint.review': 'Sprint Review',
  'sprint.retrospective': 'Sprint Retrospective',
  release: 'Release',
  debrief: 'Finished',
};

/** A phase in words; an unknown phase gets its last part spelt out, never the dotted key. */
export function phaseWords(phase) {
  if (PHASE_WORDS[phase]) return PHASE_WORDS[phase];
  const last = String(phase).split('.').pop() ?? '';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 learner", "2 learners". */
export function count(n, singular, plural = `${singular}s`) {
  return `${number(n)} ${PLURAL.select(n) === 'one' ? singular : plural}`;
}

/** A number with at most `digits` decimals and no trailing zeros; "–" when missing. */
export function number(x, digits = 0) {
  return x === null || x === undefined ? '–' : new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(Number(x));
}

/** A share 0..1 as a whole percent; "–" when missing. */
export function percent(x) {
  return x === null || x === undefined ? '–' : `${number(x * 100)}%`;
}
