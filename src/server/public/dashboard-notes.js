import { $ } from './dom.js';
import { count } from './words.js';
import { auth, call } from './api.js';

// The dashboard's announcements and suggested stage times (see the facilitator guide), and its
// link to the projector lobby. Kept apart from dashboard.js: it only needs the HTTP API.

const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function showAnnouncement(a, reached) {
  $('#announceMessage').textContent = a
    ? `Last announcement, sent at ${time(a.at)}${reached === undefined ? '' : ` to ${count(reached, 'connected learner')}`}: “${a.text}” Learners who connect later see it too.`
    : 'No announcement yet.';
}

function showTimer(t) {
  $('#timerMessage').textContent = t
    ? `Suggested time${t.label ? ` for ${t.label}` : ''}: ${count(t.minutes, 'minute')}, until ${time(t.endsAt)}.`
    : 'No timer is running.';
}

$('#lobbyLink').setAttribute('href', `/facilitator/lobby${location.hash}`);

$('#announceForm').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = $('#announceText').value;
  if (!text.trim()) return void ($('#announceMessage').textContent = 'Write the announcement first.');
  try {
    const r = await call('POST', '/announce', { text });
    $('#announceText').value = '';
    showAnnouncement(r.announcement, r.reached);
  } catch (err) {
    $('#announceMessage').textContent = `Not sent: ${err.message}.`;
  }
});

async function timer(minutes) {
  try {
    const r = await call('POST', '/timer', { minutes });
    showTimer(r.timer);
  } catch (err) {
    $('#timerMessage').textContent = `Not changed: ${err.message}.`;
  }
}

$('#timerForm').addEventListener('submit', (e) => {
  e.preventDefault();
  const minutes = Number($('#timerMinutes').value);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) return void ($('#timerMessage').textContent = 'Enter a whole number of minutes from 1 to 120.');
  timer(minutes);
});
$('#timerClear').addEventListener('click', () => timer(null));

if (auth.class && auth.key)
  call('GET', '/lobby')
    .then((l) => {
      showAnnouncement(l.announcement);
      showTimer(l.timer);
    })
    .catch(() => undefined);
