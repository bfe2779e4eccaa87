import { $, fragment, wsUrl } from './dom.js';

// The facilitator pages' access to the API: the class id and key come from the URL fragment and
// go to the server only in the Authorization header.

export const auth = fragment();
// A co-facilitator's read-only link carries `view=` instead of `key=`. The server decides what
// it may do (reads only); the pages hide the commands it would be refused.
auth.viewOnly = !auth.key && Boolean(auth.view);
if (auth.viewOnly) auth.key = auth.view;

export async function call(method, path, body) {
  const headers = { Authorization: `Bearer ${auth.key ?? ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/api/classes/${encodeURIComponent(auth.class ?? '')}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new Error(data?.error?.message ?? `error ${res.status}`);
  return data;
}

/** Downloads an export through fetch, so the key never appears in a URL. */
export async function download(path, name) {
  const res = await fetch(`/api/classes/${encodeURIComponent(auth.class ?? '')}${path}`, { headers: { Authorization: `Bearer ${auth.key ?? ''}` } });
  if (!res.ok) throw new Error(`error ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The facilitator WebSocket of the class in the page's link: authenticates, hands each message to
 * `onMessage`, shows Live or Reconnecting… in #connection and reconnects with a growing delay.
 */
export function connectFacilitator(onMessage, showProblem) {
  let delay = 500;
  const connect = () => {
    const ws = new WebSocket(wsUrl('/ws/facilitator'));
    ws.addEventListener('open', () => {
      delay = 500;
      $('#connection').textContent = 'Live';
      ws.send(JSON.stringify({ type: 'auth', classId: auth.class ?? '', key: auth.key ?? '' }));
    });
    ws.addEventListener('message', (e) => onMessage(JSON.parse(e.data)));
    ws.addEventListener('close', (e) => {
      // 4003: this link's key does not open the class (any more), so there is no retrying.
      $('#connection').textContent = e.code === 4003 ? 'Not connected' : 'Reconnecting…';
      // keyReplaced: the server has already said why (a recovery, a new read-only link).
      if (e.code === 4003) return e.reason === 'keyReplaced' ? undefined : showProblem('This link is not valid for this class: check the facilitator link.');
      setTimeout(connect, delay);
      delay = Math.min(10_000, delay * 2);
    });
  };
  connect();
}
