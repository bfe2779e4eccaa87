import { $, el } from './dom.js';
import { auth, call } from './api.js';

// Who may do what on the dashboard. With the read-only link (`view=` in the fragment) the page
// says so and hides every command the server would refuse. With the facilitator link it offers
// a new read-only link for a co-facilitator.

function viewOnly() {
  $('#header').before(el('p', { className: 'banner', attrs: { 'data-testid': 'view-only' }, text: 'Read-only view: you can watch this class, its lobby and its debrief. Only the facilitator can change it or export its results.' }));
  for (const node of document.querySelectorAll('#controls button, #controls select, #announceForm, #timerForm')) node.hidden = true;
  // What is left of "Tell the class" is what the class was told.
  const heading = $('#notes').previousElementSibling;
  if (heading?.tagName === 'H2') heading.textContent = 'What the class was told';
}

function shareControls() {
  const out = el('p', { className: 'secret', attrs: { 'data-testid': 'new-view-link', hidden: '' } });
  const button = el('button', {
    text: 'New read-only link for a co-facilitator',
    className: 'secondary',
    attrs: { type: 'button', 'data-testid': 'make-view-link', title: 'Makes a link that shows this dashboard, the lobby and the debrief but cannot change anything; the previous read-only link stops working' },
    on: {
      click: async () => {
        if (!confirm('Make a new read-only link? The previous one stops working.')) return;
        try {
          const r = await call('POST', '/view-link');
          out.textContent = new URL(r.viewUrl, location.href).href;
          out.hidden = false;
        } catch (e) {
          $('#opMessage').textContent = e.message;
        }
      },
    },
  });
  $('#opMessage').before(button, out);
}

if (auth.class && auth.key) {
  if (auth.viewOnly) viewOnly();
  else shareControls();
}
