import { $, el, fill, num, pct } from './dom.js';
import { count, phaseWords } from './words.js';
import { auth, call, connectFacilitator, download } from './api.js';
import { showRun } from './dashboard-drill.js';
import { filterLearners, sortLearners } from './learner-list.js';
import { renderListTools } from './dashboard-list.js';

// The live dashboard: one snapshot over the facilitator WebSocket, then updates for changed
// learners, class-wide results and class state. Commands go over HTTP with the key.

const state = { info: null, learners: new Map(), results: null, injections: [] };

function showProblem(text) {
  $('#problem').textContent = text;
  $('#problem').hidden = !text;
}

function renderClass() {
  const c = state.info;
  if (!c) return;
  document.title = `${c.title} · Sprintwise`;
  $('#title').textContent = c.title;
  $('#code').textContent = c.code;
  const ended = c.status === 'ended';
  // Counted from the learner rows, which every join and removal updates.
  const active = state.learners.size ? [...state.learners.values()].filter((l) => !l.removed).length : c.learners;
  const bits = [
    ended ? 'The class has ended' : c.paused ? 'Paused' : 'Running',
    c.pacing === 'lockstep' ? `lock-step, released: ${c.released?.label ?? '–'}${c.next && !ended ? ` (next: ${c.next.label})` : ''}` : 'free pacing',
    ended ? 'no new learners' : c.locked ? 'closed to new learners' : 'open to new learners',
    c.coach === false ? 'coach off (assessment mode)' : 'coach on',
    c.seedPolicy === 'class' ? 'one seed for the class' : 'one seed per learner',
    count(active, 'learner'),
  ];
  $('#status').textContent = bits.join(' · ');
  const live = c.status === 'live';
  $('#pause').disabled = !live || c.paused;
  $('#resume').disabled = !live || !c.paused;
  $('#release').disabled = !live || c.pacing !== 'lockstep' || !c.next;
  $('#release').textContent = c.next ? `Release: ${c.next.label}` : 'Release next phase';
  // Only while nobody has entered it: the server refuses otherwise and says who has.
  $('#unrelease').disabled = !live || c.pacing !== 'lockstep' || !(c.released?.index > 0);
  $('#unrelease').textContent = c.released?.index > 0 ? `Withdraw: ${c.released.label}` : 'Withdraw the last release';
  $('#lock').disabled = !live || c.locked;
  $('#unlock').disabled = !live || !c.locked;
  $('#coachOn').disabled = !live || c.coach !== false;
  $('#coachOff').disabled = !live || c.coach === false;
  $('#inject').disabled = !live;
  $('#end').disabled = !live;
  const select = $('#card');
  if (!select.options.length)
    fill(select, ...c.scenarios.flatMap((s) => s.events.map((e) => el('option', { text: c.scenarios.length > 1 ? `${s.title}: ${e.title}` : e.title, attrs: { value: `${s.id}|${e.id}` } }))));
}

function learnerRow(l) {
  const o = l.outcomes;
  const where = l.done ? 'Finished' : `${l.stageLabel}${l.runs > 1 ? ` (scenario ${l.run + 1}/${l.runs})` : ''}${l.waiting ? ' · waiting for release' : ''}`;
  const live = state.info?.status !== 'ended';
  return el('tr', { attrs: { 'data-learner': l.id, 'data-steps': String(l.steps), ...(l.damaged ? { 'data-damaged': 'true' } : {}) } }, [
    el('td', {}, [el('span', { text: l.name, className: 'name' }), l.connected ? null : el('span', { text: ' (offline)', className: 'offline' })]),
    l.damaged ? el('td', { text: `Damaged: ${l.problem}`, className: 'damaged' }) : el('td', { text: where }),
    el('td', { text: `${phaseWords(l.phase)}${l.sprint ? ` · Sprint ${l.sprint}` : ''}${l.phase.startsWith('sprint.execution') ? ` · day ${l.day}` : ''}` }),
    el('td', { text: String(l.steps), className: 'steps' }),
    el('td', { text: `${num(o.valuePercent)}%` }),
    el('td', { text: `${o.sprintGoalsMet}/${o.sprintsPlayed}` }),
    el('td', { text: num(o.stakeholderTrust) }),
    el('td', { className: 'row-actions' }, [
      el('button', { text: 'View run', className: 'secondary', attrs: { type: 'button', 'data-focus': 'view', 'aria-label': `View run of ${l.name}` }, on: { click: () => showRun(l) } }),
      ' ',
      l.removed
        ? el('span', { text: 'removed', className: 'muted' })
        : auth.viewOnly
        ? null
        : el('button', { text: 'Remove', className: 'secondary', attrs: { 'data-focus': 'remove', ...(live ? {} : { disabled: '', title: 'The class has ended: its results are final' }) }, on: { click: () => removeLearner(l) } }),
    ]),
  ]);
}

function renderLearners() {
  // Sorted and filtered by the controls above the list (learner-list.js); counted per stage above it.
  const all = [...state.learners.values()];
  const shown = sortLearners(filterLearners(all, $('#learnerFilter').value), $('#learnerSort').value);
  // Rows are rebuilt on every update: the focused button gets its focus back.
  const focused = document.activeElement?.closest?.('#learners tr[data-learner] [data-focus]');
  const refocus = focused && { learner: focused.closest('tr').dataset.learner, key: focused.dataset.focus };
  const empty = all.length ? 'Nobody’s name matches the filter.' : 'Nobody has joined yet.';
  fill($('#learners'), ...(shown.length ? shown.map(learnerRow) : [el('tr', {}, [el('td', { text: empty, attrs: { colspan: '8' } })])]));
  if (refocus) document.querySelector(`#learners tr[data-learner="${CSS.escape(refocus.learner)}"] [data-focus="${refocus.key}"]`)?.focus();
  renderListTools(all, shown);
}

