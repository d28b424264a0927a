// The Rapport server under test, in its own process, started as `rapport serve` starts it.
import { loadConfig } from '../src/platform/config.js';
import { startServer } from '../src/serve.js';

const server = await startServer(loadConfig({ port: 0 }, process.env), { handleSignals: false, logger: true });
process.send!({ type: 'listening', url: server.url });
process.on('message', async (message) => {
  if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
});
