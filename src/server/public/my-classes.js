// "Your classes on this browser": the facilitator links this browser created or got back with a
// recovery code, kept in localStorage so that a closed tab is not a lost class. Whoever uses this
// browser profile can open them, so each has a Forget button. Storage may be refused (private
// windows, strict settings): then the list is simply empty.

const STORE = 'sprintwise.facilitator.classes';
const MAX = 30;

const valid = (c) => c && typeof c.id === 'string' && typeof c.key === 'string' && typeof c.code === 'string' && typeof c.title === 'string';

export function myClasses() {
  try {
    const list = JSON.parse(localStorage.getItem(STORE) ?? '[]');
    return Array.isArray(list) ? list.filter(valid) : [];
  } catch {
    return [];
  }
}

function save(list) {
  try {
    localStorage.setItem(STORE, JSON.stringify(list.slice(0, MAX)));
  } catch {
    /* storage refused: nothing is remembered */
  }
}

/** Adds or updates a class (newest first): after a recovery its entry gets the new key. */
export function remember(c) {
  save([{ id: c.id, code: c.code, title: c.title, key: c.key, at: new Date().toISOString() }, ...myClasses().filter((x) => x.id !== c.id)]);
}

export function forget(id) {
  save(myClasses().filter((x) => x.id !== id));
}

export const dashboardLink = (c) => `/facilitator/class#class=${encodeURIComponent(c.id)}&key=${encodeURIComponent(c.key)}`;
