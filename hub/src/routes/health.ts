/**
 * `GET /health` → `{"ok":true,"db":"pglite"|"postgres"}`; 503 `db_unavailable` with `Retry-After` when the
 * database does not answer (as every other route then answers).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DB_RETRY_AFTER_SECONDS } from '../http/errors';
import { errorBodySchema, errorResponses } from '../http/schemas';
import type { Hub } from '../hub';

const dbKindSchema = z.enum(['pglite', 'postgres']);

/** The health route. */
export const healthRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: z.object({ ok: z.literal(true), db: dbKindSchema }),
          503: errorBodySchema.extend({ ok: z.literal(false), db: dbKindSchema }),
          ...errorResponses,
        },
      },
    },
    async (_request, reply) => {
      try {
        await hub.repos.health.ping();
        return { ok: true as const, db: hub.db.kind };
      } catch {
        return reply
          .status(503)
          .header('retry-after', String(DB_RETRY_AFTER_SECONDS))
          .send({
            ok: false,
            db: hub.db.kind,
            error: { code: 'db_unavailable', message: 'the database does not answer' },
          });
      }
    },
  );
};
