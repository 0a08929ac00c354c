/**
 * Serves the built renderer (out/renderer) over HTTP, read-only, to loopback Host names only. Every answer
 * carries the page's Content Security Policy (src/backend/csp.ts: it names the enrolled hub, so it is
 * computed per request) and a little hardening.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { rendererCsp } from '../backend/csp';
import { resolveRendererFile } from '../backend/renderer-files';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-cache',
};

/**
 * Builds the HTTP request handler for one renderer folder and the Host names we answer to. `csp` gives the
 * page's policy at the time of the request (a new enrollment's hub shows up on the next page load).
 */
export function serveRendererFiles(
  rendererDir: string,
  hosts: ReadonlySet<string>,
  csp: () => Promise<string> | string,
) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let policy = rendererCsp({ hubOrigins: [] });
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
      response.writeHead(status, {
        ...securityHeaders,
        'content-security-policy': policy,
        'content-type': type,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    // A foreign Host means a DNS-rebinding page or a proxy: nothing of ours is for it.
    if (!request.headers.host || !hosts.has(request.headers.host)) return send(403, 'Forbidden\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed\n');

    const pathname = new URL(request.url ?? '/', 'http://placeholder').pathname;
    const file = resolveRendererFile(rendererDir, pathname);
    if (!file) return send(404, 'Not found\n');
    // A policy governs documents; other files keep the strict one above, which needs no file read.
    if (path.extname(file) === '.html') policy = await csp();
    try {
      const body = await readFile(file);
      send(200, body, contentTypes[path.extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      if (pathname === '/' || pathname === '/index.html') {
        return send(
          503,
          'The register page is not built yet: run `npm run build` (npm start does it for you).\n',
        );
      }
      const code = (error as NodeJS.ErrnoException).code;
      send(code === 'ENOENT' || code === 'EISDIR' ? 404 : 500, code === 'ENOENT' ? 'Not found\n' : 'Error\n');
    }
  };
}
