import { expect, it } from 'vitest';
import { createUser, describeEachDatabase } from './harness/app.js';

describeEachDatabase('last interaction', (env) => {
  it("follows every change to interactions: their time, their participants and their deletion", async () => {
    const { app } = env();
    const user = await createUser(env());
    const api = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      const response = await app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload && { payload }) });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.body ? response.json() : null;
    };
    const ada = await api('POST', '/contacts', { firstName: 'Ada', circle: 'close' });
    const grace = await api('POST', '/contacts', { firstName: 'Grace', circle: 'close' });
    const state = async () =>
      Promise.all([ada, grace].map(async (c) => {
        const contact = await api('GET', `/contacts/${c.id}`);
        return [contact.lastInteractionAt, contact.dueAt, contact.strength > 0];
      }));

    const both = await api('POST', '/interactions', { participantIds: [ada.id, grace.id], kind: 'meeting', occurredAt: '2026-02-10T10:00:00Z', summary: 'Planning' });
    const adaOnly = await api('POST', '/interactions', { participantIds: [ada.id], kind: 'call', occurredAt: '2026-02-20T10:00:00Z', summary: 'Follow-up' });
    // Close contacts are due 30 days after the last interaction (the default cadence).
    expect(await state()).toEqual([
      ['2026-02-20T10:00:00.000Z', '2026-03-22T10:00:00.000Z', true],
      ['2026-02-10T10:00:00.000Z', '2026-03-12T10:00:00.000Z', true],
    ]);

    await api('PATCH', `/interactions/${adaOnly.id}`, { occurredAt: '2026-02-01T10:00:00Z' });
    expect(await state()).toEqual([
      ['2026-02-10T10:00:00.000Z', '2026-03-12T10:00:00.000Z', true],
      ['2026-02-10T10:00:00.000Z', '2026-03-12T10:00:00.000Z', true],
    ]);

    await api('PATCH', `/interactions/${both.id}`, { participantIds: [grace.id] });
    expect(await state()).toEqual([
      ['2026-02-01T10:00:00.000Z', '2026-03-03T10:00:00.000Z', true],
      ['2026-02-10T10:00:00.000Z', '2026-03-12T10:00:00.000Z', true],
    ]);

    // With no interaction left, a contact is due a cadence after it was added (the test clock's start).
    await api('DELETE', `/interactions/${adaOnly.id}`);
    expect(await state()).toEqual([
      [null, '2026-04-01T09:00:00.000Z', false],
      ['2026-02-10T10:00:00.000Z', '2026-03-12T10:00:00.000Z', true],
    ]);
  });
});
