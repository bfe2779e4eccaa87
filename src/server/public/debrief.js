import { $, el, fill, num, pct } from './dom.js';
import { count } from './words.js';

/** Scenario titles by id, from the class: people read titles, not ids. */
let scenarioTitles = new Map();
const scenarioTitle = (id) => scenarioTitles.get(id) ?? 'Scenario';
import { call } from './api.js';

// The debrief view: decision points with the class's choices and discussion prompts, outcome
// spreads, then each learner's own debrief, all from GET /api/classes/:id/debrief.

function decision(d) {
  const bandText = d.scoreBands.map((b) => `${b.from.toFixed(1)}-${b.to.toFixed(1)}: ${b.count}`).join(' · ');
  return el('section', { attrs: { 'data-decision': d.decisionId } }, [
    el('h3', { text: d.title }),
    el('p', { className: 'muted', text: `${count(d.learners, 'learner')} judged · mean score ${num(d.meanScore, 2)} · scores ${bandText}` }),
    el('p', { text: 'How the class chose:' }),
    el('ul', {}, d.choices.map((c) => el('li', { text: `${c.count} × (score ${num(c.meanScore, 2)}) ${c.happened.join(' ')}` }))),
    el('p', { text: `${d.goals.length === 1 ? 'Learning goal' : 'Learning goals'}: ${d.goals.map((g) => g.title).join('; ')}` }),
    el('p', { text: 'Discussion prompts:' }),
    el('ul', {}, d.prompts.map((p) => el('li', { text: p }))),
    el('details', {}, [el('summary', { text: 'What a strong Product Owner weighs here' }), ...d.goals.map((g) => el('p', { text: `${g.title}: ${g.strongPoWeighs}` }))]),
  ]);
}

function outcomes(list) {
  return el('table', {}, [
    el('thead', {}, [el('tr', {}, ['Scenario', 'Figure', 'n', 'min', 'median', 'mean', 'max'].map((h) => el('th', { text: h })))]),
    el('tbody', {}, list.map((o) => el('tr', {}, [scenarioTitle(o.scenarioId), o.label, String(o.n), num(o.min, 2), num(o.median, 2), num(o.mean, 2), num(o.max, 2)].map((t) => el('td', { text: t }))))),
  ]);
}

function learner(l) {
  return el('details', {}, [
    el('summary', { text: l.name }),
    ...l.runs.map((r) => {
      const d = r.summary;
      return el('div', {}, [
        el('p', { text: `${scenarioTitle(r.scenarioId)}: ${r.finished ? 'finished' : 'not finished'} · value ${num(d.outcomes.valuePercent)}% · Sprint Goals ${d.outcomes.sprintGoalsMet}/${d.outcomes.sprintsPlayed} · forecasts ${pct(d.outcomes.forecastAccuracy)}` }),
        el('p', { text: 'To work on:' }),
        el('ul', {}, d.workOn.length ? d.workOn.map((w) => el('li', { text: `${w.title} (${w.status === 'missed' ? 'missed' : 'partly shown'}): ${w.weakestRationale}` })) : [el('li', { text: 'nothing below the bar' })]),
        el('p', { className: 'muted', text: `Goals shown: ${d.goals.shown}, partly: ${d.goals.partly}, missed: ${d.goals.missed}, not yet seen: ${d.goals.notYetSeen}. Their run, choice by choice: View run on the dashboard.` }),
      ]);
    }),
  ]);
}

async function load() {
  try {
    const d = await call('GET', '/debrief');
    $('#title').textContent = `Debrief: ${d.class.title}`;
    scenarioTitles = new Map((d.class.scenarios ?? []).map((s) => [s.id, s.title]));
    $('#summary').textContent = `${count(d.learners, 'learner')}, ${d.finished} finished. Decision points with the most divided class come first.`;
    fill($('#decisions'), ...(d.decisions.length ? d.decisions.map(decision) : [el('p', { className: 'muted', text: 'No decision has been judged yet.' })]));
    fill($('#outcomes'), outcomes(d.outcomes));
    fill($('#learners'), ...d.learnerDebriefs.map(learner));
  } catch (e) {
    $('#problem').textContent = e.message;
    $('#problem').hidden = false;
  }
}

$('#refresh').addEventListener('click', load);
$('#back').setAttribute('href', `/facilitator/class${location.hash}`);
load();
