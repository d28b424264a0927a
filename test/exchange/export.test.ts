import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { authenticatedScope } from '../../src/platform/auth/scope.js';
import { createUser, describeEachDatabase, type TestEnv, type TestUser } from '../harness/app.js';
import { contactsOf, importFile } from './helpers.js';

const SOURCES = [
  'aosp__v21_complicated.vcf',
  'aosp__v30_ios_613_multiline.vcf',
  'aosp__v21_japanese_2.vcf',
  'ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf',
  'ezvcard__fullcontact.vcf',
  'ezvcard__gmail-single2.vcf',
  'ezvcard__outlook-2007.vcf',
  'icaljs__vcard3.vcf',
  'nodevcf__xing.vcf',
  'linkedin__Connections_current_layout.csv',
  'google__contacts_current_format.csv',
];

async function exportAll(env: TestEnv, user: TestUser, kind: 'vcard' | 'csv', query = '') {
  const response = await env.app.inject({ method: 'GET', url: `/api/v1/export/${kind}${query}`, headers: user.headers });
  expect(response.statusCode).toBe(200);
  return response;
}

/** A contact without what differs between two accounts (ids and times). */
function comparable(c: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(c).filter(([k]) => !['id', 'createdAt', 'updatedAt', 'lastInteractionAt'].includes(k)));
}

