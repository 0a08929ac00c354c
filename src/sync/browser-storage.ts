/**
 * The replica's storage in the renderer: RxDB's Dexie storage over IndexedDB with strict durability. Chromium
 * commits IndexedDB with relaxed durability by default, which can lose the last writes on a power cut; a
 * completed sale must survive one (docs/architecture.md, Processes), so every transaction waits for the disk.
 */
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

/** The storage the renderer opens its replica and its enrollment database with. */
export function createBrowserStorage(): RxStorage<unknown, unknown> {
  return getRxStorageDexie({ chromeTransactionDurability: 'strict' }) as RxStorage<unknown, unknown>;
}
