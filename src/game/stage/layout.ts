import type { Column } from './model';

/**
 * Where the stage's parts sit, in game units (1280 wide). The band's height must match
 * `.screen--staged` in stage.css, which keeps the DOM panels below it.
 */
export const STAGE_HEIGHT = 132;
/** Where the floor starts: the board, the desk and the people stand on it. */
export const FLOOR_Y = 116;

export const BOARD = { x: 18, width: 652, pad: 10 } as const;
export const CARD = { width: 196, height: 25, gap: 4, firstRow: 30 } as const;
/** Rows of cards a column shows; a fuller column shows one row fewer and "+N more". */
export const CARD_ROWS = 3;
export const TEAM = { x: 690, width: 170 } as const;
export const FLOOR = { x: 880, right: 1262 } as const;
/** Where stakeholders come in and go out. */
export const DOOR_X = 1240;

const COLUMNS: readonly Column[] = ['todo', 'doing', 'done'];

export function columnIndex(column: Column): number {
  return COLUMNS.indexOf(column);
}

export function columnX(column: Column): number {
  const inner = BOARD.width - BOARD.pad * 2;
  return BOARD.x + BOARD.pad + (inner / 3) * columnIndex(column) + (inner / 3 - CARD.width) / 2;
}

/** The top-left corner of the card in `row` of `column`, relative to the band's top. */
export function cardSlot(column: Column, row: number): { x: number; y: number } {
  return { x: columnX(column), y: CARD.firstRow + row * (CARD.height + CARD.gap) };
}

/** The x of each of `count` people standing on the floor, left to right, leaving the door free. */
export function floorSlots(count: number): number[] {
  // Clear of the plant by the door (view.ts), unless the room is crowded.
  const width = DOOR_X - (count > 4 ? 20 : 60) - FLOOR.x;
  const step = Math.min(96, width / Math.max(count, 1));
  const start = FLOOR.x + step / 2 + Math.max(0, (width - step * count) / 2);
  return Array.from({ length: count }, (_, i) => start + i * step);
}