describeEachDatabase('export', (env) => {
  it('writes vCard 4.0 that ical.js reads, with every contact, field and kept property', async () => {
    const user = await createUser(env());
    for (const file of SOURCES) await importFile(env(), user, file);
    const contacts = await contactsOf(env(), user);
    const response = await exportAll(env(), user, 'vcard');
    expect(response.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="rapport-contacts.vcf"');
    const text = response.body;
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const parsed = ICAL.parse(text);
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
    expect(cards).toHaveLength(contacts.length);
    const components = cards.map((c) => new ICAL.Component(c as any));
    expect(components.every((c) => c.getFirstPropertyValue('version') === '4.0')).toBe(true);
    const bob = components.find((c) => c.getFirstPropertyValue('fn') === 'Bob Smith')!;
    expect(bob.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(['bob@smithauto.com']);
    expect(bob.getAllProperties('tel').map((p) => [p.getParameter('type'), p.getFirstValue()])).toEqual([['cell', '(650) 555-1212']]);
    expect(String(bob.getFirstPropertyValue('photo')).startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
    const john = components.find((c) => c.getFirstPropertyValue('fn') === 'Mr. John Richter,James Doe Sr.')!;
    expect(john.getFirstProperty('n')!.getValues()).toEqual([['Doe', 'John', 'Richter,James', 'Mr.', 'Sr.']]);
    expect(john.getFirstPropertyValue('x-phonetic-first-name')).toBe('Jon');
    expect(john.getFirstPropertyValue('x-abuid')).toBe('6B29A774-D124-4822-B8D0-2780EC117F60\\:ABPerson');
    expect(String(john.getFirstPropertyValue('bday'))).toBe('2012-06-06');
    const chloe = components.find((c) => c.getFirstPropertyValue('fn') === 'Chloé Dubois')!;
    expect(chloe.getFirstPropertyValue('x-rapport-met-how')).toBe('LinkedIn');
    expect(chloe.getFirstPropertyValue('x-rapport-met-on')).toBe('20260722');
    expect(chloe.getFirstPropertyValue('uid')).toBe(`urn:uuid:${contacts.find((c) => c.name === 'Chloé Dubois')!.id}`);
  });

  it('gives back exactly what was imported: re-importing an export changes nothing, and a new account gets the same contacts', async () => {
    const user = await createUser(env());
    for (const file of SOURCES) await importFile(env(), user, file);
    const vcard = (await exportAll(env(), user, 'vcard')).body;
    const again = await importFile(env(), user, 'export.vcf', vcard);
    expect(again.report.counts).toMatchObject({ new: 0, updated: 0, conflicts: 0, rejected: 0 });

    const fresh = await createUser(env());
    const copied = await importFile(env(), fresh, 'export.vcf', vcard);
    expect(copied.report.counts).toMatchObject({ rejected: 0, updated: 0 });
    const original = (await contactsOf(env(), user)).map(comparable);
    const copy = (await contactsOf(env(), fresh)).map(comparable);
    expect(copy).toEqual(original);
    const vcardOfCopy = (await exportAll(env(), fresh, 'vcard')).body;
    // Apart from the UIDs naming each account's contacts and the revision times, the files agree.
    const strip = (t: string) => t.replace(/\r\n /g, '').replace(/^(UID|REV):.*$/gm, '');
    expect(strip(vcardOfCopy)).toEqual(strip(vcard));
  });

  it('exports an address book of several pages in name order, each contact with its own children, kept properties and picture', async () => {
    // 501 contacts: two pages of the export; added in reverse name order, so that order comes from the names.
    const card = (i: number) => {
      const n = String(i).padStart(4, '0');
      return [
        'BEGIN:VCARD',
        'VERSION:4.0',
        `UID:urn:uuid:00000000-0000-4000-8000-00000000${n}`,
        `FN:Person ${n}`,
        `N:${n};Person;;;`,
        `EMAIL;TYPE=work;PREF=1:p${n}@work.example`,
        `EMAIL;TYPE=home:p${n}@home.example`,
        `TEL;TYPE=cell:+1 555 ${n}`,
        `URL:https://example.com/${n}`,
        `CATEGORIES:friends,tag ${i % 7}`,
        ...(i % 100 === 0 ? ['PHOTO:data:image/png;base64,iVBORw0KGgo='] : []),
        `X-RAPPORT-DIMENSION;NAME=team:t${i % 3}`,
        `X-PET:cat ${n}`,
        'END:VCARD',
        '',
      ].join('\r\n');
    };
    const numbers = Array.from({ length: 501 }, (_, i) => i);
    const user = await createUser(env());
    const imported = await importFile(env(), user, 'many.vcf', [...numbers].reverse().map(card).join(''));
    expect(imported.report.counts).toMatchObject({ new: 501, rejected: 0 });
    const vcard = (await exportAll(env(), user, 'vcard')).body;
    expect(vcard.replace(/^REV:.*\r\n/gm, '')).toBe(numbers.map(card).join(''));

    // A reader that stops after the first page (a client gone) ends the export with the page read ahead.
    const chunks: string[] = [];
    for await (const chunk of env().services.exchange.exportVcard(authenticatedScope(user.userId))) {
      chunks.push(chunk);
      break;
    }
    expect(chunks.map((c) => c.replace(/^REV:.*\r\n/gm, ''))).toEqual([numbers.slice(0, 500).map(card).join('')]);
    expect((await exportAll(env(), user, 'vcard')).body).toBe(vcard);
  });

  it('exports chosen contacts only, and refuses an id that is not yours', async () => {
    const user = await createUser(env());
    await importFile(env(), user, 'ezvcard__rfc2426-example.vcf');
    const [frank] = await contactsOf(env(), user);
    const one = await exportAll(env(), user, 'vcard', `?id=${frank!.id}`);
    expect(one.body.match(/^FN:.*$/gm)).toEqual(['FN:Frank Dawson']);
    const other = await createUser(env());
    const refused = await env().app.inject({ method: 'GET', url: `/api/v1/export/vcard?id=${frank!.id}`, headers: other.headers });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('CONTACT_NOT_FOUND');
  });

  it('writes CSV in Google layout that reads back into the same contacts', async () => {
    const user = await createUser(env());
    await importFile(env(), user, 'google__contacts_current_format.csv');
    await importFile(env(), user, 'linkedin__Connections_current_layout.csv');
    const rapia = (await contactsOf(env(), user))[0]!;
    await env().app.inject({ method: 'PATCH', url: `/api/v1/contacts/${rapia.id}`, headers: user.headers, payload: { circle: 'close', cadenceDays: 30, dimensions: { industry: 'Fintech' } } });
    const csv = (await exportAll(env(), user, 'csv')).body;
    expect(csv.split('\r\n')[0]).toBe(
      'First Name,Middle Name,Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Birthday,Notes,Labels,' +
        'E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,' +
        'Address 1 - Label,Address 1 - Formatted,Website 1 - Label,Website 1 - Value,Rapport Circle,Rapport Cadence Days,Rapport Met How,Rapport Met On,Rapport Dimensions',
    );
    const fresh = await createUser(env());
    const copied = await importFile(env(), fresh, 'contacts.csv', csv);
    expect(copied.report.format).toBe('google');
    expect(copied.report.counts).toMatchObject({ rejected: 0, updated: 0 });
    expect((await contactsOf(env(), fresh)).map(comparable)).toEqual((await contactsOf(env(), user)).map(comparable));
  });
});
