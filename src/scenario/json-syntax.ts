/** Where strict JSON syntax first breaks, with what was expected and found there. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /[0-9a-fA-F]{4}/y;

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'after';

/**
 * Checks `text` against the JSON grammar (RFC 8259) and reports the first error with its offset.
 * A `.json` scenario is parsed by the YAML parser (for source positions), which would quietly
 * accept YAML-only syntax (comments, unquoted keys, trailing commas); this keeps `.json` files
 * JSON, with messages that speak JSON. Iterative, so deep nesting cannot overflow the stack.
 */
export function checkJsonSyntax(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let expect: Expect = 'value';

  const found = () => {
    if (i >= n) return 'the end of the file';
    const c = text[i] ?? '';
    if (c === '\n' || c === '\r') return 'a line break';
    if (c === '\t') return 'a tab';
    return `"${c}"`;
  };
  const fail = (expected: string): JsonSyntaxError => ({ offset: i, message: `expected ${expected}, found ${found()}` });

  const skipWhitespace = () => {
    while (i < n) {
      const c = text[i];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break;
      i++;
    }
  };

  // On success leaves `i` after the closing quote; on failure returns the error.
  const string = (): JsonSyntaxError | null => {
    i++;
    for (;;) {
      if (i >= n) return fail('a closing double quote');
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          HEX4.lastIndex = i + 1;
          if (!HEX4.test(text)) return fail('four hex digits after \\u');
          i += 5;
        } else if (ESCAPES.has(e)) i++;
        else return fail('an escape such as \\n, \\" or \\\\ after the backslash');
      } else if (c.charCodeAt(0) < 0x20) {
        return fail('no control characters inside a string (write a line break as \\n)');
      } else i++;
    }
  };

  const literal = (word: string): boolean => {
    if (!text.startsWith(word, i)) return false;
    i += word.length;
    return true;
  };

  for (;;) {
    skipWhitespace();
    const c = text[i];
    switch (expect) {
      case 'value':
      case 'valueOrClose': {
        if (expect === 'valueOrClose' && c === ']') {
          stack.pop();
          i++;
          expect = 'after';
          break;
        }
        if (c === ']' && expect === 'value' && stack[stack.length - 1] === '[') {
          return fail('another value after the comma (remove the trailing comma)');
        }
        if (c === '{') {
          stack.push('{');
          i++;
          expect = 'keyOrClose';
          break;
        }
        if (c === '[') {
          stack.push('[');
          i++;
          expect = 'valueOrClose';
          break;
        }
        if (c === '"') {
          const err = string();
          if (err) return err;
        } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m) return fail('a number');
          i += m[0].length;
        } else if (!literal('true') && !literal('false') && !literal('null')) {
          return fail('a value (an object, array, string, number, true, false or null)');
        }
        expect = 'after';
        break;
      }
      case 'key':
      case 'keyOrClose': {
        if (expect === 'keyOrClose' && c === '}') {
          stack.pop();
          i++;
          expect = 'after';
          break;
        }
        if (c === '}' && expect === 'key') return fail('another property after the comma (remove the trailing comma)');
        if (c !== '"') return fail('a property name in double quotes');
        const err = string();
        if (err) return err;
        skipWhitespace();
        if (text[i] !== ':') return fail('":" after the property name');
        i++;
        expect = 'value';
        break;
      }
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) return i < n ? fail('the end of the file') : null;
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
          stack.pop();
          i++;
        } else return fail(top === '{' ? '"," or "}"' : '"," or "]"');
        break;
      }
    }
  }
}
