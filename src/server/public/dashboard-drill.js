import { $, el, fill } from './dom.js';
import { count, phaseWords } from './words.js';
import { call } from './api.js';

// The dashboard's drill-down: one learner's run so far. The list of their choices is plain HTML;
// when the server also serves the game, each run opens in the game's replay viewer, in a new tab.
// The replay carries the learner's seed, so it goes to that tab by postMessage, never in its URL.

const VIEWER_URL = '/?viewer=dashboard';
const READY = 'sprintwise:viewer-ready';
const REPLAY = 'sprintwise:viewer-replay';

/** Tabs opened by "Open in the replay viewer" → what to send them once they say they are ready. */
const waiting = new Map();

window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.data?.type !== READY) return;
  const sent = waiting.get(e.source);
  if (!sent) return;
  waiting.delete(e.source);
  e.source.postMessage({ type: REPLAY, ...sent }, location.origin);
});

const time = (iso) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : 'being saved');

function where(c) {
  return `${c.sprint > 0 ? `Sprint ${c.sprint} · ` : ''}${phaseWords(c.phase)}${c.phase.startsWith('sprint.execution') ? `, day ${c.day}` : ''}`;
}

function openViewer(replay, source, status) {
  const tab = window.open(VIEWER_URL, '_blank');
  if (!tab) return void (status.textContent = 'The browser blocked the new tab: allow pop-ups for this page, or read the list of choices below.');
  waiting.set(tab, { replay, source });
  status.textContent = 'Opened in a new tab.';
}

function runBlock(data, run, many) {
  const name = data.learner.name;
  const status = el('p', { className: 'muted', attrs: { 'aria-live': 'polite' } });
  const source = `${name}’s run${many ? ` of “${run.scenarioTitle}”` : ''}`;
  const choices = run.choices.length
    ? el('ol', { className: 'choices', attrs: { 'data-testid': 'drill-choices', tabindex: '0', 'aria-label': `${name}’s choices` } }, run.choices.map((c) =>
        el('li', {}, [el('span', { text: c.label }), el('span', { className: 'muted', text: ` (${where(c)}, ${time(c.at)})` })]),
      ))
    : el('p', { className: 'muted', text: 'No choices yet.' });
  // A replay carries the learner's seed: the read-only link gets none while the class runs.
  const viewer = data.viewer && run.replay !== null;
  const list = viewer
    ? el('details', {}, [el('summary', { text: `The ${count(run.choices.length, 'choice')} in a list` }), choices])
    : choices;
  return el('div', { className: 'drill-run' }, [
    many ? el('h3', { text: run.scenarioTitle }) : null,
    el('p', { text: `${count(run.choices.length, 'choice')}${run.done ? ', finished' : ' so far'}.` }),
    data.viewer && !run.replay ? el('p', { className: 'muted', text: 'With the read-only link, the replay viewer opens once the class has ended: a replay holds the learner’s seed.' }) : null,
    viewer && run.choices.length
      ? el('button', { text: 'Open in the replay viewer', attrs: { type: 'button', 'data-testid': 'open-viewer' }, on: { click: () => openViewer(run.replay, source, status) } })
      : null,
    status,
    list,
  ]);
}

/** Shows `learner`'s run in #drill and moves focus to its heading. */
export async function showRun(learner) {
  const section = $('#drill');
  const heading = el('h2', { text: `${learner.name}’s run`, attrs: { id: 'drillTitle', tabindex: '-1' } });
  const body = el('div', {}, [el('p', { className: 'muted', text: 'Loading…' })]);
  const close = el('button', { text: 'Close', className: 'secondary', attrs: { type: 'button' }, on: { click: () => hide(learner.id) } });
  const refresh = el('button', { text: 'Refresh', className: 'secondary', attrs: { type: 'button' }, on: { click: () => showRun(learner) } });
  // The heading stays in place while the body fills in, so it keeps the focus.
  fill(section, heading, body);
  section.hidden = false;
  section.dataset.learner = learner.id;
  heading.focus();
  try {
    const data = await call('GET', `/learners/${encodeURIComponent(learner.id)}/runs`);
    const many = data.runs.length > 1;
    fill(
      body,
      el('p', { className: 'muted', text: `As of ${time(new Date().toISOString())}${data.learner.removed ? ', removed from the class' : ''}. ${data.viewer ? 'The replay viewer shows each choice with what the learner saw and how it was judged.' : 'The replay viewer is available when the server also serves the game.'}` }),
      ...data.runs.map((run) => runBlock(data, run, many)),
      el('p', { className: 'drill-actions' }, [refresh, ' ', close]),
    );
  } catch (e) {
    fill(body, el('p', { className: 'banner error', text: `The run could not be loaded: ${e.message}.` }), el('p', {}, [close]));
  }
}

/** Closes the drill-down and gives focus back to the learner's row. */
function hide(learnerId) {
  const section = $('#drill');
  section.hidden = true;
  fill(section);
  document.querySelector(`tr[data-learner="${CSS.escape(learnerId)}"] [data-focus=view]`)?.focus();
}
