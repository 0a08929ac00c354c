/**
 * What every push-handler test against a real hub sets up: one PGlite hub per file (enrolled register,
 * listening on a loopback port), and a fresh memory replica with its quarantine per test. Call
 * `usePushHarness()` inside a `describe`; it registers the hooks and returns live accessors.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { HubConfig } from '../../hub/src/config';
import { type TillDatabase, openTillDatabase } from '../../src/sync/database';
import { type Quarantine, createQuarantine } from '../../src/sync/quarantine';
import { type TestHub, count, startHub } from './hub';

/** The hub and replica of the current test (valid inside `it` and the hooks after `usePushHarness`). */
export interface PushHarness {
  readonly hub: TestHub;
  readonly url: string;
  readonly token: string;
  readonly db: TillDatabase;
  readonly quarantine: Quarantine;
  /** How many of `sales` the hub stored (each counted by id). */
  onHub(sales: readonly SaleDocument[]): Promise<number>;
}

/** Registers the hooks: the hub for the file (with `config`), a replica and quarantine for each test. */
export function usePushHarness(config: Partial<HubConfig> = {}): PushHarness {
  let hub: TestHub;
  let url: string;
  let token: string;
  let db: TillDatabase;
  let quarantine: Quarantine;
  beforeAll(async () => {
    hub = await startHub('pglite', config);
    url = await hub.listen();
    ({ token } = await hub.enroll('DEMO-S1-R1'));
  });
  afterAll(async () => hub.close());
  beforeEach(async () => {
    db = await openTillDatabase({
      name: `push${Math.random().toString(36).slice(2, 10)}`,
      storage: getRxStorageMemory(),
    });
    quarantine = createQuarantine(db);
  });
  afterEach(async () => db.remove());
  return {
    get hub() {
      return hub;
    },
    get url() {
      return url;
    },
    get token() {
      return token;
    },
    get db() {
      return db;
    },
    get quarantine() {
      return quarantine;
    },
    async onHub(sales) {
      let n = 0;
      for (const sale of sales) n += await count(hub.db, 'sales', 'id = $1', [sale.id]);
      return n;
    },
  };
}

/** Sales as the rows RxDB hands a push handler. */
export const rowsOf = (sales: readonly SaleDocument[]) =>
  sales.map((d) => ({ assumedMasterState: undefined, newDocumentState: { ...d, _deleted: false } })) as never;
