/**
 * The demo web store (hub/storefront/): catalogue, cart, checkout and order pages with live stock from the
 * stream. Served as a few static files from memory (plus the QR code module of the `qrcode-generator`
 * package, so the page draws an order's QR itself); the folder is tiny and fixed, so no static-file
 * plugin is needed. Every file goes out with a strict Content Security Policy: scripts, styles and
 * connections from this origin only, no inline code, never framed.
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/schemas';

const DIR = fileURLToPath(new URL('../../storefront/', import.meta.url));
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
/** A file's bytes go out as they are (a Buffer is never serialised). */
const fileSchema = z.instanceof(Buffer).describe('an HTML, JavaScript or CSS file');
const CSP = [
  "default-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The ES module build of `qrcode-generator` (its package exports it for `import`). */
async function qrModule(): Promise<Buffer | null> {
  try {
    const main = createRequire(import.meta.url).resolve('qrcode-generator');
    return await readFile(join(dirname(main), 'qrcode.mjs'));
  } catch {
    return null;
  }
}

/** `/` (redirect) and `/storefront/*`. */
export const storefrontPageRoutes: FastifyPluginAsyncZod = async (app) => {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of await readdir(DIR).catch(() => [] as string[])) {
    const type = TYPES[name.split('.').pop() ?? ''];
    if (type) files.set(name, { body: await readFile(`${DIR}${name}`), type });
  }
  const qr = await qrModule();
  if (qr) files.set('qrcode.mjs', { body: qr, type: 'text/javascript; charset=utf-8' });
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
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .send(file.body);
    },
  );
};
