import { MAX_FILE_BYTES } from './limits';
import { fileProblem, type Problem } from './problem';

/** The file's text, or the one problem that stops it being read as UTF-8 text. */
export type DecodeResult = { ok: true; text: string } | { ok: false; problem: Problem };

const KIB = 1024;

function tooLarge(file: string, bytes: number): Problem {
  const size = bytes > MAX_FILE_BYTES * 4 ? `more than ${(MAX_FILE_BYTES * 4) / KIB} KiB` : `${Math.ceil(bytes / KIB)} KiB`;
  return fileProblem(file, `file is too large: expected at most ${MAX_FILE_BYTES / KIB} KiB, found ${size}`);
}

/** Length of the sequence starting at `i` if it is well-formed UTF-8, else 0 (RFC 3629, table 3-7). */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] ?? 0;
  const inRange = (k: number, lo: number, hi: number) => {
    const v = b[i + k];
    return v !== undefined && v >= lo && v <= hi;
  };
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return inRange(1, 0x80, 0xbf) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return inRange(1, lo, hi) && inRange(2, 0x80, 0xbf) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return inRange(1, lo, hi) && inRange(2, 0x80, 0xbf) && inRange(3, 0x80, 0xbf) ? 4 : 0;
  }
  return 0;
}

/** Offset of the first byte that is not well-formed UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset whose prefix is valid UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const c = bytes[i] ?? 0;
    if (c === 0x0a) {
      line++;
      column = 1;
    } else if ((c & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/** 1-based line and column of a character offset in text. */
export function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Byte length of `text` in UTF-8, computed without allocating a copy. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function checkText(file: string, text: string): DecodeResult {
  // Both mean the bytes were not UTF-8: U+FFFD is what a lossy decoder (a browser, Vite's ?raw)
  // puts in place of invalid bytes, and NUL bytes are what UTF-16 looks like when read as UTF-8.
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    const { line, column } = textPosition(text, replacement);
    return {
      ok: false,
      problem: fileProblem(file, 'expected UTF-8 text, found a replacement character (U+FFFD): the file was not valid UTF-8; save it as UTF-8', line, column),
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const { line, column } = textPosition(text, nul);
    return { ok: false, problem: fileProblem(file, 'expected UTF-8 text, found a NUL character (is the file UTF-16?); save it as UTF-8', line, column) };
  }
  return { ok: true, text };
}

/**
 * Turns file content into text the parser may see: enforces the size limit, requires UTF-8
 * (bytes are checked strictly; text is checked for the marks a lossy decode leaves) and drops a
 * leading byte order mark, which editors on Windows add and which carries no meaning.
 */
export function decodeSource(source: string | Uint8Array, file: string): DecodeResult {
  if (typeof source === 'string') {
    // A UTF-16 code unit is at least one UTF-8 byte, so a long string fails without measuring.
    if (source.length > MAX_FILE_BYTES) return { ok: false, problem: tooLarge(file, source.length) };
    const bytes = utf8Length(source);
    if (bytes > MAX_FILE_BYTES) return { ok: false, problem: tooLarge(file, bytes) };
    return checkText(file, source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  }
  if (source.length > MAX_FILE_BYTES) return { ok: false, problem: tooLarge(file, source.length) };
  const [b0, b1] = source;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return { ok: false, problem: fileProblem(file, 'expected UTF-8 text, found UTF-16 (byte order mark); save the file as UTF-8') };
  }
  const bad = firstInvalidUtf8(source);
  if (bad !== -1) {
    const { line, column } = bytePosition(source, bad);
    const byte = (source[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, problem: fileProblem(file, `expected UTF-8 text, found the invalid byte 0x${byte}; save the file as UTF-8`, line, column) };
  }
  // ignoreBOM: false (the default) makes the decoder drop a leading UTF-8 byte order mark.
  return checkText(file, new TextDecoder('utf-8').decode(source));
}
