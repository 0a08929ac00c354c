/**
 * A migrated, seeded PGlite database kept as a data-directory dump, so that each PGlite test hub starts from
 * a copy instead of running initdb, the migrations and the seed again: about 1 s per hub instead of 3 s on
 * two cores (initdb alone is 2.4 s). Vitest's global setup (test/support/global-setup.ts) builds the dump
 * once per run and names its file in `TILL_TEST_HUB_TEMPLATE`; the test workers inherit the variable.
 *
 * Built once per run, from the code of that run, and never reused across runs: a dump left over from older
 * migrations would test code that no longer exists. Under mutation testing the global setup runs with no
 * mutant active, so a mutant in the seed's path (PIN hashing, check digits) changes the hubs only through the
 * code the tests call afterwards — a hub seeded by mutated code is never shared by later mutants.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../../hub/src/db/migrate';
import { openPglite, pgliteDb } from '../../hub/src/db/pglite-adapter';
import type { Db } from '../../hub/src/db/port';
import { seedDemo } from '../../hub/src/domain/seed';

/** Environment variable naming the dump file, set by the global setup. */
export const TEMPLATE_ENV = 'TILL_TEST_HUB_TEMPLATE';

/** Products in the test catalogue (SKU-00001 … SKU-00040). */
export const TEST_PRODUCTS = 40;

/** The cheapest scrypt parameters a PIN verifier may carry: every test hub hashes four demo PINs. */
export const CHEAP_PIN_PARAMS = { logN: 14, r: 8, p: 1 };

/** Migrates and seeds an empty database the way every test hub starts. */
export async function prepareTestDatabase(db: Db, productionPins = false): Promise<void> {
  await migrate(db);
  await seedDemo(db, { products: TEST_PRODUCTS, ...(productionPins ? {} : { pinParams: CHEAP_PIN_PARAMS }) });
}

/**
 * Builds the template and writes it to a fresh file in the temporary folder.
 * @returns the file and a function that deletes it
 */
export async function buildHubTemplate(): Promise<{ file: string; remove: () => Promise<void> }> {
  const pg = await PGlite.create('memory://');
  try {
    await prepareTestDatabase(pgliteDb(pg));
    const dump = await pg.dumpDataDir('none');
    const file = path.join(os.tmpdir(), `till-hub-template-${process.pid}-${Date.now()}.tar`);
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return { file, remove: () => rm(file, { force: true }) };
  } finally {
    await pg.close();
  }
}

let cached: Promise<Blob> | null = null;

/**
 * Opens a fresh PGlite test database, migrated and seeded: a copy of the template when the global setup made
 * one, otherwise (no global setup, or the production PIN cost asked for) migrated and seeded on the spot.
 * @param productionPins seed the demo PINs with the production scrypt cost (the template has cheap ones)
 */
export async function openTestPglite(productionPins = false): Promise<Db> {
  const file = process.env[TEMPLATE_ENV];
  if (!file || productionPins) {
    const db = await openPglite('memory://');
    try {
      await prepareTestDatabase(db, productionPins);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    return db;
  }
  cached ??= readFile(file).then((bytes) => new Blob([bytes]));
  return pgliteDb(await PGlite.create({ loadDataDir: await cached }));
}
