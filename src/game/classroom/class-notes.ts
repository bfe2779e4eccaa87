/**
 * The facilitator's announcement and suggested stage time in a class (docs/classroom-protocol.md,
 * `announcement` and `timer`): a dismissible banner and a countdown over the game. Plain DOM,
 * outside the scenes, so every screen shows them; a suggested time never stops anything.
 */
import './class-notes.css';

const DISMISSED_KEY = 'sprintwise.classroom.announcement.dismissed';

let box: HTMLElement | null = null;
let banner: HTMLElement | null = null;
let timerEl: HTMLElement | null = null;
let tick: number | null = null;

/**
 * A modal dialog makes the rest of the page inert and dims it: while one is open, the notes
 * live inside it, so they stay readable, announced and dismissible.
 */
function place(): void {
  if (!box) return;
  let modal: Element | null = null;
  try {
    modal = document.querySelector('dialog:modal');
  } catch {
    // a browser without :modal keeps the notes on the page
  }
  const parent = modal ?? document.body;
  if (box.parentElement !== parent) parent.append(box);
}

function container(): HTMLElement {
  if (!box) {
    box = document.createElement('div');
    box.className = 'class-notes';
    // Dialogs open and close with the `open` attribute: follow them.
    new MutationObserver(place).observe(document.body, { subtree: true, attributeFilter: ['open'] });
  }
  place();
  return box;
}

function dismissedAt(): string | null {
  try {
    return localStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

function showAnnouncement(text: string, at: string): void {
  if (dismissedAt() === at) return;
  banner?.remove();
  const b = document.createElement('div');
  b.className = 'class-note class-note--announcement';
  b.setAttribute('role', 'status');
  b.dataset.testid = 'announcement';
  const label = document.createElement('strong');
  label.textContent = 'From your facilitator: ';
  const body = document.createElement('span');
  body.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'class-note__close';
  close.textContent = 'Dismiss';
  close.setAttribute('aria-label', 'Dismiss the announcement');
  close.addEventListener('click', () => {
    b.remove();
    if (banner === b) banner = null;
    try {
      localStorage.setItem(DISMISSED_KEY, at);
    } catch {
      // not remembered: it comes back after a reload, nothing worse
    }
  });
  const text_ = document.createElement('p');
  text_.className = 'class-note__text';
  text_.append(label, body);
  b.append(text_, close);
  container().prepend(b);
  banner = b;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

function showTimer(t: { label: string | null; secondsLeft: number } | null): void {
  if (tick !== null) window.clearInterval(tick);
  tick = null;
  timerEl?.remove();
  timerEl = null;
  if (!t) return;
  const el = document.createElement('div');
  el.className = 'class-note class-note--timer';
  el.setAttribute('role', 'timer');
  el.dataset.testid = 'stage-timer';
  const text = document.createElement('p');
  text.className = 'class-note__text';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'class-note__close';
  close.textContent = 'Hide';
  close.setAttribute('aria-label', 'Hide the suggested time');
  close.addEventListener('click', () => showTimer(null));
  el.append(text, close);
  container().append(el);
  timerEl = el;
  const ends = Date.now() + t.secondsLeft * 1000;
  const what = t.label ? `Suggested time for ${t.label}` : 'Suggested time';
  const render = () => {
    const left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    text.textContent = left > 0 ? `${what}: ${clock(left)} left` : `${what} is up: finish when you are ready.`;
    el.classList.toggle('class-note--over', left === 0);
    if (left === 0 && tick !== null) {
      window.clearInterval(tick);
      tick = null;
    }
  };
  render();
  tick = window.setInterval(render, 1000);
}

/** Shows an `announcement` or `timer` message from the classroom server. */
export function showClassNote(m: Record<string, unknown>): void {
  if (m.type === 'announcement' && typeof m.text === 'string') showAnnouncement(m.text, String(m.at ?? ''));
  if (m.type === 'timer') {
    const t = m.timer as { label?: unknown; secondsLeft?: unknown } | null;
    showTimer(t ? { label: typeof t.label === 'string' ? t.label : null, secondsLeft: Math.max(0, Number(t.secondsLeft) || 0) } : null);
  }
}

/** Leaving the class: nothing of it stays on screen. */
export function clearClassNotes(): void {
  showTimer(null);
  banner?.remove();
  banner = null;
}
