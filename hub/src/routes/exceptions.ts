/**
 * `GET /api/v1/exceptions` (admin key): what a person must resolve — sales of unknown SKUs, oversells
 * found on reconciliation, orders that can no longer be fulfilled. `POST …/:id/resolve` closes one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireKey } from '../http/auth';
import { notFound } from '../http/errors';
import { errorResponses, text } from '../http/schemas';
import type { Hub } from '../hub';
import { exceptionKinds } from '../repositories/exceptions';

const listSchema = z.object({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  kind: z.enum(exceptionKinds).optional(),
  storeId: text(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const exceptionSchema = z.object({
  id: z.number(),
  kind: z.string(),
  storeId: z.string().nullable(),
  sku: z.string().nullable(),
  saleId: z.string().nullable(),
  orderId: z.string().nullable(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  status: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});

/** The exception routes. */
export const exceptionRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  app.addHook('onRequest', requireKey(hub.config.adminKey, 'admin'));

  app.get(
    '/api/v1/exceptions',
    {
      schema: {
        querystring: listSchema,
        response: { 200: z.object({ exceptions: z.array(exceptionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ exceptions: await hub.repos.exceptions.list(request.query) }),
  );

  app.post(
    '/api/v1/exceptions/:id/resolve',
    {
      schema: {
        params: z.object({ id: z.coerce.number().int().min(1) }),
        body: z.object({ resolution: text(500, 1) }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
      config: { requestNames: { body: 'resolution' } },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await hub.repos.exceptions.resolve(id, request.body.resolution)))
        throw notFound('unknown_exception', `no exception ${id}`);
      return { ok: true as const };
    },
  );
};
