import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { table } from '../../platform/cli/output.js';

async function newPassword(ctx: CliContext): Promise<string> {
  const first = await ctx.secret('Password (at least 10 characters): ');
  if (process.stdin.isTTY && (await ctx.secret('Repeat the password: ')) !== first) throw new Error('The two passwords differ.');
  return first;
}

export function accountCommands(program: Command, ctx: CliContext) {
  const user = program.command('user').description('manage accounts and their API tokens');

  user
    .command('add')
    .description('create an account (the password is read from the terminal or standard input)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .option('--time-zone <zone>', 'IANA time zone, such as Europe/Berlin')
    .action(async (options: { email: string; name: string; timeZone?: string }) => {
      const { services } = await ctx.open();
      const password = await newPassword(ctx);
      const created = await services.accounts.createUser({ email: options.email, password, displayName: options.name, timeZone: options.timeZone });
      ctx.out(ctx.json() ? JSON.stringify(created) : `Created ${created.email} (${created.id}).`);
    });

  user
    .command('list')
    .description('list accounts')
    .action(async () => {
      const { services } = await ctx.open();
      const users = await services.accounts.listUsers();
      ctx.out(ctx.json() ? JSON.stringify(users) : table(users, [
        { key: 'email', label: 'EMAIL' },
        { key: 'displayName', label: 'NAME' },
        { key: 'timeZone', label: 'TIME ZONE' },
        { key: 'createdAt', label: 'CREATED' },
      ]));
    });

  user
    .command('passwd <email>')
    .description('set a new password for an account and sign out its sessions')
    .action(async (email: string) => {
      const { services } = await ctx.open();
      await services.accounts.resetPassword(email, await newPassword(ctx));
      ctx.out(ctx.json() ? JSON.stringify({ ok: true }) : `Password changed for ${email}.`);
    });

  const token = user.command('token').description('API tokens for scripts');
  token
    .command('create <email>')
    .description('create an API token; it is printed once')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (email: string, options: { name: string }) => {
      const { services } = await ctx.open();
      const { scope } = await services.accounts.scopeForEmail(email);
      const created = await services.accounts.createToken(scope, { name: options.name });
      ctx.out(ctx.json() ? JSON.stringify(created) : created.token);
    });
  token
    .command('list <email>')
    .description("list an account's API tokens")
    .action(async (email: string) => {
      const { services } = await ctx.open();
      const { scope } = await services.accounts.scopeForEmail(email);
      const tokens = await services.accounts.listTokens(scope);
      ctx.out(ctx.json() ? JSON.stringify(tokens) : table(tokens, [
        { key: 'id', label: 'ID' },
        { key: 'name', label: 'NAME' },
        { key: 'hint', label: 'ENDS IN' },
        { key: 'createdAt', label: 'CREATED' },
        { key: 'lastUsedAt', label: 'LAST USED' },
      ]));
    });
  token
    .command('revoke <email> <id>')
    .description('revoke an API token')
    .action(async (email: string, id: string) => {
      const { services } = await ctx.open();
      const { scope } = await services.accounts.scopeForEmail(email);
      await services.accounts.revokeToken(scope, id);
      ctx.out(ctx.json() ? JSON.stringify({ ok: true }) : `Revoked ${id}.`);
    });
}
