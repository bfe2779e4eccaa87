import type { Observation, VisibleItem } from '../../engine';
import { announce } from '../dom/announce';
import { el } from '../dom/el';
import { play } from '../sound';
import { itemFigures, itemTags, typeBadge } from './items';
import { count } from '../../words';

export interface BoardOptions {
  items: readonly VisibleItem[];
  observation: Observation;
  /** Whether the engine lists a reordering action now. */
  reorder: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The player moved `itemId` to `toIndex` (0 = top): the scene dispatches it. */
  onMove: (itemId: string, toIndex: number) => void;
  /** Items with decisions the card does not show (e.g. classify a request): marked on the card. */
  pending?: ReadonlySet<string>;
  /** In Sprint Planning: the Developers' forecast, to show how far down the estimates reach. */
  forecast?: number | null;
  /**
   * In Sprint Planning: the items the Developers would likely take, marked on their cards. It
   * replaces the line where the forecast runs out, which cannot know what is not ready.
   */
  likely?: ReadonlySet<string>;
  label: string;
}

/**
 * The Product Backlog as an ordered list of cards. Order it with the mouse or a finger (drag a
 * card; on touch, drag by its grip) or with the keyboard (arrows select; Space picks up, arrows
 * move, Space drops, Esc cancels; Alt+arrows move at once). Every move is handed to `onMove`:
 * the board never changes the order itself beyond previewing a drag.
 */
