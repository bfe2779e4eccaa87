import type { ListedAction } from '../../engine';
import { announce } from '../dom/announce';
import { el } from '../dom/el';
import { play } from '../sound';
import { actionButton, type Dispatch } from './actions';

export interface Quadrant {
  id: string;
  title: string;
  hint: string;
}

/** Something to place on the board: a stakeholder, an interview note. */
export interface BoardToken {
  id: string;
  /** Short name, for messages and the "Place … here" buttons. */
  name: string;
  /** What the token shows; its text is also its accessible name. */
  body: (HTMLElement | string)[];
  placedIn: string | null;
  /** Listed actions that place it, by quadrant id; none means it cannot move now. */
  moves: ReadonlyMap<string, ListedAction>;
  /** `placedIn` is the player's placement, not yet sent (a board whose scene saves placements together). */
  pending?: boolean;
  /** Where the engine has it, when `pending`: placing it back there takes the pending placement away. */
  savedIn?: string | null;
}

export interface QuadrantBoardOptions {
  /** Prefix of ids and focus keys: two boards may share a page. */
  key: string;
  label: string;
  /** In reading order: top left, top right, bottom left, bottom right. Keys 1-4 follow it. */
  quadrants: readonly [Quadrant, Quadrant, Quadrant, Quadrant];
  /** Axis words, for a grid whose rows and columns mean something (influence, interest). */
  axes?: { rows: readonly [string, string]; columns: readonly [string, string] };
  tray: { title: string; empty: string };
  tokens: readonly BoardToken[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  dispatch: Dispatch;
  /**
   * When given, a placement is the scene's to keep (as pending, sent later with others) instead of
   * a listed action sent now; returns whether it took the placement.
   */
  place?: (token: BoardToken, quadrantId: string) => boolean;
}

const DRAG_START = 6;

/**
 * A 2×2 board the player places tokens on. Every way in ends in a placement: drag a token
 * onto a quadrant (mouse, pen or touch); click or press Enter on a token to select it, then a
 * quadrant's "Place here" button; or, on a focused token, keys 1-4 for the quadrants and the
 * arrow keys for the neighbouring one. The board never moves a token itself: the engine's
 * next observation does, or, where the scene keeps placements to send together (`place`), the
 * scene's next render.
 */
export function quadrantBoard(options: QuadrantBoardOptions): HTMLElement {
  const { key, quadrants, tokens, dispatch } = options;
  const selected = tokens.find((t) => t.id === options.selectedId) ?? null;
  const movable = tokens.some((t) => t.moves.size > 0);
  const helpId = `${key}-help`;
  const quadrantOf = (id: string | null) => quadrants.find((q) => q.id === id) ?? null;
  // A pending token may also go back where it is saved: that undoes its placement.
  const canPlace = (t: BoardToken, quadrantId: string) => t.moves.has(quadrantId) || (t.pending === true && t.savedIn === quadrantId);

  const tokenButton = (t: BoardToken): HTMLElement => {
    const where = quadrantOf(t.placedIn);
    const b = el(
      'button',
      {
        type: 'button',
        class: `token${t.id === selected?.id ? ' is-selected' : ''}${t.moves.size ? ' token--movable' : ''}${t.pending ? ' token--pending' : ''}`,
        'aria-pressed': String(t.id === selected?.id),
        ...(movable ? { 'aria-describedby': helpId } : {}),
        'data-focus': `token:${key}:${t.id}`,
        'data-token': t.id,
      },
      ...t.body,
      t.pending ? el('span', { class: 'token__pending' }, el('span', { class: 'visually-hidden' }, ', '), 'Not saved yet') : null,
      el('span', { class: 'visually-hidden' }, where ? `, in ${where.title}` : ', not placed yet'),
    );
    return el('li', {}, b);
  };

  const placeButton = (q: Quadrant): HTMLElement | null => {
    if (!selected || selected.placedIn === q.id || !canPlace(selected, q.id)) return null;
    const text = `Place ${selected.name} here`;
    if (!options.place) {
      const move = selected.moves.get(q.id);
      return move ? actionButton(move, dispatch, { variant: 'secondary', text, focusKey: `place:${key}:${q.id}` }) : null;
    }
    // Not a listed action's button: it only places the token, to be saved with the others.
    const b = el('button', { type: 'button', class: 'btn btn--secondary', 'data-focus': `place:${key}:${q.id}` }, text);
    b.addEventListener('click', () => place(selected, q));
    return b;
  };

  const cell = (q: Quadrant, n: number): HTMLElement => {
    const titleId = `${key}-q-${q.id}`;
    const here = tokens.filter((t) => t.placedIn === q.id);
    return el(
      'section',
      { class: `quadrant quadrant--${n}`, 'data-quadrant': q.id, 'aria-labelledby': titleId },
      el(
        'div',
        { class: 'quadrant__head' },
        el('h3', { class: 'quadrant__title', id: titleId }, el('span', { class: 'quadrant__key', 'aria-hidden': 'true' }, String(n)), q.title),
        el('p', { class: 'quadrant__hint' }, q.hint),
        placeButton(q),
      ),
      here.length ? el('ul', { class: 'token-list' }, ...here.map(tokenButton)) : el('p', { class: 'quadrant__empty' }, 'Nobody here yet'),
    );
  };

  const unplaced = tokens.filter((t) => t.placedIn === null);
  const grid = el(
    'div',
    { class: `qgrid${options.axes ? ' qgrid--axes' : ''}`, role: 'group', 'aria-label': options.label },
    ...(options.axes
      ? [
          el('span', { class: 'qgrid__row-label qgrid__row-label--1', 'aria-hidden': 'true' }, options.axes.rows[0]),
          el('span', { class: 'qgrid__row-label qgrid__row-label--2', 'aria-hidden': 'true' }, options.axes.rows[1]),
          el('span', { class: 'qgrid__col-label qgrid__col-label--1', 'aria-hidden': 'true' }, options.axes.columns[0]),
          el('span', { class: 'qgrid__col-label qgrid__col-label--2', 'aria-hidden': 'true' }, options.axes.columns[1]),
        ]
      : []),
    ...quadrants.map((q, i) => cell(q, i + 1)),
  );

  const board = el(
    'div',
    { class: 'qboard', 'data-board': key },
    // Without moves the scene says why the board is read-only; the keys would do nothing.
    movable
      ? el('p', { class: 'board__help', id: helpId }, 'Drag a card onto a quadrant, or select it (Enter or a click) and press “Place here”. On a focused card, keys 1 to 4 place it and arrow keys move it to the next quadrant.')
      : null,
    el(
      'section',
      { class: 'qboard__tray', 'aria-labelledby': `${key}-tray-title` },
      el('h3', { class: 'sub__title', id: `${key}-tray-title` }, `${options.tray.title} (${unplaced.length})`),
      unplaced.length ? el('ul', { class: 'token-list token-list--tray' }, ...unplaced.map(tokenButton)) : el('p', { class: 'quadrant__empty' }, options.tray.empty),
    ),
    grid,
  );

  const tokenOf = (target: EventTarget | null) => {
    const b = target instanceof Element ? target.closest<HTMLElement>('[data-token]') : null;
    const t = b ? tokens.find((x) => x.id === b.dataset.token) : undefined;
    return b && t ? { button: b, token: t } : null;
  };
  const place = (t: BoardToken, q: Quadrant | undefined) => {
    if (!q) return;
    if (options.place) {
      if (t.placedIn === q.id) announce(`${t.name} is already in ${q.title}.`);
      else if (canPlace(t, q.id) && options.place(t, q.id)) play('confirm');
      else announce(`${t.name} cannot be placed in ${q.title} now.`);
      return;
    }
    const move = t.moves.get(q.id);
    if (move) {
      play('confirm');
      dispatch({ id: move.id });
    } else announce(t.placedIn === q.id ? `${t.name} is already in ${q.title}.` : `${t.name} cannot be placed in ${q.title} now.`);
  };

  // Selecting: a click or Enter/Space (the button's own click).
  let suppressClick = false;
  board.addEventListener('click', (event) => {
    const hit = tokenOf(event.target);
    if (!hit) return;
    if (suppressClick) {
      suppressClick = false;
      return;
    }
    options.onSelect(hit.token.id === selected?.id ? null : hit.token.id);
  });

  board.addEventListener('keydown', (event) => {
    const hit = tokenOf(event.target);
    if (!hit || event.altKey || event.ctrlKey || event.metaKey) return;
    const t = hit.token;
    if (/^[1-4]$/.test(event.key)) {
      event.preventDefault();
      place(t, quadrants[Number(event.key) - 1]);
      return;
    }
    const arrows: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const step = arrows[event.key];
    const from = quadrants.findIndex((q) => q.id === t.placedIn);
    if (!step || from < 0 || t.moves.size === 0) return;
    event.preventDefault();
    const col = Math.max(0, Math.min(1, (from % 2) + step[0]));
    const row = Math.max(0, Math.min(1, Math.floor(from / 2) + step[1]));
    if (row * 2 + col !== from) place(t, quadrants[row * 2 + col]);
  });

  // Dragging: the token follows the pointer; the quadrant under it takes it on release.
  let drag: { token: BoardToken; button: HTMLElement; pointer: number; x: number; y: number; moved: boolean; cells: { q: Quadrant; el: HTMLElement; box: DOMRect }[]; over: Quadrant | null } | null = null;
  board.addEventListener('pointerdown', (event) => {
    const hit = tokenOf(event.target);
    if (!hit || hit.token.moves.size === 0 || event.button > 0) return;
    const cells = [...grid.querySelectorAll<HTMLElement>('[data-quadrant]')].map((c) => ({ q: quadrantOf(c.dataset.quadrant!)!, el: c, box: c.getBoundingClientRect() }));
    drag = { token: hit.token, button: hit.button, pointer: event.pointerId, x: event.clientX, y: event.clientY, moved: false, cells, over: null };
    hit.button.setPointerCapture(event.pointerId);
  });
  board.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_START) return;
    if (!drag.moved) {
      drag.moved = true;
      drag.button.classList.add('is-dragging');
      board.classList.add('is-moving');
    }
    drag.button.style.transform = `translate(${dx}px, ${dy}px)`;
    const over = drag.cells.find((c) => event.clientX >= c.box.left && event.clientX <= c.box.right && event.clientY >= c.box.top && event.clientY <= c.box.bottom) ?? null;
    if (over?.q !== drag.over) {
      for (const c of drag.cells) c.el.classList.remove('is-target', 'is-blocked');
      if (over) over.el.classList.add(canPlace(drag.token, over.q.id) ? 'is-target' : 'is-blocked');
      drag.over = over?.q ?? null;
    }
  });
  const endDrag = (event: PointerEvent, cancelled: boolean) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const d = drag;
    drag = null;
    d.button.style.transform = '';
    d.button.classList.remove('is-dragging');
    board.classList.remove('is-moving');
    for (const c of d.cells) c.el.classList.remove('is-target', 'is-blocked');
    if (!d.moved) return;
    // The click that ends a drag is not a selection; a click that never comes must not eat the next one.
    suppressClick = true;
    setTimeout(() => {
      suppressClick = false;
    }, 0);
    if (!cancelled && d.over) place(d.token, d.over);
  };
  board.addEventListener('pointerup', (event) => endDrag(event, false));
  board.addEventListener('pointercancel', (event) => endDrag(event, true));
  return board;
}
