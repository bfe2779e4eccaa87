import { $ } from './dom.js';
import { remember } from './my-classes.js';

// "Get back into a class": the class code and the recovery code are traded for a new facilitator
// link and a new recovery code (POST /api/recover); the old ones stop working.

async function recover(event) {
  event.preventDefault();
  const error = $('#recoverError');
  error.hidden = true;
  $('#recoverButton').disabled = true;
  try {
    const res = await fetch('/api/recover', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: $('#code').value, recoveryCode: $('#recoveryCode').value }),
    });
    const data = await res.json();
    if (!res.ok) throw new Error(data.error?.message ?? `error ${res.status}`);
    remember({ id: data.class.id, code: data.class.code, title: data.class.title, key: data.key });
    const link = new URL(data.facilitatorUrl, location.href).href;
    $('#recoveredTitle').textContent = `You are back in “${data.class.title}”`;
    $('#facilitatorLink').textContent = link;
    $('#newRecoveryCode').textContent = data.recoveryCode;
    $('#openDashboard').setAttribute('href', link);
    $('#recoveryCode').value = '';
    $('#recover').hidden = true;
    $('#recovered').hidden = false;
  } catch (e) {
    error.textContent = `Could not get back in: ${e.message}.`;
    error.hidden = false;
  } finally {
    $('#recoverButton').disabled = false;
  }
}

$('#recover').addEventListener('submit', recover);
