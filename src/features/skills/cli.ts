import type { Command } from 'commander';
import type { Services } from '../../services.js';
import type { Scope } from '../../platform/auth/scope.js';
import type { CliContext } from '../../platform/cli/context.js';
import { table, when } from '../../platform/cli/output.js';
import { AppError } from '../../platform/errors.js';
import { nameKey, type Skill } from './model.js';

/** A skill by id or by name, without case. */
export async function resolveSkill(services: Services, scope: Scope, ref: string): Promise<Skill> {
  const skills = await services.skills.list(scope, { includeArchived: true });
  const found = skills.find((s) => s.id === ref) ?? skills.find((s) => nameKey(s.name) === nameKey(ref));
  if (!found) throw new AppError('SKILL_NOT_FOUND', `No skill called "${ref}". Your skills: ${skills.filter((s) => !s.archived).map((s) => s.name).join(', ')}.`, { ref });
  return found;
}

const VERDICT_TEXT = { blind_spot: 'blind spot', hidden_strength: 'hidden strength', aligned: 'aligned', not_enough_data: '' } as const;

export function skillCommands(program: Command, ctx: CliContext) {
  const skills = program.command('skills').description('your networking skills: list, rate, add, show');

  skills
    .command('list', { isDefault: true })
    .description('list skills with your latest self-rating and how others rate you')
    .action(async () => {
      const { services } = await ctx.open();
      const list = await services.skills.list(await ctx.scope());
      if (ctx.json()) return ctx.out(JSON.stringify({ items: list }));
      ctx.out(
        table(
          list.map((s) => ({ name: s.name, self: s.gap.self ?? '', others: s.gap.others === null ? '' : `${s.gap.others} (${s.gap.othersCount})`, gap: VERDICT_TEXT[s.gap.verdict] })),
          [
            { key: 'name', label: 'SKILL', max: 30 },
            { key: 'self', label: 'YOU' },
            { key: 'others', label: 'OTHERS' },
            { key: 'gap', label: 'GAP' },
          ],
        ),
      );
    });

  skills
    .command('rate <skill> <rating>')
    .description('rate yourself 1 to 5 on a skill')
    .option('--note <text>', 'why, or what you noticed')
    .action(async (ref: string, rating: string, o: { note?: string }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const skill = await resolveSkill(services, scope, ref);
      const saved = await services.skills.rate(scope, skill.id, { rating: Number(rating), note: o.note });
      ctx.out(ctx.json() ? JSON.stringify(saved) : `Rated ${skill.name} ${saved.rating}/5.`);
    });

  skills
    .command('add <name>')
    .description('add a skill of your own')
    .option('--description <text>')
    .action(async (name: string, o: { description?: string }) => {
      const { services } = await ctx.open();
      const created = await services.skills.create(await ctx.scope(), { name, description: o.description });
      ctx.out(ctx.json() ? JSON.stringify(created) : `Added ${created.name}.`);
    });

  skills
    .command('show <skill>')
    .description('every rating of a skill, yours and others’, and its resources')
    .action(async (ref: string) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const user = await services.accounts.getUser(scope);
      const detail = await services.skills.detail(scope, (await resolveSkill(services, scope, ref)).id);
      if (ctx.json()) return ctx.out(JSON.stringify(detail));
      ctx.out(`${detail.skill.name}${detail.skill.description ? ` — ${detail.skill.description}` : ''}`);
      for (const r of detail.ratings) {
        const who = r.source === 'self' ? 'you' : (r.from ?? 'anonymous');
        ctx.out(`  ${when(r.ratedAt, user.timeZone).slice(0, 10)}  ${r.rating}/5  ${who}${r.note ? `: ${r.note}` : ''}`);
      }
      for (const res of detail.resources) ctx.out(`  ${res.kind}: ${res.title} (${res.status.replace('_', ' ')})`);
    });
}
