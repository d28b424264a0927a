import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.js';
import { formatPath, issuesToFields, nulPaths, parseInput, validationError } from './validation.js';

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['firstName'], 'firstName'],
    [['emails', 0, 'value'], 'emails[0].value'],
    [['followUp', 'due'], 'followUp.due'],
    [['tags', 3], 'tags[3]'],
    [[0, 'id'], '[0].id'],
    [['dimensions', 'Industry'], 'dimensions.Industry'],
  ])('writes %j as %j', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('issuesToFields', () => {
  it('names the field of each issue', () => {
    expect(issuesToFields([{ path: ['birthday'], message: 'is not a real calendar date' }, { path: ['emails', 1, 'value'], message: 'must be an email address' }])).toEqual([
      { path: 'birthday', message: 'is not a real calendar date' },
      { path: 'emails[1].value', message: 'must be an email address' },
    ]);
  });

  it('names each unknown key at its own path', () => {
    expect(issuesToFields([{ path: ['emails', 0], message: 'Unrecognized keys', code: 'unrecognized_keys', keys: ['label', 'kind'] }])).toEqual([
      { path: 'emails[0].label', message: 'is not a known field' },
      { path: 'emails[0].kind', message: 'is not a known field' },
    ]);
    expect(issuesToFields([{ path: [], message: 'Unrecognized key', code: 'unrecognized_keys', keys: ['colour'] }], 'query')).toEqual([
      { path: 'query.colour', message: 'is not a known field' },
    ]);
  });

  it('puts a prefix before the path, and calls the whole body (body)', () => {
    expect(issuesToFields([{ path: ['limit'], message: 'Too small' }], 'query')).toEqual([{ path: 'query.limit', message: 'Too small' }]);
    expect(issuesToFields([{ path: [], message: 'expected object' }])).toEqual([{ path: '(body)', message: 'expected object' }]);
  });

  it('says what a union or a record key wanted instead of "Invalid input"', () => {
    const circles = z.union([z.enum(['inner', 'close']), z.array(z.enum(['inner', 'close']))]);
    const dimensions = z.record(z.string().regex(/^[a-z]+$/, 'lowercase only'), z.string());
    const schema = z.strictObject({ circle: circles, dimensions });
    const result = schema.safeParse({ circle: 'outer', dimensions: { Industry: 'x' } });
    expect(issuesToFields(result.error!.issues)).toEqual([
      { path: 'circle', message: 'Invalid option: expected one of "inner"|"close"' },
      { path: 'dimensions.Industry', message: 'lowercase only' },
    ]);
  });
});

describe('parseInput', () => {
  const schema = z.strictObject({ name: z.string().min(1, 'must not be empty'), age: z.number().int().optional() });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { name: 'Ada', age: 36 })).toEqual({ name: 'Ada', age: 36 });
  });

  it('throws one VALIDATION_FAILED naming every field at fault', () => {
    let thrown: unknown;
    try {
      parseInput(schema, { name: '', age: 1.5, extra: true });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect({ code: error.code, status: error.status, message: error.message, details: error.details }).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'Invalid input: name must not be empty; age Invalid input: expected int, received number; extra is not a known field',
      details: {
        fields: [
          { path: 'name', message: 'must not be empty' },
          { path: 'age', message: 'Invalid input: expected int, received number' },
          { path: 'extra', message: 'is not a known field' },
        ],
      },
    });
  });
});

describe('validationError', () => {
  it('sums the fields up in its message', () => {
    const error = validationError([{ path: 'displayName', message: 'a contact needs a name' }]);
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Invalid input: displayName a contact needs a name',
      details: { fields: [{ path: 'displayName', message: 'a contact needs a name' }] },
    });
  });
});

describe('nulPaths', () => {
  it('finds the NUL character in values and keys at any depth', () => {
    expect(nulPaths({ firstName: 'Ada\u0000', emails: [{ value: 'ok' }, { value: '\u0000' }], dimensions: { 'a\u0000': 'x' }, cadenceDays: 3 })).toEqual([
      ['firstName'],
      ['emails', 1, 'value'],
      ['dimensions', 'a\u0000'],
    ]);
    expect(nulPaths('\u0000')).toEqual([[]]);
  });

  it('finds nothing in clean input', () => {
    expect(nulPaths({ a: ['x', null, true, 1, { b: 'y' }] })).toEqual([]);
    expect(nulPaths(undefined)).toEqual([]);
  });

  it('leaves an uploaded file alone: its bytes are not text fields, and walking them took minutes for 20 MB', () => {
    expect(nulPaths(Buffer.from([0x41, 0x00, 0x42]))).toEqual([]);
  });
});
