// The Rapport server under test, in its own process: seeds the benchmark data through the seed
// service (timed), then starts the server as `rapport serve` does and waits to be told to stop.
import { createServices } from '../src/app.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { loadConfig } from '../src/platform/config.js';
import { systemDeps } from '../src/platform/deps.js';
import { openConfiguredDatabase, startServer } from '../src/serve.js';

const send = (message: unknown) => process.send!(message);
const env = process.env;
const config = loadConfig({ port: 0 }, env);

const db = await openConfiguredDatabase(config);
const services = createServices(systemDeps(db));
const started = performance.now();
await services.seed.bench(authenticatedScope(env.BENCH_USER_ID!), {
  contacts: Number(env.BENCH_CONTACTS),
  interactions: Number(env.BENCH_INTERACTIONS),
  seed: Number(env.BENCH_SEED),
});
send({ type: 'seeded', ms: performance.now() - started });
await db.close();

const server = await startServer(config, { handleSignals: false, logger: true });
send({ type: 'listening', url: server.url });
process.on('message', async (message) => {
  if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
});
