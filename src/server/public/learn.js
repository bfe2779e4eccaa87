import { $, el, fill, fragment, num, wsUrl } from './dom.js';
import { count, phaseWords } from './words.js';

// A minimal learner client for the classroom protocol (docs/classroom-protocol.md): join, then
// play over the WebSocket. Actions carry sequence numbers and stay in localStorage until the
// server acknowledges them, so a reload or a dropped connection resends them and loses nothing.

const KEY = 'sprintwise.classroom.v1';
const saved = () => JSON.parse(localStorage.getItem(KEY) ?? 'null');
const save = (s) => localStorage.setItem(KEY, JSON.stringify(s));

let me = saved();
let ws = null;
let delay = 500;
/** Injection id → its notice line. */
const notices = new Map();

function show(id, text) {
  const node = $(id);
  node.textContent = text ?? '';
  node.hidden = !text;
}

/** Who asks a question, by name: the observation carries the asker's id. */
function askerName(o, id) {
  if (id === 'coach') return 'Your coach';
  if (id === 'developers') return 'The Developers';
  return o.stakeholders.find((s) => s.id === id)?.name ?? 'Someone';
}

function renderObservation(m) {
  const o = m.observation;
  $('#title').textContent = o.scenario.title;
  const where = o.phase.startsWith('briefing') ? 'Briefing' : o.phase === 'release' ? 'Release and finish' : o.phase === 'debrief' ? 'Finished' : `Sprint ${o.sprint} of ${o.sprints} · ${phaseWords(o.phase)}${o.phase.startsWith('sprint.execution') ? ` · day ${o.day} of ${o.days}` : ''}`;
  $('#where').textContent = where;
  const pending = o.pendingQuestion
    ? [el('h2', { text: `${askerName(o, o.pendingQuestion.asker)} asks` }), el('p', { text: o.pendingQuestion.text })]
    : o.pendingEvent
      ? [el('h2', { text: o.pendingEvent.title }), el('p', { text: o.pendingEvent.text })]
      : [];
  fill(
    $('#situation'),
    ...pending,
    el('p', { className: 'muted', text: `Product Goal: ${o.productGoal ?? 'not chosen yet'} · team morale ${num(o.team.morale)} · tech debt ${num(o.team.techDebt)}` }),
    el('h2', { text: 'Top of the Product Backlog' }),
    el('ol', {}, o.backlog.slice(0, 5).map((i) => el('li', { text: `${i.title} (${count(i.estimate, 'point')})` }))),
    el('h2', { text: 'Latest' }),
    el('ul', {}, o.log.slice(-4).map((line) => el('li', { text: line }))),
  );
  fill(
    $('#actions'),
    ...(m.done
      ? [el('p', { text: 'You have finished. Your debrief follows when the facilitator opens it.' })]
      : m.actions.map((a) => el('button', { text: a.cost ? `${a.label} (${a.cost})` : a.label, attrs: { 'data-action': a.id }, on: { click: () => act({ id: a.id }) } }))),
  );
}

function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function act(action) {
  const seq = me.nextSeq++;
  me.pending.push({ seq, action });
  save(me);
  for (const b of $('#actions').querySelectorAll('button')) b.disabled = true;
  send({ type: 'action', seq, action });
}

