import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../../src/scenario/problem';

/** Absolute path of a file under tests/fixtures/scenarios/. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/scenarios/${relative}`, import.meta.url));
}

/** A fixture's bytes, as the Node loader reads them. */
export function fixtureBytes(relative: string): Uint8Array {
  return readFileSync(fixturePath(relative));
}

/** A fixture's text. */
export function fixtureText(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

/** `file:line:column path: message`, with a 1-based position and a message that says what was expected and found. */
export const PROBLEM_LINE = /^.+:\d+:\d+ (?:\S.*: )?\S.*$/;

/** True if a problem is a caught loader bug rather than a finding about the file. */
export function isInternal(p: Problem): boolean {
  return p.message.includes('internal error');
}

/** Checks the invariants every problem keeps, whatever the input. */
export function wellFormed(p: Problem): boolean {
  return (
    Number.isInteger(p.line) &&
    p.line >= 1 &&
    Number.isInteger(p.column) &&
    p.column >= 1 &&
    typeof p.path === 'string' &&
    typeof p.message === 'string' &&
    p.message.length > 0 &&
    !p.message.includes('\n') &&
    !isInternal(p)
  );
}
