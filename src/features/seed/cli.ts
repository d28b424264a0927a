import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { AppError } from '../../platform/errors.js';
import type { SeedProgress } from './service.js';

/** A whole number from a flag, or a validation error naming the flag. */
function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw new AppError('VALIDATION_FAILED', `--${flag} ${value}: must be a whole number`, { fields: [{ path: flag, message: 'must be a whole number' }] });
  }
  return Number(value);
}

/** One progress line, redrawn in place on a terminal; nothing when stderr is a file or a pipe. */
function progressLine(): ((p: SeedProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    const share = p.total ? ` ${Math.floor((100 * p.done) / Math.max(p.total, 1))}%` : '';
    const detail = p.stage === 'contacts' || p.stage === 'interactions' ? ` ${p.done.toLocaleString('en')}` : '';
    process.stderr.write(`\r\u001b[2KSeeding ${p.stage}${detail}${share}`);
  };
}

export function seedCommands(program: Command, ctx: CliContext) {
  program
    .command('seed')
    .description('fill an account with a demo network (--demo) or with deterministic benchmark data')
    .option('--demo', 'a realistic demo network: about 300 people and three years of interactions up to today')
    .option('--force', 'add the demo network even if the account already has contacts')
    .option('--contacts <n>', 'benchmark data: how many contacts')
    .option('--interactions <n>', 'benchmark data: how many interactions', '0')
    .option('--seed <s>', 'benchmark data: the random seed; the same seed gives the same data', '1')
    .action(async (o: { demo?: boolean; force?: boolean; contacts?: string; interactions: string; seed: string }) => {
      if (Boolean(o.demo) === (o.contacts !== undefined)) {
        throw new AppError('VALIDATION_FAILED', 'Choose one: --demo, or --contacts N [--interactions M] [--seed S].', { fields: [{ path: 'demo', message: 'give --demo or --contacts' }] });
      }
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const onProgress = progressLine();
      const started = performance.now();
      let counts;
      try {
        counts = o.demo
          ? await services.seed.demo(scope, { force: Boolean(o.force), onProgress })
          : await services.seed.bench(scope, { contacts: count('contacts', o.contacts)!, interactions: count('interactions', o.interactions)!, seed: count('seed', o.seed)! }, { onProgress });
      } catch (error) {
        if (error instanceof AppError && error.code === 'ACCOUNT_NOT_EMPTY') {
          throw new AppError(error.code, `${error.message} Run \`rapport seed --demo --force\` to add it anyway.`);
        }
        throw error;
      } finally {
        if (onProgress) process.stderr.write('\r\u001b[2K');
      }
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      if (ctx.json()) return ctx.out(JSON.stringify({ ...counts, seconds }));
      ctx.out(`Added ${counts.contacts.toLocaleString('en')} contacts and ${counts.interactions.toLocaleString('en')} interactions in ${seconds} s.`);
    });
}
