import type { Command } from 'commander';
import type { Services } from '../../services.js';
import type { Scope } from '../../platform/auth/scope.js';
import type { CliContext } from '../../platform/cli/context.js';
import { table, when } from '../../platform/cli/output.js';
import { AppError } from '../../platform/errors.js';
import type { Contact } from './model.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `work:ada@example.com` → {type: 'work', value}; a bare value gets type other. */
function method(spec: string): { value: string; type: string } {
  const match = /^([a-z][\w-]{0,39}):(?!\/\/)(.+)$/i.exec(spec);
  return match ? { type: match[1]!, value: match[2]! } : { type: 'other', value: spec };
}

/** Finds a contact by id, or by a name that matches exactly one contact. */
export async function resolveContact(services: Services, scope: Scope, ref: string): Promise<Contact> {
  try {
    return await services.contacts.get(scope, ref);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONTACT_NOT_FOUND')) throw error;
  }
  const { items } = await services.contacts.list(scope, { q: ref, limit: 20 });
  const exact = items.filter((c) => c.displayName.toLowerCase() === ref.trim().toLowerCase());
  const candidates = exact.length > 0 ? exact : items;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw new AppError('CONTACT_NOT_FOUND', `No contact matches "${ref}".`, { ref });
  const names = candidates.slice(0, 5).map((c) => `${c.displayName} (${c.id})`).join(', ');
  throw new AppError('VALIDATION_FAILED', `"${ref}" matches several contacts: ${names}. Use the id.`, { fields: [{ path: 'contact', message: 'is ambiguous' }] });
}

