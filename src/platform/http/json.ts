import { AppError } from '../errors.js';

const SCALAR_START = /["\-0-9tfn]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const ESCAPES = '"\\/bfnrt';

/**
 * Where a text stops being JSON (RFC 8259): the offset of the first character no JSON document
 * could have there, the text's length when it ends too early, or null when it is valid JSON.
 * JSON.parse cannot say: on Node 20 many of its messages ("Unexpected token '}'") carry no position.
 * Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function jsonSyntaxErrorOffset(text: string): number | null {
  const closers: string[] = [];
  let i = 0;
  let expecting: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' = 'value';

  /** Reads a string, literal or number at i; on failure leaves i at the offending character. */
  function scalar(): boolean {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x22) {
          i++;
          return true;
        }
        if (code < 0x20) return false;
        if (code === 0x5c) {
          i++;
          if (text[i] === 'u') {
            HEX4.lastIndex = i + 1;
            if (!HEX4.test(text)) {
              i += 1;
              return false;
            }
            i += 4;
          } else if (i >= text.length || !ESCAPES.includes(text[i]!)) return false;
        }
      }
      return false;
    }
    for (const word of ['true', 'false', 'null']) {
      if (c !== word[0]) continue;
      for (const letter of word) {
        if (text[i] !== letter) return false;
        i++;
      }
      return true;
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) return false;
    i = NUMBER.lastIndex;
    return true;
  }

  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) return expecting === 'commaOrClose' && closers.length === 0 ? null : i;
    const c = text[i]!;
    if ((expecting === 'valueOrClose' || expecting === 'keyOrClose') && c === closers.at(-1)) {
      closers.pop();
      i++;
      expecting = 'commaOrClose';
    } else if (expecting === 'value' || expecting === 'valueOrClose') {
      if (c === '{' || c === '[') {
        closers.push(c === '{' ? '}' : ']');
        i++;
        expecting = c === '{' ? 'keyOrClose' : 'valueOrClose';
      } else if (SCALAR_START.test(c) && scalar()) {
        expecting = 'commaOrClose';
      } else {
        return i;
      }
    } else if (expecting === 'key' || expecting === 'keyOrClose') {
      if (c !== '"' || !scalar()) return i;
      expecting = 'colon';
    } else if (expecting === 'colon') {
      if (c !== ':') return i;
      i++;
      expecting = 'value';
    } else {
      // After a value: a comma or the end of the enclosing object or array; nothing after the document.
      if (closers.length === 0) return i;
      if (c === ',') expecting = closers.at(-1) === '}' ? 'key' : 'value';
      else if (c === closers.at(-1)) closers.pop();
      else return i;
      i++;
    }
  }
}

/** Line and column (both from 1) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** INVALID_JSON for a body the JSON parser refused, with the line and column where it went wrong. */
export function jsonError(body: string): AppError {
  if (body.trim() === '') return new AppError('INVALID_JSON', 'The request body is empty; send a JSON document.', lineAndColumn(body, body.length));
  const offset = jsonSyntaxErrorOffset(body);
  // Valid JSON that the parser still refused: it turns down keys that could poison prototypes.
  if (offset === null) {
    return new AppError('INVALID_JSON', 'The request body is not acceptable JSON: it has a "__proto__" or "constructor.prototype" key.');
  }
  const at = lineAndColumn(body, offset);
  const what = offset >= body.length ? 'ends too early' : `has an unexpected ${JSON.stringify(body[offset])}`;
  return new AppError('INVALID_JSON', `The request body is not valid JSON: it ${what} at line ${at.line}, column ${at.column}.`, at);
}
