import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { when } from '../../platform/cli/output.js';
import { AppError } from '../../platform/errors.js';
import { resolveSkill } from '../skills/cli.js';
import type { Review } from './model.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function printReview(out: (t: string) => void, r: Review) {
  const f = r.figures;
  out(`Week of ${r.weekStart} to ${r.weekEnd}${r.completedAt ? ' (done)' : ''}; streak ${r.streak} week${r.streak === 1 ? '' : 's'}`);
  out(`  ${f.interactions} interactions, ${f.newContacts} new contacts, ${f.followUpsDone} follow-ups done, ${f.followUpsMissed} missed, ${f.reflections} reflections, ${f.skillsPractised} skills practised`);
  if (r.previousPlan) out(`  Last plan (${r.previousPlan.weekStart}): ${r.previousPlan.plan}${r.planOutcome ? ` — ${r.planOutcome}` : ''}`);
  out('\nPrompts');
  r.prompts.forEach((p, i) => {
    out(`  ${i + 1}. ${p}`);
    const answer = r.answers.find((a) => a.prompt === p);
    if (answer) out(`     ${answer.answer}`);
  });
  if (r.nextWeekPlan) out(`\nNext week I will try: ${r.nextWeekPlan}`);
}

export function reflectCommands(program: Command, ctx: CliContext) {
  program
    .command('reflect <interaction>')
    .description('reflect on an interaction (an id, or "last"); without options, show the reflection')
    .option('--went-well <text>')
    .option('--improve <text>', 'what to do better')
    .option('--missed <text>', 'missed opportunities')
    .option('--connection <1-5>', 'connection quality')
    .option('--communication <1-5>', 'communication effectiveness')
    .option('--notes <text>')
    .option('--skill <name>', 'a skill you practised (repeatable)', collect)
    .action(async (ref: string, o: { wentWell?: string; improve?: string; missed?: string; connection?: string; communication?: string; notes?: string; skill?: string[] }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      let id = ref;
      if (ref === 'last') {
        const latest = (await services.interactions.list(scope, { limit: 1 })).items[0];
        if (!latest) throw new AppError('INTERACTION_NOT_FOUND', 'You have not logged an interaction yet.');
        id = latest.id;
      }
      const writing = [o.wentWell, o.improve, o.missed, o.connection, o.communication, o.notes, o.skill].some((v) => v !== undefined);
      const reflection = writing
        ? await services.reflect.save(scope, id, {
            wentWell: o.wentWell,
            toImprove: o.improve,
            missedOpportunities: o.missed,
            connectionQuality: o.connection === undefined ? undefined : Number(o.connection),
            communicationEffectiveness: o.communication === undefined ? undefined : Number(o.communication),
            notes: o.notes,
            skillIds: (await Promise.all((o.skill ?? []).map((s) => resolveSkill(services, scope, s)))).map((s) => s.id),
          })
        : await services.reflect.get(scope, id);
      if (ctx.json()) return ctx.out(JSON.stringify(reflection));
      const user = await services.accounts.getUser(scope);
      ctx.out(`${reflection.interactionSummary} (${when(reflection.occurredAt, user.timeZone)}, with ${reflection.participants.map((p) => p.displayName).join(', ')})`);
      const lines: [string, string | number | null][] = [
        ['Went well', reflection.wentWell],
        ['To improve', reflection.toImprove],
        ['Missed', reflection.missedOpportunities],
        ['Connection', reflection.connectionQuality],
        ['Communication', reflection.communicationEffectiveness],
        ['Skills', reflection.skills.map((s) => s.name).join(', ') || null],
        ['Notes', reflection.notes],
      ];
      for (const [label, value] of lines) if (value !== null) ctx.out(`  ${label.padEnd(13)}  ${value}`);
    });

  program
    .command('review')
    .description("this week's review: figures and prompts; with options, save answers and your plan")
    .option('--week <YYYY-MM-DD>', 'the first day of another week')
    .option('--answer <n=text>', 'answer prompt n (repeatable)', collect)
    .option('--plan <text>', 'what you will try next week')
    .option('--outcome <yes|partly|no>', "whether you tried last week's plan")
    .option('--outcome-note <text>')
    .option('--complete', 'finish the review (it counts toward your streak)')
    .action(async (o: { week?: string; answer?: string[]; plan?: string; outcome?: 'yes'; outcomeNote?: string; complete?: boolean }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      let review = await services.reflect.review(scope, o.week);
      const saving = o.answer || o.plan !== undefined || o.outcome !== undefined || o.outcomeNote !== undefined || o.complete;
      if (saving) {
        const given = new Map(review.answers.map((a) => [a.prompt, a.answer]));
        for (const spec of o.answer ?? []) {
          const match = /^(\d+)=(.*)$/s.exec(spec);
          const prompt = match ? review.prompts[Number(match[1]) - 1] : undefined;
          if (!match || !prompt) throw new AppError('VALIDATION_FAILED', `--answer ${spec}: use n=text with n from 1 to ${review.prompts.length}`, { fields: [{ path: 'answer', message: 'use n=text' }] });
          given.set(prompt, match[2]!);
        }
        review = await services.reflect.saveReview(scope, review.weekStart, {
          answers: [...given].map(([prompt, answer]) => ({ prompt, answer })),
          nextWeekPlan: o.plan ?? review.nextWeekPlan,
          planOutcome: o.outcome ?? review.planOutcome,
          planOutcomeNote: o.outcomeNote ?? review.planOutcomeNote,
          complete: Boolean(o.complete),
        });
      }
      if (ctx.json()) return ctx.out(JSON.stringify(review));
      printReview(ctx.out, review);
    });
}
