/**
 * `POST /api/v1/registers/enroll` `{"code","name"}` → `201 {"registerId","storeId","token"}`. A real code
 * works once; the demo seed's codes are reusable. Only the token's hash is stored.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enrollRequestSchema, enrollResponseSchema } from '@till/shared/sync/protocol';
import { enrollRegister } from '../domain/enrollment';
import { errorResponses } from '../http/schemas';
import type { Hub } from '../hub';

/** The enrollment route. */
export const enrollRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  app.post(
    '/api/v1/registers/enroll',
    {
      schema: { body: enrollRequestSchema, response: { 201: enrollResponseSchema, ...errorResponses } },
      config: { requestNames: { body: 'enrollment' } },
    },
    async (request, reply) => reply.status(201).send(await enrollRegister(hub, request.body)),
  );
};
