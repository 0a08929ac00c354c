/**
 * The demo web store page (hub/storefront/): products with live stock from the stream. Served as a few
 * static files from memory; the folder is tiny and fixed, so no static-file plugin is needed.
 */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const DIR = fileURLToPath(new URL('../../storefront/', import.meta.url));
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Registers `/` (redirect) and `/storefront/*`. */
export async function storefrontPageRoutes(app: FastifyInstance): Promise<void> {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of await readdir(DIR).catch(() => [] as string[])) {
    const type = TYPES[name.split('.').pop() ?? ''];
    if (type) files.set(name, { body: await readFile(`${DIR}${name}`), type });
  }
  app.get('/', async (_request, reply) => reply.redirect('/storefront/'));
  app.get('/storefront/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'] || 'index.html';
    const file = files.get(name);
    if (!file) return reply.status(404).send({ error: { code: 'not_found', message: `no file ${name}` } });
    return reply
      .header('content-type', file.type)
      .header('content-security-policy', "default-src 'self'; connect-src 'self'; style-src 'self'")
      .send(file.body);
  });
}
