/** `GET /health` → `{"ok":true,"db":"pglite"|"postgres"}`, 503 when the database does not answer. */
import type { FastifyInstance } from 'fastify';
import type { Hub } from '../app';

/** Registers the health route. */
export function healthRoutes(app: FastifyInstance, hub: Hub): void {
  app.get('/health', async (_request, reply) => {
    try {
      await hub.db.query('SELECT 1');
      return { ok: true, db: hub.db.kind };
    } catch {
      return reply.status(503).send({
        ok: false,
        db: hub.db.kind,
        error: { code: 'db_unavailable', message: 'the database does not answer' },
      });
    }
  });
}
