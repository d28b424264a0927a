import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { table, when } from '../../platform/cli/output.js';
import { resolveSkill } from '../skills/cli.js';
import { shareLink } from './model.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function feedbackCommands(program: Command, ctx: CliContext) {
  const feedback = program.command('feedback').description('ask mentors and peers for feedback through a share link');

  feedback
    .command('new')
    .description('create a feedback request and print its link (shown once)')
    .requiredOption('--message <text>', 'who you are asking and why; they see this')
    .option('--skill <name>', 'a skill to be rated (repeatable)', collect)
    .option('--question <text>', 'a question to answer (repeatable)', collect)
    .option('--for <name>', 'whom you will send it to (only you see this)')
    .option('--many', 'accept several responses (for a group), not just one')
    .option('--named', 'do not allow anonymous answers')
    .option('--days <n>', 'days until the link expires', '14')
    .action(async (o: { message: string; skill?: string[]; question?: string[]; for?: string; many?: boolean; named?: boolean; days: string }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const skills = await Promise.all((o.skill ?? []).map((name) => resolveSkill(services, scope, name)));
      const { request, token } = await services.feedback.create(scope, {
        message: o.message,
        skillIds: skills.map((s) => s.id),
        questions: o.question ?? [],
        recipient: o.for,
        responses: o.many ? 'many' : 'one',
        allowAnonymous: !o.named,
        expiresInDays: Number(o.days),
      });
      const url = shareLink(ctx.config().publicUrl, token);
      ctx.out(ctx.json() ? JSON.stringify({ request, url }) : url);
    });

  feedback
    .command('list')
    .description('your feedback requests and their status')
    .action(async () => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const items = await services.feedback.list(scope);
      if (ctx.json()) return ctx.out(JSON.stringify({ items }));
      const user = await services.accounts.getUser(scope);
      ctx.out(
        table(
          items.map((r) => ({ ...r, created: when(r.createdAt, user.timeZone).slice(0, 10), for: r.recipient ?? '', answers: r.responseCount })),
          [
            { key: 'created', label: 'CREATED' },
            { key: 'for', label: 'FOR', max: 20 },
            { key: 'status', label: 'STATUS' },
            { key: 'answers', label: 'RESPONSES' },
            { key: 'id', label: 'ID', max: 36 },
          ],
        ),
      );
    });

  feedback
    .command('show <id>')
    .description('a request with its responses')
    .action(async (id: string) => {
      const { services } = await ctx.open();
      const result = await services.feedback.get(await ctx.scope(), id);
      if (ctx.json()) return ctx.out(JSON.stringify(result));
      ctx.out(`${result.request.message} (${result.request.status}, ${result.responses.length} responses)`);
      for (const r of result.responses) {
        ctx.out(`\n${r.respondentName ?? 'Anonymous'}:`);
        for (const x of r.ratings) ctx.out(`  ${x.skillName}: ${x.rating}/5${x.comment ? ` — ${x.comment}` : ''}`);
        for (const a of r.answers) ctx.out(`  ${a.question}\n    ${a.answer}`);
      }
    });

  feedback
    .command('revoke <id>')
    .description('withdraw a request; its link stops working')
    .action(async (id: string) => {
      const { services } = await ctx.open();
      const request = await services.feedback.revoke(await ctx.scope(), id);
      ctx.out(ctx.json() ? JSON.stringify(request) : 'Withdrawn: the link no longer works.');
    });
}
