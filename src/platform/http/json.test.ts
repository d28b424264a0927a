import { describe, expect, it } from 'vitest';
import { jsonError, jsonSyntaxErrorOffset, lineAndColumn } from './json.js';

describe('jsonSyntaxErrorOffset', () => {
  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\"\\u00e9\\n"], "b": {}} \n',
    '"just a string"',
    '0',
    '[[[[[]]]]]',
  ])('finds nothing wrong in %s', (text) => {
    expect(jsonSyntaxErrorOffset(text)).toBeNull();
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it.each([
    ['{"a": }', 6],
    ['{"a" 1}', 5],
    ["{'a': 1}", 1],
    ['{"a": 1,}', 8],
    ['[1, 2,]', 6],
    ['[1 2]', 3],
    ['{"a": 1}}', 8],
    ['{"a": 1} x', 9],
    ['{"a": tru}', 9],
    ['{"a": nul', 9],
    ['{"a": 01}', 7],
    ['{"a": -}', 6],
    ['{"a": 1.}', 7],
    ['{"a": .5}', 6],
    ['{"a": "x\\q"}', 9],
    ['{"a": "\\u12G4"}', 9],
    ['{"a": "line\nbreak"}', 11],
    ['{a: 1}', 1],
    ['{"a": 1', 7],
    ['{"a": "unterminated', 19],
    ['[', 1],
    ['', 0],
    ['   ', 3],
    ['[1] [2]', 4],
    ['NaN', 0],
  ])('puts the fault in %j at offset %i, as JSON.parse also refuses it', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(jsonSyntaxErrorOffset(text)).toBe(offset);
  });

  it('survives nesting deeper than the call stack would allow', () => {
    const deep = '['.repeat(200_000) + 'x';
    expect(jsonSyntaxErrorOffset(deep)).toBe(200_000);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('abc\ndef', 5)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('abc\n', 4)).toEqual({ line: 2, column: 1 });
  });
});

describe('jsonError', () => {
  const errorFor = (text: string) => {
    const error = jsonError(text);
    return { code: error.code, message: error.message, details: error.details };
  };

  it('names the line and column of an unexpected character', () => {
    expect(errorFor('{\n  "firstName": "Ada",\n  "lastName": \n}')).toEqual({
      code: 'INVALID_JSON',
      message: 'The request body is not valid JSON: it has an unexpected "}" at line 4, column 1.',
      details: { line: 4, column: 1 },
    });
  });

  it('names the end of a body that stops too early', () => {
    expect(errorFor('{"firstName": "Ada"')).toEqual({
      code: 'INVALID_JSON',
      message: 'The request body is not valid JSON: it ends too early at line 1, column 20.',
      details: { line: 1, column: 20 },
    });
  });

  it('says when the body is empty', () => {
    expect(errorFor('')).toEqual({ code: 'INVALID_JSON', message: 'The request body is empty; send a JSON document.', details: { line: 1, column: 1 } });
  });

  it('says why valid JSON was refused', () => {
    expect(errorFor('{"__proto__": {"admin": true}}')).toEqual({
      code: 'INVALID_JSON',
      message: 'The request body is not acceptable JSON: it has a "__proto__" or "constructor.prototype" key.',
      details: {},
    });
  });
});
