import './text-field.css';
import type { DispatchResult, TextInput } from '../../engine';
import { judgeText, type Context, type Finding } from '../../rubric';
import { el, type OptionalChild } from '../dom/el';
import type { WritingState } from './writing-state';

/*
 * A field where the learner writes in their own words (a Product Goal, a story, acceptance
 * criteria, a Sprint Goal, slices of a split): a labelled textarea that starts from the
 * engine's starter, the rubric's live hints while typing (in coach mode only), a character
 * count, and, when it has a submit button, the engine's refusal beside the field. What was
 * typed is kept in the screen's WritingState, so a re-render or a refusal loses nothing.
 */

/** How long typing must pause before the hints are worked out again. */
const HINT_DELAY_MS = 300;

export interface TextFieldOptions {
  /** Unique on the screen: names the field's ids, focus key and draft. */
  key: string;
  input: TextInput;
  label: OptionalChild;
  /** A line under the label: what to write, and how. */
  hint?: OptionalChild;
  /** The text the field starts from when nothing is drafted ('' for an optional field). */
  starter: string;
  /** What the rubric may know (the product's words, the Product Goal, the other stories). */
  context: Context;
  state: WritingState;
  /** Live hints from the rubric: the coach's, so off in assessment mode. */
  coach: boolean;
  rows?: number;
  /** A submit button with these words, sending the text; without it the screen reads the draft itself. */
  submit?: {
    text: string;
    send: (text: string) => DispatchResult | null;
    /** Re-renders the screen, focusing `focusKey` (the field, after a refusal). */
    refresh: (focusKey: string) => void;
  };
}

/** The focus key of a field, for screens that hand focus to it. */
export function fieldFocusKey(key: string): string {
  return `write:${key}`;
}

/** What the field holds now: the draft if the learner typed, else the starter. */
export function fieldText(state: WritingState, key: string, starter: string): string {
  return state.drafts.get(key) ?? starter;
}

function countText(n: number, max: number): string {
  return `${n} of ${max} characters`;
}

function hintItem(f: Finding): HTMLElement {
  return el(
    'li',
    { class: `text-field__hint ${f.ok ? 'is-ok' : 'is-not'}` },
    el('span', { class: 'text-field__mark', 'aria-hidden': 'true' }, f.ok ? '✓' : '✗'),
    el('span', { class: 'visually-hidden' }, f.ok ? 'Met: ' : 'Not yet: '),
    el('span', {}, f.message),
  );
}

/**
 * Sends what a field holds. Refused, the engine's reason is kept for the field and the screen
 * re-renders with focus in it and the text as typed; accepted, the draft is done with.
 */
export function submitText(state: WritingState, key: string, text: string, send: (text: string) => DispatchResult | null, refresh: (focusKey: string) => void): void {
  state.drafts.set(key, text);
  state.errors.delete(key);
  const result = send(text);
  if (result && !result.ok) {
    state.errors.set(key, result.error.message);
    refresh(fieldFocusKey(key));
  } else if (result?.ok) state.drafts.delete(key);
}

export function textField(o: TextFieldOptions): HTMLElement {
  const id = `write-${o.key}`;
  const max = o.input.maxLength;
  const text = fieldText(o.state, o.key, o.starter).slice(0, max);
  const error = o.state.errors.get(o.key) ?? null;
  const described = [o.hint ? `${id}-hint` : null, `${id}-count`, o.coach ? `${id}-hints` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');

  const area = el('textarea', {
    id,
    class: 'text-field__input',
    rows: String(o.rows ?? 3),
    maxlength: String(max),
    spellcheck: 'true',
    'data-focus': fieldFocusKey(o.key),
    'aria-describedby': described,
  });
  area.value = text;
  if (error) area.setAttribute('aria-invalid', 'true');

  const count = el('p', { class: 'text-field__count', id: `${id}-count` }, countText(text.length, max));
  const list = el('ul', { class: 'text-field__hints' });
  const hints = o.coach
    ? el(
        'div',
        { class: 'text-field__hints-box', id: `${id}-hints`, 'aria-live': 'polite' },
        el('p', { class: 'text-field__hints-title' }, 'Hints from the coach'),
        list,
      )
    : null;

  let shown = '';
  const showHints = (value: string): void => {
    if (!o.coach) return;
    const findings = value.trim() ? judgeText(o.input.format, value, o.context).findings : [];
    // Only a changed verdict is put in the live region, so a screen reader hears what changed.
    const signature = findings.map((f) => `${f.ok}${f.message}`).join('\n');
    if (signature === shown) return;
    shown = signature;
    list.replaceChildren(
      ...(findings.length ? findings.map(hintItem) : [el('li', { class: 'text-field__hint' }, o.input.optional ? 'Write it to see hints, or leave it empty.' : 'Write something to see hints.')]),
    );
  };
  showHints(text);

  // The field grows with what is written (up to a cap in the CSS), so the whole text stays in view.
  const fit = (): void => {
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  requestAnimationFrame(() => {
    if (area.isConnected) fit();
  });

  let timer: ReturnType<typeof setTimeout> | null = null;
  area.addEventListener('input', () => {
    fit();
    o.state.drafts.set(o.key, area.value);
    count.textContent = countText(area.value.length, max);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (area.isConnected) showHints(area.value);
    }, HINT_DELAY_MS);
  });

  const errorLine = error
    ? // Announced once, by the page's live region ("Not possible: …"); the field points to it with aria-describedby.
      el('p', { class: 'text-field__error', id: `${id}-error` }, el('strong', {}, 'Not saved: '), error.charAt(0).toUpperCase() + error.slice(1))
    : null;

  const body: OptionalChild[] = [
    el('label', { class: 'text-field__label', for: id }, o.label),
    o.hint ? el('p', { class: 'block__hint text-field__hint-line', id: `${id}-hint` }, o.hint) : null,
    area,
    el(
      'div',
      { class: 'text-field__meta' },
      o.submit
        ? el('button', { type: 'submit', class: 'btn btn--secondary text-field__submit', 'data-focus': `${fieldFocusKey(o.key)}:submit` }, el('span', { class: 'btn__label' }, o.submit.text))
        : null,
      count,
    ),
    errorLine,
    hints,
  ];

  if (!o.submit) return el('div', { class: 'text-field', 'data-field': o.key }, ...body);

  const submit = o.submit;
  const form = el('form', { class: 'text-field', 'data-field': o.key }, ...body);
  const send = (): void => submitText(o.state, o.key, area.value, submit.send, submit.refresh);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  // Ctrl+Enter (or Cmd+Enter) sends from the field, as in most editors; Enter alone is a new line.
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  });
  return form;
}
