import { expect, it } from 'vitest';
import { createUser, describeEachDatabase } from '../harness/app.js';
import { contactsOf, fixture, upload } from './helpers.js';

describeEachDatabase('import flow', (env) => {
  it('previews a LinkedIn export without writing, then commits it in one go', async () => {
    const user = await createUser(env());
    const preview = await upload(env(), user, 'Connections.csv', fixture('linkedin__Connections_current_layout.csv'));
    expect(preview.statusCode).toBe(201);
    const session = preview.json();
    expect(session.report.format).toBe('linkedin');
    expect(session.report.committed).toBe(false);
    expect(session.report.counts).toMatchObject({ rows: 64, new: 60, updated: 0, unchanged: 1, rejected: 3 });
    expect(await contactsOf(env(), user)).toEqual([]);
    const committed = await env().app.inject({ method: 'POST', url: `/api/v1/imports/${session.id}/commit`, headers: user.headers });
    expect(committed.statusCode).toBe(200);
    expect(committed.json().report.counts).toMatchObject({ rows: 64, new: 60, rejected: 3 });
    const contacts = await contactsOf(env(), user);
    expect(contacts).toHaveLength(60);
  });
});
