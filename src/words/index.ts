/**
 * Counts and figures for people, one helper for every shell (game, replay viewer, classroom
 * server) and the assessment: `count(2, 'point')` → "2 points", `percent(0.2344)` → "23%".
 * The engine's formatter is the one implementation, so the log and the screens always write the
 * same words; it matches the standard 'en' plural rules and number format (tested).
 */
export { count, listOf, noun, number, percent, percentOf100, pluralCategory, pluralOf } from '../engine/model/words';
