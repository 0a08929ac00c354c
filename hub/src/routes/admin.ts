/**
 * Register administration (admin key): issue an enrollment code for a store, list the registers, revoke
 * one. A revoked register's token answers 401 at once in every hub process and its open streams close.
 *
 * - `POST /api/v1/admin/enrollment-codes {storeId, ttlHours?}` → `201 {code, storeId, expiresAt}`
 * - `GET /api/v1/admin/registers?storeId=` → `{registers: [{id, storeId, name, enrolledAt, lastSeenAt, revokedAt}]}`
 * - `POST /api/v1/admin/registers/:id/revoke` → `{register}` (revoking again keeps the first time)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueEnrollmentCode, revokeRegister } from '../domain/enrollment';
import { requireKey } from '../http/auth';
import { notFound } from '../http/errors';
import { errorResponses, text } from '../http/schemas';
import type { Hub } from '../hub';
import type { Revocations } from '../streams/revocations';

/** The longest an issued code may live: 90 days. */
const MAX_TTL_HOURS = 90 * 24;

const registerSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  name: z.string(),
  enrolledAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** The admin routes; `revocations` is told of a revocation at once, before any notification. */
export const adminRoutes: FastifyPluginAsyncZod<{ hub: Hub; revocations: Revocations }> = async (
  app,
  { hub, revocations },
) => {
  app.addHook('onRequest', requireKey(hub.config.adminKey, 'admin'));

  app.post(
    '/api/v1/admin/enrollment-codes',
    {
      schema: {
        body: z.object({
          storeId: text(64, 1),
          ttlHours: z.int().min(1).max(MAX_TTL_HOURS).optional(),
        }),
        response: {
          201: z.object({ code: z.string(), storeId: z.string(), expiresAt: z.string() }),
          ...errorResponses,
        },
      },
      config: { requestNames: { body: 'enrollment code request' } },
    },
    async (request, reply) => {
      const { storeId, ttlHours } = request.body;
      const issued = await issueEnrollmentCode(hub, storeId, ttlHours ?? hub.config.enrollCodeTtlHours);
      return reply.status(201).send(issued);
    },
  );

  app.get(
    '/api/v1/admin/registers',
    {
      schema: {
        querystring: z.object({ storeId: text(64, 1).optional() }),
        response: { 200: z.object({ registers: z.array(registerSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ registers: await hub.repos.registers.list(request.query.storeId) }),
  );

  app.post(
    '/api/v1/admin/registers/:id/revoke',
    {
      schema: {
        params: z.object({ id: text(64, 1) }),
        response: { 200: z.object({ register: registerSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const register = await revokeRegister(hub, id);
      if (!register) throw notFound('unknown_register', `no register ${id}`);
      revocations.revoked(id);
      return { register };
    },
  );
};
