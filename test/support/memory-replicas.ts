/**
 * Register replicas on RxDB's memory storage for tests that need a real replica but no hub: each test file
 * gets its own storage, and every replica a test opened is removed when the test ends.
 */
import { removeRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach } from 'vitest';
import { type TillDatabase, openTillDatabase } from '../../src/sync/database';

/**
 * Call once at the top level of a test file. Returns `open(name?)`: a replica on memory storage, named
 * `name` (to reopen one after closing it, as an app restart does) or a fresh name with `prefix`. After
 * each test, every replica opened is removed, closed ones included.
 */
export function memoryReplicas(prefix = 'replica') {
  const storage = getRxStorageMemory();
  const opened: TillDatabase[] = [];
  afterEach(async () => {
    const dbs = opened.splice(0);
    // An open replica removes itself; a name whose replicas were all closed is removed from the storage.
    const open = dbs.filter((db) => !db.closed);
    const closedOnly = new Set(dbs.filter((db) => db.closed).map((db) => db.name));
    for (const db of open) closedOnly.delete(db.name);
    await Promise.all([
      ...open.map((db) => db.remove()),
      ...[...closedOnly].map((name) => removeRxDatabase(name, storage)),
    ]);
  });
  return {
    storage,
    async open(name = `${prefix}-${Math.random().toString(36).slice(2, 10)}`): Promise<TillDatabase> {
      const db = await openTillDatabase({ name, storage });
      opened.push(db);
      return db;
    },
  };
}
