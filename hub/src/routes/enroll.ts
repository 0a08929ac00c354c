/**
 * `POST /api/v1/registers/enroll` `{"code","name","replacesToken"?}` →
 * `201 {"registerId","storeId","token","staffKey"}`. An issued code works once and expires; the demo
 * seed's codes are reusable. Refused attempts are limited per client address (checked before the body is
 * read) and per code: over the limit, 429 `rate_limited` with `Retry-After`. Successful enrollments do
 * not count, so a shop enrolling many registers from one address is never refused.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enrollRequestSchema, enrollResponseSchema } from '@till/shared/sync/protocol';
import { enrollRegister } from '../domain/enrollment';
import { rateLimited } from '../http/errors';
import { AttemptLimiter, sourceKey } from '../http/rate-limit';
import { errorResponses } from '../http/schemas';
import type { Hub } from '../hub';
import type { Revocations } from '../streams/revocations';

/**
 * Whether an answer counts against the limits: a refusal (4xx) does — it told the caller something about
 * the code, or was malformed; a success or a hub failure (5xx) does not. So does a request whose client
 * left before the answer (it learnt nothing).
 */
const counts = (reply: FastifyReply) => reply.statusCode >= 400 && reply.statusCode < 500;

/** The enrollment route; `revocations` hears of the register a re-enrollment replaced. */
export const enrollRoutes: FastifyPluginAsyncZod<{ hub: Hub; revocations: Revocations }> = async (
  app,
  { hub, revocations },
) => {
  const perSource = new AttemptLimiter(hub.config.enrollLimits.perSource);
  const perCode = new AttemptLimiter(hub.config.enrollLimits.perCode);

  /** Takes an attempt of `limiter` for the request, settled when its answer is out; 429 when refused. */
  async function attempt(
    limiter: AttemptLimiter,
    key: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    reply.raw.once('close', onClose);
    const admission = await limiter.take(key, gone.signal);
    reply.raw.off('close', onClose);
    if (!admission.ok) throw rateLimited(admission.retryAfterSeconds, 'too many refused enrollment attempts');
    if (gone.signal.aborted || request.raw.destroyed) {
      admission.attempt.settle(false);
      return;
    }
    // 'finish': the answer is out; 'close' without it: the client left (settling twice is a no-op).
    reply.raw.once('finish', () => admission.attempt.settle(counts(reply)));
    reply.raw.once('close', () => admission.attempt.settle(false));
  }

  app.post(
    '/api/v1/registers/enroll',
    {
      schema: { body: enrollRequestSchema, response: { 201: enrollResponseSchema, ...errorResponses } },
      config: { requestNames: { body: 'enrollment' } },
      // Before the body is read: a source over its limit costs the hub nothing more.
      onRequest: async (request, reply) => attempt(perSource, sourceKey(request.ip), request, reply),
    },
    async (request, reply) => {
      await attempt(perCode, `code:${request.body.code}`, request, reply);
      const { answer, replaced } = await enrollRegister(hub, request.body);
      if (replaced) revocations.revoked(replaced);
      return reply.status(201).send(answer);
    },
  );
};
