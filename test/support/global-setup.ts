/**
 * Vitest global setup: builds the PGlite hub template once per run (test/support/hub-template.ts) when the
 * suites run on PGlite, and deletes it at the end.
 */
import { databasesFromEnv } from './databases';
import { TEMPLATE_ENV, buildHubTemplate } from './hub-template';

/** Runs before any test file; the returned function runs after the last. */
export default async function setup(): Promise<() => Promise<void>> {
  if (!databasesFromEnv(process.env.TILL_TEST_DATABASES).includes('pglite')) return async () => undefined;
  const template = await buildHubTemplate();
  process.env[TEMPLATE_ENV] = template.file;
  return async () => {
    delete process.env[TEMPLATE_ENV];
    await template.remove();
  };
}
