/**
 * Checks every request gets at the edge, whatever its route declares: a JSON body must be UTF-8 (415
 * otherwise), and no string of the query, the path or the body — nor an object key — may hold a NUL or
 * an unpaired surrogate (400 `invalid_request` naming the field). PostgreSQL cannot store either, so they
 * would otherwise fail inside a statement as a 500; schemas refuse them too (`text()` in schemas.ts), and
 * this guard keeps the promise for any schema that forgets.
 */
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';
import { NOT_PLAIN_TEXT, type RequestNames, isPlainText, requestPartName } from './schemas';

/**
 * Routes whose bodies are documents checked one by one, so that a bad document is named and set aside
 * (400 `invalid_documents`) instead of refusing the whole request here.
 */
const BODY_CHECKED_PER_DOCUMENT = new Set(['/api/v1/sync/:collection/push']);

/** The charset parameter of a Content-Type, lower-cased and unquoted; null when there is none. */
function charsetOf(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType);
  return match ? (match[2] ?? '').toLowerCase() : null;
}

/**
 * `preParsing`: refuses a body declared in another charset than UTF-8 (415), before it is read — the JSON
 * parser would read UTF-16 or Latin-1 bytes as UTF-8 and store whatever came out.
 */
export async function refuseForeignCharset(request: FastifyRequest): Promise<void> {
  const type = request.headers['content-type'];
  if (!type) return;
  const charset = charsetOf(type);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError(415, 'unsupported_media_type', 'send application/json in UTF-8 (or with no charset)');
  }
}

/** The path (`lines.0.name`) of the first string or key in `value` that is not plain text, or null. */
export function firstNonText(value: unknown): string | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof v === 'string') {
      if (!isPlainText(v)) return path.join('.');
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, String(i)] });
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (!isPlainText(key)) return [...path, '(key)'].join('.');
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

/** `preValidation`: refuses a request whose query, path or body holds a string that is not plain text. */
export async function refuseNonText(request: FastifyRequest): Promise<void> {
  const parts: [keyof RequestNames, unknown][] = [
    ['querystring', request.query],
    ['params', request.params],
  ];
  if (!BODY_CHECKED_PER_DOCUMENT.has(request.routeOptions.url ?? '')) parts.push(['body', request.body]);
  for (const [part, value] of parts) {
    const path = firstNonText(value);
    if (path === null) continue;
    const what = requestPartName(request, part);
    throw new HttpError(
      400,
      'invalid_request',
      `invalid ${what}: ${path ? `${path}: ` : ''}${NOT_PLAIN_TEXT}`,
      {
        issues: [{ path, message: NOT_PLAIN_TEXT }],
      },
    );
  }
}
