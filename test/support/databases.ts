/**
 * Which database kinds the hub suites run on, from `TILL_TEST_DATABASES`: unset, both; `pglite` (what
 * `npm run test:quick` sets) runs them on PGlite only, for an edit-test loop without a PostgreSQL server.
 * Read by the hub fixtures and by Vitest's global setup (which builds the PGlite template only when needed).
 */
import type { DbKind } from '../../hub/src/db/port';

/**
 * Parses a comma-separated list of database kinds.
 * @throws on a kind that is neither `pglite` nor `postgres`, so a typo never silently skips a database
 */
export function databasesFromEnv(value: string | undefined): DbKind[] {
  if (!value) return ['pglite', 'postgres'];
  const kinds = value.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => k !== 'pglite' && k !== 'postgres');
  if (unknown.length > 0) throw new Error(`TILL_TEST_DATABASES: unknown kind(s) ${unknown.join(', ')}`);
  return kinds as DbKind[];
}