const STATUS_WORDS = { shown: 'shown', partly: 'partly shown', missed: 'missed', notSeen: 'not yet seen' };

function bars(counts, total) {
  const width = (n) => `${Math.round((200 * n) / Math.max(1, total))}px`;
  return el('span', {}, ['shown', 'partly', 'missed', 'notSeen'].map((s) => {
    const bar = el('span', { className: `bar ${s}`, attrs: { title: `${STATUS_WORDS[s]}: ${counts[s]}` } });
    bar.style.width = width(counts[s]);
    return bar;
  }));
}

function renderResults() {
  const r = state.results;
  if (!r) return;
  const legend = el('p', { className: 'muted', text: 'Learners per status: shown (blue), partly (amber), missed (red), not yet seen (grey).' });
  fill(
    $('#domains'),
    legend,
    el('table', {}, [
      el('thead', {}, [el('tr', {}, [el('th', { text: 'Domain' }), el('th', { text: 'Learners' }), el('th', { text: 'Mean mastery' })])]),
      el('tbody', {}, r.domains.map((d) => el('tr', {}, [el('td', { text: d.title }), el('td', {}, [bars(d.counts, r.learners), ` ${d.counts.shown}/${d.counts.partly}/${d.counts.missed}/${d.counts.notSeen}`]), el('td', { text: pct(d.mean) })]))),
    ]),
  );
  const seen = r.goals.filter((g) => g.counts.notSeen < r.learners);
  fill(
    $('#goals'),
    seen.length
      ? el('table', {}, [
          el('thead', {}, [el('tr', {}, [el('th', { text: 'Goal' }), el('th', { text: 'Learners' }), el('th', { text: 'Mean' })])]),
          el('tbody', {}, seen.map((g) => el('tr', {}, [el('td', { text: `${g.goalId} ${g.title}` }), el('td', {}, [bars(g.counts, r.learners), ` ${g.counts.shown}/${g.counts.partly}/${g.counts.missed}/${g.counts.notSeen}`]), el('td', { text: pct(g.mean) })]))),
        ])
      : el('p', { className: 'muted', text: 'No goal has been judged yet.' }),
  );
}

function renderInjections() {
  fill(
    $('#injections'),
    ...(state.injections.length
      ? state.injections.map((i) =>
          el('p', { text: `${new Date(i.at).toLocaleTimeString()}: ${i.title}: applied to ${i.applied}, pending for ${i.pending}, skipped ${i.skipped}` }),
        )
      : [el('p', { className: 'muted', text: 'None yet.' })]),
  );
}

function onMessage(m) {
  switch (m.type) {
    case 'dashboard':
      state.info = m.dashboard.class;
      state.learners = new Map(m.dashboard.learners.map((l) => [l.id, l]));
      state.results = m.dashboard.results;
      state.injections = m.dashboard.injections;
      renderClass();
      renderLearners();
      renderResults();
      renderInjections();
      break;
    case 'learners':
      for (const l of m.learners) state.learners.set(l.id, l);
      renderLearners();
      renderClass();
      break;
    case 'results':
      state.results = m.results;
      renderResults();
      break;
    case 'class':
      state.info = m.class;
      renderClass();
      renderLearners();
      break;
    case 'injected': {
      // Sent when injected and again whenever its delivery changes: replace by id.
      const at = state.injections.findIndex((i) => i.id === m.injection.id);
      if (at >= 0) state.injections[at] = m.injection;
      else state.injections.push(m.injection);
      renderInjections();
      break;
    }
    case 'error':
      showProblem(m.message);
      break;
  }
}


async function op(path, body) {
  try {
    const r = await call('POST', path, body);
    if (r.class) {
      state.info = r.class;
      renderClass();
      renderLearners();
    }
    $('#opMessage').textContent = '';
  } catch (e) {
    $('#opMessage').textContent = e.message;
  }
}

async function removeLearner(l) {
  if (confirm(`Remove ${l.name} from the class?`)) await op(`/learners/${encodeURIComponent(l.id)}/remove`);
}

$('#learnerFilter').addEventListener('input', renderLearners);
$('#learnerSort').addEventListener('change', renderLearners);
$('#pause').addEventListener('click', () => op('/pause'));
$('#resume').addEventListener('click', () => op('/resume'));
$('#release').addEventListener('click', () => op('/release'));
$('#unrelease').addEventListener('click', () => op('/unrelease'));
$('#lock').addEventListener('click', () => op('/lock'));
$('#unlock').addEventListener('click', () => op('/unlock'));
$('#coachOn').addEventListener('click', () => op('/coach-on'));
$('#coachOff').addEventListener('click', () => op('/coach-off'));
$('#inject').addEventListener('click', () => {
  const [scenarioId, cardId] = $('#card').value.split('|');
  if (cardId) op('/inject', { cardId, scenarioId });
});
$('#end').addEventListener('click', () => {
  if (confirm('End the class for everyone? Learners can no longer act; seeds and replays become visible.')) op('/end');
});
$('#exportJson').addEventListener('click', () => download('/export.json', `class-${auth.class}.json`).catch((e) => ($('#opMessage').textContent = e.message)));
$('#exportCsv').addEventListener('click', () => download('/export.csv', `class-${auth.class}.csv`).catch((e) => ($('#opMessage').textContent = e.message)));
$('#debriefLink').setAttribute('href', `/facilitator/debrief${location.hash}`);

if (!auth.class || !auth.key) showProblem('This page needs the facilitator link you got when creating the class.');
else connectFacilitator(onMessage, showProblem);
