import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.js';
import { when } from '../../platform/cli/output.js';
import { SEARCH_ENTITIES } from '../../platform/database/search.js';

export function searchCommands(program: Command, ctx: CliContext) {
  program
    .command('search <words...>')
    .description('full-text search over contacts and interactions')
    .option('--type <type>', `only ${SEARCH_ENTITIES.join(' or ')}`)
    .option('--limit <n>', 'how many results', '20')
    .action(async (words: string[], o: { type?: 'contact' | 'interaction'; limit: string }) => {
      const { services } = await ctx.open();
      const scope = await ctx.scope();
      const results = await services.search.search(scope, { q: words.join(' '), type: o.type, limit: Number(o.limit) });
      if (ctx.json()) return ctx.out(JSON.stringify({ items: results }));
      if (results.length === 0) return ctx.out('Nothing found.');
      const user = await services.accounts.getUser(scope);
      const bold = process.stdout.isTTY ? (t: string) => `\u001b[1m${t}\u001b[22m` : (t: string) => t;
      for (const r of results) {
        const head = r.type === 'contact' ? `${r.title}${r.subtitle ? ` — ${r.subtitle}` : ''}` : `${when(r.occurredAt, user.timeZone)}  ${r.title} (${r.subtitle})`;
        ctx.out(`${r.type === 'contact' ? 'contact    ' : 'interaction'}  ${head}`);
        const snippet = r.snippet.map((part) => (part.highlight ? bold(part.text) : part.text)).join('').replace(/\s+/g, ' ').trim();
        if (snippet && snippet !== r.title) ctx.out(`             ${snippet}`);
        ctx.out(`             ${r.id}`);
      }
    });
}