export function backlogBoard(options: BoardOptions): HTMLElement {
  const { items, observation, reorder } = options;
  const selected = items.some((i) => i.id === options.selectedId) ? options.selectedId : (items[0]?.id ?? null);
  let running = 0;
  let edgeMarked = false;

  const cards = items.map((item, index) => {
    running += item.estimate;
    const likely = options.likely?.has(item.id) ?? false;
    const fits = options.likely ? likely : options.forecast != null && running <= options.forecast;
    const isEdge = !options.likely && options.forecast != null && !edgeMarked && (index === items.length - 1 || running + (items[index + 1]?.estimate ?? 0) > options.forecast);
    if (isEdge) edgeMarked = true;
    const card = el(
      'li',
      {
        class: `card${item.id === selected ? ' is-selected' : ''}${fits ? ' card--fits' : ''}${isEdge ? ' card--edge' : ''}`,
        role: 'option',
        id: `card-${item.id}`,
        tabindex: item.id === selected ? '0' : '-1',
        'aria-selected': String(item.id === selected),
        'data-focus': `card:${item.id}`,
        'data-item': item.id,
      },
      reorder ? el('span', { class: 'card__grip', 'aria-hidden': 'true', title: 'Drag to reorder' }, '⠿') : null,
      el('span', { class: 'card__rank', 'aria-hidden': 'true' }, String(index + 1)),
      el(
        'span',
        { class: 'card__main' },
        el('span', { class: 'card__title' }, typeBadge(item.type), ' ', el('span', { class: 'card__name' }, item.title)),
        itemTags(item, observation),
      ),
      options.forecast != null ? el('span', { class: 'card__sum', 'aria-hidden': 'true', title: 'Running total of estimates' }, `Σ ${running}`) : null,
      itemFigures(item),
    );
    if (likely) card.querySelector('.tags')?.prepend(el('span', { class: 'tag tag--likely' }, el('span', { 'aria-hidden': 'true' }, '▶ '), 'Likely in this Sprint'));
    if (options.pending?.has(item.id)) card.querySelector('.tags')?.prepend(el('span', { class: 'tag tag--pending' }, el('span', { 'aria-hidden': 'true' }, '● '), 'Decision open'));
    if (isEdge) card.append(el('span', { class: 'card__edge-label' }, el('span', { 'aria-hidden': 'true' }, '▲ '), `The Developers' forecast of ${count(options.forecast ?? 0, 'point')} reaches about this far`));
    return card;
  });

  const help = reorder
    ? 'Arrow keys select a card. Space picks it up, arrows move it, Space drops it, Esc cancels. Alt+Arrow moves it at once. Or drag a card with the mouse, or by its grip on a touch screen.'
    : 'Arrow keys select a card to see its details.';
  const list = el(
    'ol',
    { class: 'board__list', role: 'listbox', 'aria-label': options.label, 'aria-describedby': 'board-help', 'data-scroll': 'board' },
    ...cards,
  );
  const board = el('div', { class: `board${reorder ? ' board--reorder' : ''}` }, el('p', { class: 'board__help', id: 'board-help' }, help), list);
  if (selected) list.setAttribute('aria-activedescendant', `card-${selected}`);

  const indexOf = (card: Element) => Array.prototype.indexOf.call(list.children, card) as number;
  const cardOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLLIElement>('li.card') : null);

  // Keyboard: select, pick up, move, drop.
  let grabbed: { card: HTMLLIElement; from: number; order: Element[] } | null = null;
  const renumber = () => {
    Array.from(list.children).forEach((c, i) => {
      const rank = c.querySelector('.card__rank');
      if (rank) rank.textContent = String(i + 1);
    });
  };
  const drop = (commit: boolean) => {
    if (!grabbed) return;
    const { card, from, order } = grabbed;
    grabbed = null;
    card.classList.remove('is-grabbed');
    list.classList.remove('is-moving');
    const to = indexOf(card);
    const name = card.querySelector('.card__name')?.textContent ?? '';
    if (commit && to !== from) {
      play('confirm');
      options.onMove(card.dataset.item!, to);
      return;
    }
    // Put the others back around the card: the focused card itself is never detached.
    const at = order.indexOf(card);
    for (let i = 0; i < at; i++) list.insertBefore(order[i]!, card);
    for (let i = at + 1; i < order.length; i++) list.append(order[i]!);
    renumber();
    announce(commit ? `${name} stays at position ${from + 1}.` : `Move cancelled. ${name} is back at position ${from + 1}.`);
  };

  list.addEventListener('keydown', (event) => {
    const card = cardOf(event.target);
    if (!card) return;
    const index = indexOf(card);
    const name = card.querySelector('.card__name')?.textContent ?? '';
    const key = event.key;
    if (grabbed) {
      if (key === 'ArrowUp' || key === 'ArrowDown') {
        event.preventDefault();
        if (key === 'ArrowUp' && card.previousElementSibling) list.insertBefore(card.previousElementSibling, card.nextElementSibling);
        else if (key === 'ArrowDown' && card.nextElementSibling) list.insertBefore(card.nextElementSibling, card);
        renumber();
        card.scrollIntoView({ block: 'nearest' });
        announce(`${name}: position ${indexOf(card) + 1} of ${items.length}.`);
      } else if (key === ' ' || key === 'Enter') {
        event.preventDefault();
        drop(true);
      } else if (key === 'Escape' || key === 'Tab') {
        if (key === 'Escape') event.preventDefault();
        drop(false);
      }
      return;
    }
    const move = (to: number) => {
      const target = list.children[Math.max(0, Math.min(items.length - 1, to))] as HTMLElement | undefined;
      if (target?.dataset.item) options.onSelect(target.dataset.item);
    };
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      if (event.altKey && reorder) {
        const to = index + (key === 'ArrowUp' ? -1 : 1);
        if (to >= 0 && to < items.length) {
          play('confirm');
          options.onMove(card.dataset.item!, to);
        }
        return;
      }
      move(index + (key === 'ArrowUp' ? -1 : 1));
    } else if (key === 'Home' || key === 'End') {
      event.preventDefault();
      move(key === 'Home' ? 0 : items.length - 1);
    } else if ((key === ' ' || key === 'Enter') && reorder) {
      event.preventDefault();
      grabbed = { card, from: index, order: Array.from(list.children) };
      card.classList.add('is-grabbed');
      list.classList.add('is-moving');
      play('select');
      announce(`Picked up ${name} at position ${index + 1} of ${items.length}. Arrow keys move it, Space drops it, Escape cancels.`);
    }
  });
  list.addEventListener('focusout', (event) => {
    if (grabbed && event.target === grabbed.card && !list.contains(event.relatedTarget as Node | null)) drop(false);
  });

  // Pointer: click selects; dragging (mouse anywhere on the card, touch by the grip) reorders.
  // A move costs one transform on the held card; the others' styles change only when the slot
  // under the pointer does, and the list's box is measured once, so no move forces a layout.
  let drag: { card: HTMLLIElement; pointer: number; startY: number; startScroll: number; from: number; slot: number; moved: boolean; to: number; box: DOMRect; shifts: number[]; shown: boolean } | null = null;
  list.addEventListener('pointerdown', (event) => {
    const card = cardOf(event.target);
    if (!card || event.button > 0) return;
    const canDrag = reorder && (event.pointerType !== 'touch' || (event.target as Element).closest('.card__grip') !== null);
    const next = card.nextElementSibling ?? card.previousElementSibling;
    const slot = next ? Math.abs(next.getBoundingClientRect().top - card.getBoundingClientRect().top) : card.getBoundingClientRect().height;
    drag = { card, pointer: event.pointerId, startY: event.clientY, startScroll: list.scrollTop, from: indexOf(card), slot: Math.max(1, slot), moved: false, to: indexOf(card), box: list.getBoundingClientRect(), shifts: [], shown: false };
    if (canDrag) {
      card.setPointerCapture(event.pointerId);
      if (event.pointerType !== 'mouse') event.preventDefault();
    } else drag.slot = -1;
  });
  list.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.pointer || drag.slot < 0) return;
    const box = drag.box;
    if (event.clientY < box.top + 28) list.scrollTop -= 10;
    else if (event.clientY > box.bottom - 28) list.scrollTop += 10;
    const dy = event.clientY - drag.startY + (list.scrollTop - drag.startScroll);
    if (!drag.moved && Math.abs(dy) < 6) return;
    if (!drag.moved) {
      drag.moved = true;
      drag.card.classList.add('is-dragging');
      list.classList.add('is-moving');
    }
    const to = Math.max(0, Math.min(items.length - 1, drag.from + Math.round(dy / drag.slot)));
    drag.card.style.transform = `translateY(${dy}px)`;
    if (drag.shown && to === drag.to) return;
    drag.shown = true;
    drag.to = to;
    const { from, slot, shifts } = drag;
    const children = list.children;
    for (let i = 0; i < children.length; i++) {
      if (i === from) continue;
      const shift = from < to && i > from && i <= to ? -slot : from > to && i >= to && i < from ? slot : 0;
      if ((shifts[i] ?? 0) === shift) continue;
      shifts[i] = shift;
      (children[i] as HTMLElement).style.transform = shift ? `translateY(${shift}px)` : '';
    }
  });
  const endDrag = (event: PointerEvent, cancelled: boolean) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const d = drag;
    drag = null;
    for (const c of Array.from(list.children)) (c as HTMLElement).style.transform = '';
    d.card.classList.remove('is-dragging');
    list.classList.remove('is-moving');
    if (d.moved && !cancelled && d.to !== d.from) {
      play('confirm');
      options.onMove(d.card.dataset.item!, d.to);
    } else if (!d.moved && !cancelled) {
      options.onSelect(d.card.dataset.item!);
    }
  };
  list.addEventListener('pointerup', (event) => endDrag(event, false));
  list.addEventListener('pointercancel', (event) => endDrag(event, true));
  return board;
}
