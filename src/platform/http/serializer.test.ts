import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contactSchema, type Contact } from '../../features/contacts/model.js';
import { responseSerializerCompiler } from './serializer.js';

const route = (schema: z.ZodType) => ({ schema, method: 'GET', url: '/test', httpStatus: '200' });

const contact: Contact = {
  id: 'c1',
  displayName: 'Ada Lovelace',
  firstName: 'Ada',
  middleName: null,
  lastName: 'Lovelace',
  nickname: null,
  prefix: null,
  suffix: null,
  emails: [{ value: 'ada@example.com', type: 'work' }],
  phones: [],
  urls: [{ value: 'https://example.com/ada', type: 'other' }],
  company: 'Analytical Engines',
  title: null,
  location: null,
  birthday: '--12-10',
  metHow: null,
  metOn: null,
  circle: 'inner',
  cadenceDays: null,
  reminders: true,
  dueAt: '2026-03-09T09:00:00.000Z',
  snoozedUntil: null,
  strength: 73,
  dimensions: { industry: 'Computing', region: 'Europe' },
  tags: ['math', 'poetry "science"'],
  notes: 'Line one\nline "two" \u2028 é',
  lastInteractionAt: null,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  deletedAt: null,
};

describe('responseSerializerCompiler', () => {
  it('writes a contact byte for byte as zod and JSON.stringify did', () => {
    const serialize = responseSerializerCompiler(route(contactSchema));
    expect(serialize(contact)).toBe(zodSerializerCompiler(route(contactSchema))(contact));
    expect(JSON.parse(serialize(contact))).toEqual(contact);
  });

  it('leaves out properties the schema does not name, at any depth', () => {
    const schema = z.object({ items: z.array(z.object({ id: z.string() })), next: z.string().nullable() });
    const serialize = responseSerializerCompiler(route(schema));
    expect(serialize({ items: [{ id: 'a', secret: 'x' }], next: null, passwordHash: 'y' })).toBe('{"items":[{"id":"a"}],"next":null}');
  });

  it('writes a union with nullable fields, as POST /trash/:type/:id/restore answers', () => {
    const schema = z.union([contactSchema, z.object({ id: z.string(), kind: z.string() })]);
    expect(responseSerializerCompiler(route(schema))(contact)).toBe(zodSerializerCompiler(route(contactSchema))(contact));
  });

  it('keeps zod for a schema JSON Schema cannot describe', () => {
    const serialize = responseSerializerCompiler(route(z.object({ at: z.date() })));
    expect(serialize({ at: new Date('2026-03-02T09:00:00.000Z') })).toBe('{"at":"2026-03-02T09:00:00.000Z"}');
    expect(() => serialize({ at: 'not a date' })).toThrow();
  });
});
