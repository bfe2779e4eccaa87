// Types for words.js, so Node tests can check the classroom pages' words.
export const PHASE_WORDS: Readonly<Record<string, string>>;
export function phaseWords(phase: string): string;
export function count(n: number, singular: string, plural?: string): string;
export function number(x: number | null | undefined, digits?: number): string;
export function percent(x: number | null | undefined): string;
