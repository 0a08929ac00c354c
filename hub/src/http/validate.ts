/** Request validation with zod: every route parses its body, query and params through one of these. */
import type { z } from 'zod';
import { badRequest } from './errors';

/** Parses `value` with `schema` or throws a 400 `invalid_request` naming each offending field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  const summary = issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  throw badRequest('invalid_request', `invalid ${what}: ${summary}`, { issues });
}
