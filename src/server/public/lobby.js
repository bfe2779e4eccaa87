import { $, el, fill } from './dom.js';
import { count } from './words.js';
import { auth, call, connectFacilitator } from './api.js';

// The projector lobby: the join link as text and QR code, the class code, a live count of the
// learners who have joined (over the dashboard's WebSocket) and a Start button that releases
// the next lock-step stage, the same command as the dashboard's release button.

/** Names shown on the projector; beyond that, only the count. */
const NAMES_SHOWN = 60;
const state = { info: null, learners: new Map() };

function showProblem(text) {
  $('#problem').textContent = text;
  $('#problem').hidden = !text;
}

function renderClass() {
  const c = state.info;
  if (!c) return;
  document.title = `${c.title} · lobby · Sprintwise`;
  $('#title').textContent = c.title;
  $('#code').textContent = c.code;
  const start = $('#start');
  const note = $('#startNote');
  if (c.status === 'ended') {
    start.disabled = true;
    note.textContent = 'This class has ended.';
  } else if (c.pacing !== 'lockstep') {
    start.hidden = true;
    note.textContent = 'Free pacing: learners start playing as soon as they join.';
  } else if (!c.next) {
    start.disabled = true;
    note.textContent = 'Every stage is released.';
  } else {
    start.disabled = false;
    start.textContent = c.released?.index === 0 ? `Start: ${c.next.label}` : `Release: ${c.next.label}`;
    note.textContent = c.released?.index === 0 ? 'Learners can read the briefing and choose a Product Goal now; Start opens the first Sprint.' : `Released so far: ${c.released?.label ?? 'nothing'}.`;
  }
}

function renderLearners() {
  const here = [...state.learners.values()].filter((l) => !l.removed).sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  $('#counter').textContent = here.length ? `${count(here.length, 'learner has', 'learners have')} joined` : 'Nobody has joined yet';
  $('#counter').dataset.count = String(here.length);
  const shown = here.slice(-NAMES_SHOWN);
  fill($('#names'), ...shown.map((l) => el('li', { text: l.name, className: 'lobby__name' })), here.length > shown.length ? el('li', { className: 'lobby__name lobby__name--more', text: `and ${count(here.length - shown.length, 'more')}` }) : null);
}

function onMessage(m) {
  switch (m.type) {
    case 'dashboard':
      state.info = m.dashboard.class;
      state.learners = new Map(m.dashboard.learners.map((l) => [l.id, l]));
      renderClass();
      renderLearners();
      break;
    case 'learners':
      for (const l of m.learners) state.learners.set(l.id, l);
      renderLearners();
      break;
    case 'class':
      state.info = m.class;
      renderClass();
      break;
    case 'error':
      showProblem(m.message);
      break;
  }
}


/** The QR code comes from the server as an SVG document: parsed as SVG (never as HTML) and put in the page. */
function showQr(svgText, url) {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') return;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `QR code of the join link ${url}`);
  svg.setAttribute('class', 'lobby__qr-svg');
  fill($('#qr'), document.importNode(svg, true));
}

async function load() {
  try {
    const lobby = await call('GET', '/lobby');
    state.info = lobby.class;
    renderClass();
    $('#url').textContent = lobby.joinUrl.replace(/^https?:\/\//, '');
    showQr(lobby.qrSvg, lobby.joinUrl);
    $('#localWarning').hidden = !/^(localhost|127\.|\[::1\])/.test(location.host);
  } catch (e) {
    showProblem(`The lobby could not be loaded: ${e.message}.`);
  }
  connectFacilitator(onMessage, showProblem);
}

$('#start').addEventListener('click', async () => {
  $('#start').disabled = true;
  try {
    const r = await call('POST', '/release');
    state.info = r.class;
    renderClass();
  } catch (e) {
    $('#startNote').textContent = e.message;
    $('#start').disabled = false;
  }
});
$('#dashboardLink').setAttribute('href', `/facilitator/class${location.hash}`);

// The read-only link watches the lobby; starting is the facilitator's.
if (auth.viewOnly) $('#start').hidden = true;
if (!auth.class || !auth.key) showProblem('This page needs the facilitator link you got when creating the class.');
else load();
