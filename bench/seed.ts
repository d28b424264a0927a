// `rapport seed --contacts N --interactions M --seed S` in its own process, as a user would run it
// before starting the server: the seed service, timed, for the benchmark's account.
import { createServices } from '../src/services.js';
import { authenticatedScope } from '../src/platform/auth/scope.js';
import { loadConfig } from '../src/platform/config.js';
import { systemDeps } from '../src/platform/deps.js';
import { openConfiguredDatabase } from '../src/platform/database/configured.js';

const env = process.env;
const db = await openConfiguredDatabase(loadConfig({}, env));
const services = createServices(systemDeps(db));
const started = performance.now();
await services.seed.bench(authenticatedScope(env.BENCH_USER_ID!), {
  contacts: Number(env.BENCH_CONTACTS),
  interactions: Number(env.BENCH_INTERACTIONS),
  seed: Number(env.BENCH_SEED),
});
const ms = performance.now() - started;
await db.close();
process.send!({ type: 'seeded', ms });
process.disconnect();
