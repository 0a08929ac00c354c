/**
 * Who is calling, checked in `onRequest` hooks — before the body is read, so a request without valid
 * credentials is a 401 at once, however slowly or hugely its body would have come (the answer also
 * closes the connection: see `sendHttpError`). Registers send `Authorization: Bearer <token>` and are
 * scoped to their store; the web store and connectors send the storefront key for writes; operators send
 * the admin key. The hooks also work in `preValidation`, where a route plugin may still add them: a
 * request authenticated already is not looked up twice.
 */
import type { FastifyRequest } from 'fastify';
import type { RegisterAuth, RegisterIdentity } from '../domain/register-auth';
import { sameSecret } from '../domain/secrets';
import { unauthorized } from './errors';

/** A hook that refuses the request (throws) unless its credentials are good. */
export type AuthHook = (request: FastifyRequest) => Promise<void>;

/** The bearer token of a request, or null. */
export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** A hook that authenticates the register behind the token (401 otherwise) and sets `request.identity`. */
export function requireRegister(auth: RegisterAuth): AuthHook {
  return async (request) => {
    if (request.identity) return;
    const token = bearer(request);
    if (!token) throw unauthorized();
    const identity = await auth.identify(token);
    if (!identity) throw unauthorized('unknown or revoked register token');
    request.identity = identity;
  };
}

/** A hook that refuses with 401 unless the request carries `Bearer <key>`. */
export function requireKey(key: string, what: string): AuthHook {
  return async (request) => {
    const token = bearer(request);
    if (!token || !sameSecret(token, key)) throw unauthorized(`the ${what} key is required`);
  };
}

/** The register `requireRegister` authenticated; throws if the route forgot the hook. */
export function identityOf(request: FastifyRequest): RegisterIdentity {
  if (!request.identity) throw new Error(`${request.routeOptions.url} has no register authentication hook`);
  return request.identity;
}
