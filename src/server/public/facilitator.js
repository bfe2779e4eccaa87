import { $, el, fill } from './dom.js';
import { dashboardLink, forget, myClasses, remember } from './my-classes.js';

// The "start a class" page: lists scenarios and campaigns, creates the class, shows the code, the
// facilitator link (its key sits in the URL fragment, which browsers never send to a server), the
// recovery code (this once) and the read-only link, and lists the classes this browser remembers.

async function loadCatalogue() {
  const res = await fetch('/api/catalogue');
  const data = await res.json();
  const select = $('#content');
  fill(
    select,
    ...data.campaigns.map((c) => el('option', { text: `Campaign: ${c.title}`, attrs: { value: `campaign:${c.id}` } })),
    ...data.scenarios.map((s) => el('option', { text: `Scenario: ${s.title}`, attrs: { value: `scenario:${s.id}` } })),
  );
}

async function create(event) {
  event.preventDefault();
  const error = $('#createError');
  error.hidden = true;
  const [kind, ...rest] = $('#content').value.split(':');
  const body = {
    title: $('#title').value,
    content: { kind, id: rest.join(':') },
    seedPolicy: $('#seedPolicy').value,
    pacing: $('#pacing').value,
    coach: $('#coach').value !== 'off',
  };
  $('#createButton').disabled = true;
  try {
    const res = await fetch('/api/classes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const data = await res.json();
    if (!res.ok) throw new Error(data.error?.message ?? `error ${res.status}`);
    const link = new URL(data.facilitatorUrl, location.href).href;
    $('#joinCode').textContent = data.class.code;
    // The game's join link when this server serves the game (/?join=CODE), else the learner page.
    $('#joinUrl').textContent = new URL(data.joinUrl, location.href).href;
    $('#facilitatorLink').textContent = link;
    $('#recoveryCode').textContent = data.recoveryCode;
    $('#viewLink').textContent = new URL(data.viewUrl, location.href).href;
    remember({ id: data.class.id, code: data.class.code, title: data.class.title, key: data.key });
    showMine();
    $('#openDashboard').setAttribute('href', link);
    $('#created').hidden = false;
    $('#create').hidden = true;
  } catch (e) {
    error.textContent = `Could not create the class: ${e.message}`;
    error.hidden = false;
  } finally {
    $('#createButton').disabled = false;
  }
}

function showMine() {
  const list = myClasses();
  $('#mine').hidden = list.length === 0;
  fill(
    $('#mineList'),
    ...list.map((c) =>
      el('li', {}, [
        el('a', { text: `${c.title} (code ${c.code})`, attrs: { href: dashboardLink(c) } }),
        ' ',
        el('button', { text: 'Forget', className: 'secondary', attrs: { type: 'button', 'aria-label': `Forget ${c.title} on this browser` }, on: { click: () => (forget(c.id), showMine()) } }),
      ]),
    ),
  );
}

$('#create').addEventListener('submit', create);
showMine();
loadCatalogue().catch((e) => {
  $('#createError').textContent = `Could not load the scenarios: ${e.message}`;
  $('#createError').hidden = false;
});
