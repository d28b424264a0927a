import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { when } from '../../platform/cli/output.js';
import { parseLocalDateTime } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { resolveContact } from '../contacts/cli.js';
import { KINDS, type InteractionKind } from './model.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function interactionCommands(program: Command, ctx: CliContext) {
  program
    .command('log')
    .description('record an interaction from the command line')
    .requiredOption('--with <contact>', 'who was there: an id or a name (repeatable)', collect)
    .requiredOption('-s, --summary <text>', 'what it was about, in a line')
    .option('-k, --kind <kind>', `one of ${KINDS.join(', ')}`, 'meeting')
    .option('--at <when>', 'when: YYYY-MM-DD [HH:MM] in your time zone, or an ISO instant (default: now)')
    .option('--channel <channel>', 'where: Zoom, phone, a café…')
    .option('--notes <text>', 'what happened')
    .option('--needs <text>', 'what they need')
    .option('--challenges <text>', 'what they struggle with')
    .option('--plans <text>', 'what they plan')
    .option('--learned <text>', 'what I learned')
    .option('--quality <1-5>', 'how good it was')
    .option('--follow-up <text>', 'something to do next')
    .option('--due <date>', 'when the follow-up is due, YYYY-MM-DD')
    .action(async (o: Record<string, string | string[] | undefined>) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const user = await services.accounts.getUser(scope);
      const participants = await Promise.all((o.with as string[]).map((ref) => resolveContact(services, scope, ref)));
      const at = o.at === undefined ? new Date().toISOString() : parseLocalDateTime(o.at as string, user.timeZone);
      if (!at) throw new AppError('VALIDATION_FAILED', `--at ${o.at}: use YYYY-MM-DD, YYYY-MM-DD HH:MM or an ISO instant`, { fields: [{ path: 'at', message: 'is not a date' }] });
      const created = await services.interactions.create(scope, {
        participantIds: participants.map((p) => p.id),
        kind: o.kind as InteractionKind,
        summary: o.summary as string,
        occurredAt: at,
        channel: o.channel as string | undefined,
        notes: o.notes as string | undefined,
        shared: { needs: o.needs as string | undefined, challenges: o.challenges as string | undefined, plans: o.plans as string | undefined },
        learned: o.learned as string | undefined,
        quality: o.quality === undefined ? undefined : Number(o.quality),
        followUp: o.followUp === undefined ? undefined : { text: o.followUp as string, due: (o.due as string | undefined) ?? null },
      });
      if (ctx.json()) return ctx.out(JSON.stringify(created));
      const names = created.participants.map((p) => p.displayName).join(', ');
      ctx.out(`Logged ${created.kind.replace('_', ' ')} with ${names} at ${when(created.occurredAt, user.timeZone)} (${created.id}).`);
    });
}
