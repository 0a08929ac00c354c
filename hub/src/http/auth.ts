/**
 * Who is calling, checked in `preValidation` hooks — after the body is parsed and before it is validated,
 * so a request without credentials is a 401 whatever its body. Registers send `Authorization: Bearer
 * <token>` and are scoped to their store; the web store and connectors send the storefront key for
 * writes; operators send the admin key.
 */
import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import type { RegisterAuth, RegisterIdentity } from '../domain/register-auth';
import { sameSecret } from '../domain/secrets';
import { unauthorized } from './errors';

/** The bearer token of a request, or null. */
export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** A hook that authenticates the register behind the token (401 otherwise) and sets `request.identity`. */
export function requireRegister(auth: RegisterAuth): preValidationAsyncHookHandler {
  return async (request) => {
    const token = bearer(request);
    if (!token) throw unauthorized();
    const identity = await auth.identify(token);
    if (!identity) throw unauthorized('unknown or revoked register token');
    request.identity = identity;
  };
}

/** A hook that refuses with 401 unless the request carries `Bearer <key>`. */
export function requireKey(key: string, what: string): preValidationAsyncHookHandler {
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
