/**
 * CORS for the hub's API. A register's page replicates straight from the hub, from its own origin
 * (`till://register` in Electron, `http://127.0.0.1:<port>` in browser mode), and a web store may read the
 * storefront API from another origin, so every origin may call. That is safe because nothing here rides on
 * ambient credentials: registers send a bearer token and storefront writes a key, never a cookie, so a
 * foreign page learns nothing it could not fetch itself.
 */
import cors from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/** Headers a register or a web store sends: the token, JSON, and SSE's resume header. */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'last-event-id',
  'idempotency-key',
];

/** Answers preflights and adds the CORS headers to every reply (event streams copy them, see sse.ts). */
export const corsPlugin: FastifyPluginAsync = fp(async (app) => {
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    credentials: false,
    // Preflights are cached by the browser for 10 minutes: a register pushes every few seconds.
    maxAge: 600,
  });
});
