/**
 * The demo web store page (hub/storefront/): products with live stock from the stream. Served as a few
 * static files from memory; the folder is tiny and fixed, so no static-file plugin is needed.
 */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/schemas';

const DIR = fileURLToPath(new URL('../../storefront/', import.meta.url));
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
/** A file's bytes go out as they are (a Buffer is never serialised). */
const fileSchema = z.instanceof(Buffer).describe('an HTML, JavaScript or CSS file');

/** `/` (redirect) and `/storefront/*`. */
export const storefrontPageRoutes: FastifyPluginAsyncZod = async (app) => {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of await readdir(DIR).catch(() => [] as string[])) {
    const type = TYPES[name.split('.').pop() ?? ''];
    if (type) files.set(name, { body: await readFile(`${DIR}${name}`), type });
  }
  app.get('/', { schema: { response: { 302: z.undefined(), ...errorResponses } } }, async (_request, reply) =>
    reply.redirect('/storefront/'),
  );
  app.get(
    '/storefront/*',
    {
      schema: {
        params: z.object({ '*': z.string() }),
        response: { 200: fileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const name = request.params['*'] || 'index.html';
      const file = files.get(name);
      if (!file) {
        return reply.status(404).send({ error: { code: 'not_found', message: `no file ${name}` } });
      }
      return reply
        .header('content-type', file.type)
        .header('content-security-policy', "default-src 'self'; connect-src 'self'; style-src 'self'")
        .send(file.body);
    },
  );
};
