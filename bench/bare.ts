// The reference for the HTTP benchmark: a bare Fastify route answering GET /api/v1/contacts/:id
// with the same JSON as Rapport, from memory, with no authentication, validation or database.
import fs from 'node:fs';
import Fastify from 'fastify';

const bodies = JSON.parse(fs.readFileSync(process.env.BENCH_BODIES!, 'utf8')) as Record<string, unknown>;
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/api/v1/contacts/:id', async (request, reply) => {
  const body = bodies[request.params.id];
  return body ?? reply.code(404).send({ error: { code: 'CONTACT_NOT_FOUND' } });
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.send!({ type: 'listening', url });
process.on('message', async (message) => {
  if (message === 'stop') {
    await app.close();
    process.exit(0);
  }
});
