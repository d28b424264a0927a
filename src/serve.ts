import { buildServer } from './app.js';
import type { Config } from './platform/config.js';
import { openConfiguredDatabase } from './platform/database/configured.js';
import { systemDeps } from './platform/deps.js';
import { WEB_ROOT } from './platform/http/web.js';
import { createServices } from './services.js';

const HOUR_MS = 60 * 60 * 1000;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts Rapport: migrations, HTTP, the hourly housekeeping, and a clean stop on SIGINT/SIGTERM. */
export async function startServer(config: Config, options: { handleSignals: boolean; logger: boolean }): Promise<RunningServer> {
  const db = await openConfiguredDatabase(config);
  const deps = systemDeps(db);
  const services = createServices(deps, { sessionDays: config.sessionDays });
  const app = await buildServer({ config, deps, services, logger: options.logger, webRoot: WEB_ROOT });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  const housekeeping = async () => {
    try {
      const purged = await services.trash.purgeExpired();
      await services.accounts.prune();
      if (purged > 0) app.log.info({ purged }, 'purged items older than 30 days from the trash');
    } catch (error) {
      app.log.error({ err: error }, 'housekeeping failed');
    }
  };
  void housekeeping();
  const timer = setInterval(housekeeping, HOUR_MS);
  timer.unref();

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearInterval(timer);
      await app.close();
      await db.close();
    })();
    return closing;
  };
  if (options.handleSignals) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down');
        close().then(
          () => process.exit(0),
          (error) => {
            console.error(error);
            process.exit(1);
          },
        );
      });
    }
  }
  return { url: `http://${host}:${port}`, close };
}
