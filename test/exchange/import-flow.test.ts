import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { authenticatedScope } from '../../src/platform/auth/scope.js';
import { bufferSource } from '../../src/features/exchange/source.js';
import { createUser, describeEachDatabase } from '../harness/app.js';
import { contactsOf, fixture, FIXTURES, importFile, upload } from './helpers.js';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describeEachDatabase('import flow', (env) => {
  it('previews a LinkedIn export without writing, then commits it in one go', async () => {
    const user = await createUser(env());
    const preview = await upload(env(), user, 'Connections.csv', fixture('linkedin__Connections_current_layout.csv'));
    expect(preview.statusCode).toBe(201);
    const session = preview.json();
    expect(session.report.format).toBe('linkedin');
    expect(session.report.committed).toBe(false);
    expect(session.report.counts).toEqual({ rows: 64, new: 60, updated: 0, unchanged: 1, possibleDuplicates: 2, conflicts: 0, rejected: 3, warnings: 0 });
    expect(session.report.rejected).toEqual([11, 29, 40].map((line) => ({ line, field: 'First Name', reason: 'the row has no name (LinkedIn lists hidden or deleted members this way)' })));
    // Row 68 repeats row 8 (same profile URL): it matches the contact row 8 creates.
    expect(session.report.unchanged).toMatchObject([{ line: 68, name: 'Jürgen Xu', matchedBy: 'linkedin' }]);
    expect(session.report.possibleDuplicates.map((p: { line: number; name: string; duplicateOf: { name: string }[] }) => [p.line, p.name, p.duplicateOf.map((d) => d.name)])).toEqual([
      [21, 'Nnamdi van der Berg', ['Nnamdi van der Berg']],
      [48, 'Ana Zhang', ['Ana Zhang']],
    ]);
    expect(await contactsOf(env(), user)).toEqual([]);

    const committed = await env().app.inject({ method: 'POST', url: `/api/v1/imports/${session.id}/commit`, headers: user.headers });
    expect(committed.statusCode).toBe(200);
    expect(committed.json().report.counts).toEqual(session.report.counts);
    expect(committed.json().report.committed).toBe(true);
    const contacts = await contactsOf(env(), user);
    expect(contacts).toHaveLength(60);
    expect(contacts.find((c) => c.name === 'Chloé Dubois')).toMatchObject({
      emails: ['other:chlo.8@example.com'],
      urls: ['linkedin:https://www.linkedin.com/in/chlo%C3%A9-dubois-1008'],
      company: 'Northwind Traders',
      title: 'Investor',
      metHow: 'LinkedIn',
      metOn: '2026-07-22',
    });
    const found = await env().app.inject({ method: 'GET', url: '/api/v1/search?q=Northwind', headers: user.headers });
    expect(found.json().items.length).toBeGreaterThanOrEqual(5);
  });

  it('changes nothing when the same file is imported again', async () => {
    const user = await createUser(env());
    await importFile(env(), user, 'google__contacts_current_format.csv');
    const before = await contactsOf(env(), user);
    env().clock.advance(60_000);
    const again = await importFile(env(), user, 'google__contacts_current_format.csv');
    expect(again.report.counts).toMatchObject({ rows: 25, new: 0, updated: 0, unchanged: 25, conflicts: 0 });
    expect(await contactsOf(env(), user)).toEqual(before);
  });

  it('updates contacts from a newer export, keeping what the user edited and reporting it', async () => {
    const user = await createUser(env());
    const v1 = `${HEADER}\nAda,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Analyst,05 Mar 2024\nGrace,Hopper,https://www.linkedin.com/in/grace,,US Navy,Officer,06 Mar 2024\n`;
    await importFile(env(), user, 'Connections.csv', v1);
    const ada = (await contactsOf(env(), user)).find((c) => c.name === 'Ada Lovelace')!;
    const edited = await env().app.inject({ method: 'PATCH', url: `/api/v1/contacts/${ada.id}`, headers: user.headers, payload: { title: 'Countess' } });
    expect(edited.statusCode).toBe(200);
    const v2 = `${HEADER}\nAda,Lovelace,https://linkedin.com/in/ada/,ada@example.com,Babbage & Co,Programmer,05 Mar 2024\nGrace,Hopper,https://www.linkedin.com/in/grace,,US Navy,Rear Admiral,06 Mar 2024\n`;
    const result = await importFile(env(), user, 'Connections.csv', v2);
    expect(result.report.counts).toMatchObject({ new: 0, updated: 2, unchanged: 0, conflicts: 1 });
    expect(result.report.updated).toMatchObject([
      { line: 2, name: 'Ada Lovelace', matchedBy: 'linkedin', changes: ['company', 'emails'], conflicts: [{ field: 'title', current: 'Countess', incoming: 'Programmer' }] },
      { line: 3, name: 'Grace Hopper', matchedBy: 'linkedin', changes: ['title'], conflicts: [] },
    ]);
    const after = await contactsOf(env(), user);
    expect(after.map((c) => [c.name, c.company, c.title, c.emails])).toEqual([
      ['Ada Lovelace', 'Babbage & Co', 'Countess', ['other:ada@example.com']],
      ['Grace Hopper', 'US Navy', 'Rear Admiral', []],
    ]);
  });

  it('matches a Google export to LinkedIn contacts by email, phone or name with company', async () => {
    const user = await createUser(env());
    await importFile(env(), user, 'Connections.csv', `${HEADER}\nAda,Lovelace,https://www.linkedin.com/in/ada,ada@example.com,Analytical,Analyst,05 Mar 2024\nGrace,Hopper,,,US Navy,Officer,06 Mar 2024\n`);
    const google = 'First Name,Last Name,Organization Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n' +
      'Ada,L.,,* myContacts ::: Friends,* Work,ADA@example.com,Mobile,+44 20 7946 0000\nGrace,Hopper,US Navy,,,,Mobile,+1 555 0100\n';
    const result = await importFile(env(), user, 'contacts.csv', google);
    expect(result.report.updated.map((u: { name: string; matchedBy: string; changes: string[] }) => [u.name, u.matchedBy, u.changes])).toEqual([
      ['Ada L.', 'email', ['phones', 'tags']],
      ['Grace Hopper', 'name', ['phones']],
    ]);
  });

  it('imports every fixture with its expected outcome', async () => {
    const outcomes: Record<string, string> = {};
    for (const dir of ['csv', 'vcard']) {
      for (const file of fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f !== 'SOURCES.md').sort()) {
        const user = await createUser(env());
        const response = await upload(env(), user, file, fixture(file));
        if (response.statusCode !== 201) {
          outcomes[file] = `${response.statusCode} ${response.json().error.code}`;
          continue;
        }
        const { counts } = response.json().report;
        outcomes[file] = `${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`;
      }
    }
    expect(outcomes).toEqual({
      'google__contacts_current_format.csv': '25 new, 0 updated, 0 unchanged, 0 rejected',
      'labeldekho__Connections_synthetic_reordered_cols.csv': '10 new, 0 updated, 0 unchanged, 0 rejected',
      'labeldekho__Messages_synthetic.csv': '422 IMPORT_FILE_INVALID',
      'linkedin__Connections_current_layout.csv': '60 new, 0 updated, 1 unchanged, 3 rejected',
      'outlook__outlook_com_export.csv': '20 new, 0 updated, 0 unchanged, 0 rejected',
      'thunderbird__export.csv': '2 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_backslash.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_complicated.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_invalid_comment_line.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_japanese_2.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_malformed_photo.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_multiple_entry.vcf': '3 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_pref_handling.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_winmo_65.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v21_x_param.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v30_ios_613_multiline.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'aosp__v40_sort_as.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      // Cards 4 and 5 share the phone 123456: the second updates the first.
      'ezvcard__John_Doe_ANDROID.vcf': '3 new, 1 updated, 0 unchanged, 2 rejected',
      'ezvcard__John_Doe_EVOLUTION.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__John_Doe_GMAIL.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__John_Doe_IPHONE.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__John_Doe_MS_OUTLOOK.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__fullcontact.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__gmail-single.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__gmail-single2.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__issue114.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__outlook-2003.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__outlook-2007.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__rfc2426-example.vcf': '2 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'ezvcard__xcard-rfc6351-example.xml': '422 IMPORT_FILE_INVALID',
      'icaljs__escape_semicolon.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'icaljs__vcard3.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'icaljs__vcard_grouped.vcf': '0 new, 0 updated, 0 unchanged, 1 rejected',
      'nodevcf__empty-lines.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'nodevcf__vcard-2.1-version-not-first.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'nodevcf__xing.vcf': '1 new, 0 updated, 0 unchanged, 0 rejected',
      'sabrevobject__issue64_v21_photo_blankline.vcf': '0 new, 0 updated, 0 unchanged, 1 rejected',
    });
  });

  it('keeps a vCard picture and serves it', async () => {
    const user = await createUser(env());
    await importFile(env(), user, 'aosp__v30_ios_613_multiline.vcf');
    const [bob] = await contactsOf(env(), user);
    const photo = await env().app.inject({ method: 'GET', url: `/api/v1/contacts/${bob!.id}/photo`, headers: user.headers });
    expect(photo.statusCode).toBe(200);
    expect([photo.headers['content-type'], photo.headers['cache-control']]).toEqual(['image/jpeg', 'private, max-age=3600']);
    expect(photo.rawPayload.length).toBe(5165);
    expect([...photo.rawPayload.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const other = await createUser(env());
    const hidden = await env().app.inject({ method: 'GET', url: `/api/v1/contacts/${bob!.id}/photo`, headers: other.headers });
    expect(hidden.statusCode).toBe(404);
  });
});

describeEachDatabase('import bad input', (env) => {
  it('adds nothing when the import fails while a batch is being written', async () => {
    const { services, db } = env();
    const user = await createUser(env());
    const scope = authenticatedScope(user.userId);
    const file = (rows: number) => {
      const lines = Array.from({ length: rows }, (_, i) => `Ada,Lovelace ${i},https://www.linkedin.com/in/ada-${i},,Analytical Engines,Engineer,05 Mar 2024`);
      return bufferSource('Connections.csv', Buffer.from([HEADER, ...lines, ''].join('\n')));
    };
    await services.exchange.importSource(scope, file(250), { dryRun: false });
    // Progress is reported as soon as the first batch of 500 is handed over for writing; a progress
    // display that fails then (the CLI's terminal closed, say) ends the import while that batch
    // reads the 250 contacts it matched, before it inserts the 250 new ones.
    const onProgress = () => {
      throw new Error('the terminal went away');
    };
    await expect(services.exchange.importSource(scope, file(600), { dryRun: false, onProgress })).rejects.toThrow('the terminal went away');
    const stored = async () =>
      Promise.all(
        (['contacts', 'contact_methods', 'contact_sources', 'search_docs'] as const).map(async (table) =>
          Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('owner_id', '=', user.userId).executeTakeFirstOrThrow()).n),
        ),
      );
    expect(await stored()).toEqual([250, 250, 250, 250]);
    // A batch still being written when the transaction ended would have landed outside it by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stored()).toEqual([250, 250, 250, 250]);
  });

  it('refuses binary, empty and column-less files with a 422 naming the file and line, storing nothing', async () => {
    const user = await createUser(env());
    const cases: [string, Buffer | string, string][] = [
      ['photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'photo.jpg, line 1: this is a binary file, not a text export (CSV or vCard)'],
      ['empty.csv', '', 'empty.csv: the file is empty'],
      ['people.csv', 'Name,Phone\nAda,123\n', 'people.csv, line 1: no header row with the columns of'],
    ];
    for (const [name, body, message] of cases) {
      const response = await upload(env(), user, name, body);
      expect(response.statusCode, name).toBe(422);
      expect(response.json().error.code).toBe('IMPORT_FILE_INVALID');
      expect(response.json().error.message).toContain(message);
    }
    expect(await contactsOf(env(), user)).toEqual([]);
  });

  it('answers a file over the upload limit with a clear 413 and imports nothing', async () => {
    const user = await createUser(env());
    const row = 'Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical,Analyst,05 Mar 2024\n';
    const big = `${HEADER}\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}`;
    const response = await upload(env(), user, 'big.csv', big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'BODY_TOO_LARGE',
      message: 'The file is larger than the 40 MB upload limit; nothing was imported. Import it from the command line instead: rapport import FILE',
    });
    expect(await contactsOf(env(), user)).toEqual([]);
  });

  it('rejects a card without a name, skips invalid dates and a 20 MB picture with their line, and imports the rest', async () => {
    const user = await createUser(env());
    const photo = Buffer.alloc(20 * 1024 * 1024, 7);
    photo.set([0xff, 0xd8, 0xff], 0);
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'EMAIL:nobody@example.com', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Ada Lovelace', 'BDAY:1815-02-30', 'EMAIL:ada@example.com',
      `PHOTO;ENCODING=b;TYPE=JPEG:${photo.toString('base64')}`, 'END:VCARD', '',
    ].join('\r\n');
    const response = await upload(env(), user, 'cards.vcf', vcf);
    expect(response.statusCode).toBe(201);
    const report = response.json().report;
    expect(report.counts).toMatchObject({ rows: 2, new: 1, rejected: 1, warnings: 2 });
    expect(report.rejected).toEqual([{ line: 1, field: 'FN', reason: 'the card has no name (FN, N, NICKNAME or ORG)' }]);
    expect(report.new[0].warnings).toEqual([
      { line: 8, field: 'BDAY', message: '"1815-02-30" is not a date; skipped' },
      { line: 10, field: 'PHOTO', message: 'the picture is 20.0 MB, over the 1.0 MB limit; skipped' },
    ]);
    await env().app.inject({ method: 'POST', url: `/api/v1/imports/${response.json().id}/commit`, headers: user.headers });
    const [ada] = await contactsOf(env(), user);
    expect(ada).toMatchObject({ name: 'Ada Lovelace', emails: ['other:ada@example.com'], birthday: null });
    const picture = await env().app.inject({ method: 'GET', url: `/api/v1/contacts/${ada!.id}/photo`, headers: user.headers });
    expect(picture.statusCode).toBe(404);
  });

  it('keeps uploads private, commits each once, and forgets them after an hour', async () => {
    const user = await createUser(env());
    const other = await createUser(env());
    const csv = `${HEADER}\nAda,Lovelace,,,,,05 Mar 2024\n`;
    const first = (await upload(env(), user, 'c.csv', csv)).json();
    const peek = await env().app.inject({ method: 'GET', url: `/api/v1/imports/${first.id}`, headers: other.headers });
    expect(peek.statusCode).toBe(404);
    const steal = await env().app.inject({ method: 'POST', url: `/api/v1/imports/${first.id}/commit`, headers: other.headers });
    expect(steal.json().error.code).toBe('IMPORT_NOT_FOUND');
    expect(await contactsOf(env(), other)).toEqual([]);
    const commit = () => env().app.inject({ method: 'POST', url: `/api/v1/imports/${first.id}/commit`, headers: user.headers });
    expect((await commit()).statusCode).toBe(200);
    const twice = await commit();
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('IMPORT_ALREADY_COMMITTED');
    expect(await contactsOf(env(), user)).toHaveLength(1);

    const second = (await upload(env(), user, 'c.csv', csv)).json();
    env().clock.advance(61 * 60 * 1000);
    const late = await env().app.inject({ method: 'POST', url: `/api/v1/imports/${second.id}/commit`, headers: user.headers });
    expect(late.statusCode).toBe(404);
    expect(late.json().error.message).toContain('expired after 60 minutes');
    const third = (await upload(env(), user, 'c.csv', csv)).json();
    const discarded = await env().app.inject({ method: 'DELETE', url: `/api/v1/imports/${third.id}`, headers: user.headers });
    expect(discarded.statusCode).toBe(204);
    expect((await env().app.inject({ method: 'GET', url: `/api/v1/imports/${third.id}`, headers: user.headers })).statusCode).toBe(404);
  });

  it('refuses an unknown format name', async () => {
    const user = await createUser(env());
    const response = await upload(env(), user, 'c.csv', `${HEADER}\n`, '&format=excel');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fields[0].path).toBe('query.format');
  });
});

describeEachDatabase(
  'import into a new database',
  (env) => {
    it('leaves no statistics saying the search index is empty once it holds the imported contacts', async () => {
      const user = await createUser(env());
      const rows = Array.from({ length: 1000 }, (_, i) => `Ada,Lovelace ${i},https://www.linkedin.com/in/ada-${i},,Analytical Engines,Engineer,05 Mar 2024`);
      const session = await importFile(env(), user, 'Connections.csv', [HEADER, ...rows, ''].join('\n'));
      expect(session.report.counts.new).toBe(1000);
      // Statistics taken before the index was filled made PostgreSQL check every new document
      // against the whole table (quadratic). SQLite checks by the unique index whatever they say.
      if (env().dialect !== 'postgres') return;
      const { rows: stats } = await sql<{ reltuples: number }>`SELECT reltuples FROM pg_class WHERE relname = 'search_docs'`.execute(env().db.kysely);
      expect(stats[0]!.reltuples).not.toBe(0);
    });
  },
  { freshPerTest: true },
);