function onMessage(m) {
  switch (m.type) {
    case 'welcome':
      $('#who').textContent = m.name;
      me.pending = me.pending.filter((p) => p.seq > m.lastSeq);
      me.nextSeq = Math.max(me.nextSeq, m.lastSeq + 1);
      save(me);
      classBanner(m.class);
      // Whatever the server has not acknowledged goes again; it ignores what it already has.
      for (const p of me.pending) send({ type: 'action', seq: p.seq, action: p.action });
      break;
    case 'observation':
      renderObservation(m);
      break;
    case 'ack':
      me.pending = me.pending.filter((p) => p.seq !== m.seq);
      save(me);
      show('#error', '');
      $('#steps').textContent = `${count(m.step + 1, 'action')} saved on the server`;
      break;
    case 'error':
      if (m.seq !== undefined && (m.code === 'rateLimited' || m.code === 'busy' || m.code === 'storage')) {
        // Not processed: the action stays pending and goes again shortly, with the same seq.
        const p = me.pending.find((x) => x.seq === m.seq);
        if (p) setTimeout(() => send({ type: 'action', seq: p.seq, action: p.action }), 1000);
        break;
      }
      if (m.seq !== undefined) {
        me.pending = me.pending.filter((p) => p.seq !== m.seq);
        save(me);
        send({ type: 'sync' });
      }
      show('#error', m.code === 'waitForRelease' ? 'Wait: the facilitator has not released the next phase yet.' : m.message);
      break;
    case 'class':
      classBanner(m.class);
      break;
    case 'eventInjected': {
      // One line per injected card: a reconnect sends every notice again, and a queued card's
      // line becomes "applied" when it happens; it is updated, never repeated.
      const line = notices.get(m.id) ?? $('#notices').appendChild(el('p', { attrs: { 'data-injection': String(m.id) } }));
      notices.set(m.id, line);
      line.textContent = m.message;
      break;
    }
    case 'announcement': {
      // The latest one only: a reconnect sends it again.
      const line = document.querySelector('[data-announcement]') ?? $('#notices').insertBefore(el('p', { attrs: { 'data-announcement': '', role: 'status' } }), $('#notices').firstChild);
      line.textContent = `From your facilitator: ${m.text}`;
      break;
    }
    case 'finished':
      $('#notices').append(el('p', { text: `Scenario finished: value realised ${num(m.report.outcomes.valuePercent)}% of what was available.` }));
      break;
    case 'result':
      $('#notices').append(el('p', { text: `The class has ended. Final state ${m.stateHash.slice(0, 12)}…; your replay is now open.` }));
      break;
    case 'removed':
      localStorage.removeItem(KEY);
      me = null;
      show('#banner', m.message);
      break;
  }
}

function classBanner(c) {
  const text = c.status === 'ended' ? 'The class has ended.' : c.paused ? 'The facilitator has paused the class.' : c.pacing === 'lockstep' ? `Released up to: ${c.released?.label ?? '–'}` : '';
  show('#banner', text);
}

function connect() {
  if (!me) return;
  ws = new WebSocket(wsUrl('/ws/learner'));
  ws.addEventListener('open', () => {
    delay = 500;
    $('#connection').textContent = '';
    send({ type: 'hello', token: me.token });
  });
  ws.addEventListener('message', (e) => onMessage(JSON.parse(e.data)));
  ws.addEventListener('close', (e) => {
    $('#connection').textContent = '(reconnecting…)';
    if (e.code === 4003 || e.code === 4010) {
      localStorage.removeItem(KEY);
      me = null;
      if (e.code === 4003) location.reload();
      return;
    }
    if (e.code === 4009) return; // another tab took over
    if (e.code === 4011) {
      // Moved to another device with a resume code (from the game): this page's token is spent.
      localStorage.removeItem(KEY);
      me = null;
      $('#connection').textContent = '';
      show('#banner', 'You moved this class to another device with a resume code: it goes on there.');
      return;
    }
    setTimeout(connect, delay);
    delay = Math.min(10_000, delay * 2);
  });
}

async function join(event) {
  event.preventDefault();
  $('#joinButton').disabled = true;
  show('#joinError', '');
  try {
    const res = await fetch('/api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: $('#code').value, name: $('#name').value }) });
    const data = await res.json();
    if (!res.ok) throw new Error(data.error?.message ?? `error ${res.status}`);
    me = { token: data.token, learnerId: data.learnerId, nextSeq: 1, pending: [] };
    save(me);
    start();
  } catch (e) {
    show('#joinError', e.message);
  } finally {
    $('#joinButton').disabled = false;
  }
}

function start() {
  $('#join').hidden = true;
  $('#game').hidden = false;
  connect();
}

$('#join').addEventListener('submit', join);
if (me) start();
else {
  $('#code').value = fragment().code ?? '';
  $('#join').hidden = false;
}
