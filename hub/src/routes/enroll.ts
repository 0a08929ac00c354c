/**
 * `POST /api/v1/registers/enroll` `{"code","name"}` → `201 {"registerId","storeId","token"}`. A real code
 * works once; the demo seed's codes are reusable. Only the token's hash is stored.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Hub } from '../app';
import { hashToken, newToken } from '../domain/secrets';
import { HttpError } from '../http/errors';
import { parseOr400 } from '../http/validate';

const enrollSchema = z.object({
  code: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
});

/** Registers the enrollment route. */
export function enrollRoutes(app: FastifyInstance, hub: Hub): void {
  app.post('/api/v1/registers/enroll', async (request, reply) => {
    const body = parseOr400(enrollSchema, request.body, 'enrollment');
    const token = newToken();
    const registerId = `reg-${randomUUID()}`;
    const storeId = await hub.db.transaction(async (tx) => {
      // Single-use codes are claimed by the UPDATE itself, so two registers racing for one code cannot both win.
      const rows = await tx.query<{ store_id: string }>(
        `UPDATE enrollment_codes SET used_at = now()
         WHERE code = $1 AND (reusable OR used_at IS NULL) RETURNING store_id`,
        [body.code],
      );
      const row = rows[0];
      if (!row) throw new HttpError(403, 'invalid_code', 'unknown or already used enrollment code');
      await tx.query(
        'INSERT INTO registers (id, store_id, name, token_hash, last_seen_at) VALUES ($1, $2, $3, $4, now())',
        [registerId, row.store_id, body.name, hashToken(token)],
      );
      return row.store_id;
    });
    return reply.status(201).send({ registerId, storeId, token });
  });
}
