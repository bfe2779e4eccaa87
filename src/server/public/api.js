import { fragment } from './dom.js';

// The facilitator pages' access to the API: the class id and key come from the URL fragment and
// go to the server only in the Authorization header.

export const auth = fragment();

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
