import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { table, when } from '../../platform/cli/output.js';
import { resolveContact } from '../contacts/cli.js';
import { calendarUrl } from './model.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function nurtureCommands(program: Command, ctx: CliContext) {
  program
    .command('today')
    .description('whom to reach out to today, follow-ups due, upcoming dates, successes and promises')
    .action(async () => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const today = await services.nurture.today(scope);
      if (ctx.json()) return ctx.out(JSON.stringify(today));
      ctx.out(`Today, ${today.date} (${today.timeZone})\n`);
      if (today.due.items.length === 0) ctx.out('Nobody is due for a check-in.');
      else {
        ctx.out(`Due for a check-in (${today.due.total}${today.due.moreThanTotal ? '+' : ''})`);
        ctx.out(
          table(
            today.due.items.map((d) => ({
              name: d.contact.displayName,
              circle: d.contact.circle ?? '',
              overdue: d.overdueDays > 0 ? plural(d.overdueDays, 'day') : 'today',
              last: d.lastInteraction ? `${when(d.lastInteraction.occurredAt, today.timeZone).slice(0, 10)} ${d.lastInteraction.summary}` : 'never',
              news: d.latestNews ? `${d.latestNews.kind.replace('_', ' ')} ${d.latestNews.date}` : '',
              id: d.contact.id,
            })),
            [
              { key: 'name', label: 'NAME', max: 28 },
              { key: 'circle', label: 'CIRCLE' },
              { key: 'overdue', label: 'OVERDUE' },
              { key: 'last', label: 'LAST CONTACT', max: 40 },
              { key: 'news', label: 'NEWS', max: 24 },
              { key: 'id', label: 'ID', max: 36 },
            ],
          ),
        );
      }
      const sections: [string, string[]][] = [
        ['Follow-ups due', today.followUps.map((f) => `${f.due}  ${f.text} (${f.contacts.map((c) => c.displayName).join(', ')})`)],
        [
          `Coming up in the next days`,
          today.upcoming.map((u) => `${u.date}  ${u.contact.displayName}: ${u.kind.replace('_', ' ')}${u.years ? ` (${u.years})` : ''}${u.inDays === 0 ? ' — today' : ''}`),
        ],
        ['Their successes to celebrate', today.successes.map((s) => `${s.event.date}  ${s.contact.displayName}: ${s.event.kind.replace('_', ' ')}${s.event.note ? ` — ${s.event.note}` : ''}`)],
        ['What you promised', today.promises.map((p) => `${p.exchange.dueOn ?? 'no date  '}  ${p.contact.displayName}: ${p.exchange.description}`)],
      ];
      for (const [title, lines] of sections) {
        if (lines.length === 0) continue;
        ctx.out(`\n${title}`);
        for (const line of lines) ctx.out(`  ${line}`);
      }
    });

  program
    .command('snooze <contact>')
    .description("put off a contact's check-in: --for week|month, or --until YYYY-MM-DD; --off ends a snooze")
    .option('--for <span>', 'week or month', 'week')
    .option('--until <date>', 'a day in the future, YYYY-MM-DD')
    .option('--off', 'end the snooze')
    .action(async (ref: string, o: { for: 'week' | 'month'; until?: string; off?: boolean }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const contact = await resolveContact(services, scope, ref);
      const updated = o.off
        ? await services.nurture.unsnooze(scope, contact.id)
        : await services.nurture.snooze(scope, contact.id, o.until ? { until: o.until } : { for: o.for });
      if (ctx.json()) return ctx.out(JSON.stringify(updated));
      const user = await services.accounts.getUser(scope);
      ctx.out(
        updated.dueAt
          ? `${updated.displayName} is next due ${when(updated.dueAt, user.timeZone).slice(0, 10)}.`
          : `${updated.displayName} has no check-in cadence.`,
      );
    });

  program
    .command('calendar-url')
    .description('print a new secret address of your calendar feed (the previous one stops working); --revoke turns it off')
    .option('--revoke', 'turn the feed off')
    .action(async (o: { revoke?: boolean }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      if (o.revoke) {
        await services.nurture.revokeCalendar(scope);
        return ctx.out(ctx.json() ? JSON.stringify({ active: false }) : 'The calendar feed is off; its address no longer works.');
      }
      const { token, createdAt } = await services.nurture.regenerateCalendar(scope);
      const url = calendarUrl(ctx.config().publicUrl, token);
      ctx.out(ctx.json() ? JSON.stringify({ url, createdAt }) : url);
    });
}