export function formatContact(c: Contact, timeZone: string): string {
  const lines: [string, string | null][] = [
    ['Name', c.displayName],
    ['Company', [c.title, c.company].filter(Boolean).join(' at ') || null],
    ['Location', c.location],
    ['Emails', c.emails.map((e) => `${e.value} (${e.type})`).join(', ') || null],
    ['Phones', c.phones.map((p) => `${p.value} (${p.type})`).join(', ') || null],
    ['Links', c.urls.map((u) => u.value).join(', ') || null],
    ['Birthday', c.birthday],
    ['Met', [c.metHow, c.metOn].filter(Boolean).join(', ') || null],
    ['Circle', c.circle ? `${c.circle}${c.cadenceDays ? `, every ${c.cadenceDays} days` : ''}` : c.cadenceDays ? `every ${c.cadenceDays} days` : null],
    ['Tags', c.tags.join(', ') || null],
    ['Dimensions', Object.entries(c.dimensions).map(([k, v]) => `${k}: ${v}`).join(', ') || null],
    ['Last contact', c.lastInteractionAt ? when(c.lastInteractionAt, timeZone) : 'never'],
    ['Notes', c.notes],
    ['Id', c.id],
  ];
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.filter(([, v]) => v).map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

export function contactCommands(program: Command, ctx: CliContext) {
  const contact = program.command('contact').description('add, list and show contacts');

  contact
    .command('add')
    .description('create a contact')
    .option('--name <name>', 'display name (else built from --first and --last)')
    .option('--first <name>', 'first name')
    .option('--last <name>', 'last name')
    .option('--email <email>', 'email, optionally typed as work:ada@example.com (repeatable)', collect)
    .option('--phone <phone>', 'phone, optionally typed as mobile:+44 20 7946 0000 (repeatable)', collect)
    .option('--url <url>', 'web address (repeatable)', collect)
    .option('--company <company>')
    .option('--title <title>', 'job title')
    .option('--location <location>')
    .option('--birthday <date>', 'YYYY-MM-DD, or --MM-DD without a year')
    .option('--met-how <text>', 'how you met')
    .option('--met-on <date>', 'when you met, YYYY-MM-DD')
    .option('--circle <circle>', 'inner, close, network or wide')
    .option('--cadence <days>', 'keep in touch every N days')
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--dimension <name=value>', 'dimension such as industry=Fintech (repeatable)', collect)
    .option('--notes <text>')
    .action(async (o: Record<string, string | string[] | undefined>) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const list = (key: string) => (o[key] as string[] | undefined) ?? [];
      const dimensions = Object.fromEntries(
        list('dimension').map((spec) => {
          const at = spec.indexOf('=');
          if (at < 1) throw new AppError('VALIDATION_FAILED', `--dimension ${spec}: use name=value`, { fields: [{ path: 'dimension', message: 'use name=value' }] });
          return [spec.slice(0, at).trim(), spec.slice(at + 1).trim()];
        }),
      );
      const created = await services.contacts.create(scope, {
        displayName: o.name as string | undefined,
        firstName: o.first as string | undefined,
        lastName: o.last as string | undefined,
        emails: list('email').map(method),
        phones: list('phone').map(method),
        urls: list('url').map(method),
        company: o.company as string | undefined,
        title: o.title as string | undefined,
        location: o.location as string | undefined,
        birthday: o.birthday as string | undefined,
        metHow: o.metHow as string | undefined,
        metOn: o.metOn as string | undefined,
        circle: o.circle as 'inner' | undefined,
        cadenceDays: o.cadence === undefined ? undefined : Number(o.cadence),
        tags: list('tag'),
        dimensions,
        notes: o.notes as string | undefined,
      });
      ctx.out(ctx.json() ? JSON.stringify(created) : `Added ${created.displayName} (${created.id}).`);
    });

  contact
    .command('list')
    .description('list contacts')
    .option('-q, --query <text>', 'only contacts matching this text')
    .option('--tag <tag>', 'only contacts with this tag (repeatable)', collect)
    .option('--circle <circle>', 'only contacts in this circle (repeatable)', collect)
    .option('--dimension <name:value>', 'only contacts with this dimension value (repeatable)', collect)
    .option('--sort <sort>', 'name, company, lastInteraction, created; prefix - to reverse', 'name')
    .option('--limit <n>', 'how many', '50')
    .option('--cursor <cursor>', 'continue after a previous page')
    .action(async (o: { query?: string; tag?: string[]; circle?: string[]; dimension?: string[]; sort: string; limit: string; cursor?: string }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const user = await services.accounts.getUser(scope);
      const page = await services.contacts.list(scope, {
        q: o.query,
        tag: o.tag,
        circle: o.circle as 'inner'[] | undefined,
        dimension: o.dimension,
        sort: o.sort as 'name',
        limit: Number(o.limit) as number,
        cursor: o.cursor,
      });
      if (ctx.json()) return ctx.out(JSON.stringify(page));
      const rows = page.items.map((c) => ({ ...c, company: c.company ?? '', last: when(c.lastInteractionAt, user.timeZone) }));
      ctx.out(table(rows, [
        { key: 'displayName', label: 'NAME', max: 30 },
        { key: 'company', label: 'COMPANY', max: 25 },
        { key: 'circle', label: 'CIRCLE' },
        { key: 'last', label: 'LAST CONTACT' },
        { key: 'tags', label: 'TAGS', max: 30 },
        { key: 'id', label: 'ID', max: 36 },
      ]));
      if (page.nextCursor) ctx.err(`More: rapport contact list --cursor ${page.nextCursor}`);
    });

  contact
    .command('show <contact>')
    .description('show a contact by id or by name, with the latest interactions')
    .action(async (ref: string) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const user = await services.accounts.getUser(scope);
      const found = await resolveContact(services, scope, ref);
      const recent = await services.interactions.list(scope, { contactId: found.id, limit: 5 });
      if (ctx.json()) return ctx.out(JSON.stringify({ ...found, recentInteractions: recent.items }));
      ctx.out(formatContact(found, user.timeZone));
      if (recent.items.length > 0) {
        ctx.out('\nLatest interactions');
        for (const i of recent.items) ctx.out(`  ${when(i.occurredAt, user.timeZone)}  ${i.kind.replace('_', ' ')}: ${i.summary}`);
      }
    });
}
