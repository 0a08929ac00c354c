/**
 * A register for replication tests: an RxDB replica on memory storage, enrolled with a real hub through a
 * URL (usually a fault proxy), replicating every collection with a real SSE client. Test-only.
 */
import { EventSource } from 'eventsource';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { priceCart } from '@till/shared/domain/pricing';
import { buildSale } from '@till/shared/domain/sale-builder';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { Checkpoint } from '@till/shared/sync/protocol';
import { type TillDatabase, openTillDatabase } from '../../src/sync/database';
import type { EventStreamLike } from '../../src/sync/event-stream';
import type { Backoff } from '../../src/sync/backoff';
import { createHubClient } from '../../src/sync/hub-client';
import { recordSale } from '../../src/sync/record-sale';
import { type Replication, startReplication } from '../../src/sync/replication';

const storage = getRxStorageMemory();

/** Opens an SSE stream with the register's token in the Authorization header (never in the URL). */
export function openNodeEventStream(url: string, token: string): EventStreamLike {
  return new EventSource(url, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers ?? {}), authorization: `Bearer ${token}` } }),
  }) as unknown as EventStreamLike;
}

/** A test register. `restart()` closes and reopens its database from storage, like an app restart. */
export async function startTestRegister(options: {
  hubUrl: string;
  code?: string;
  name?: string;
  retryTime?: number;
  /** The back-off shared by its requests (default: replication's own). */
  backoff?: Backoff;
}) {
  const dbName = options.name ?? `reg${Math.random().toString(36).slice(2, 10)}`;
  let token: string | null = null;
  const client = createHubClient({ baseUrl: options.hubUrl, token: () => token, fetch, timeoutMs: 10_000 });
  const enrolled = await client.enroll(options.code ?? 'DEMO-S1-R1', dbName);
  token = enrolled.token;
  let seq = 0;

  let db: TillDatabase = await openTillDatabase({ name: dbName, storage });
  let replication: Replication = start();

  function start() {
    return startReplication({
      db,
      client,
      token: () => token,
      openEventStream: openNodeEventStream,
      retryTime: options.retryTime ?? 200,
      identifier: `test-${dbName}`,
      ...(options.backoff && { backoff: options.backoff }),
    });
  }

  return {
    enrolled,
    client,
    get db() {
      return db;
    },
    get replication() {
      return replication;
    },
    /** Rings a sale of `lines` priced from the replica's products, paid by card. */
    async sell(lines: readonly { sku: string; qty: number }[]): Promise<SaleDocument> {
      const products = await db.products.findByIds(lines.map((l) => l.sku)).exec();
      const settings = await db.settings.findOne(enrolled.storeId).exec();
      const priced = priceCart(
        {
          lines: lines.map((l, i) => {
            const p = products.get(l.sku);
            return {
              lineId: String(i + 1),
              sku: l.sku,
              name: p?.name ?? l.sku,
              qty: l.qty,
              unitPrice: p?.price ?? 100,
              taxCode: p?.taxCode ?? 'std',
            };
          }),
        },
        {
          currency: settings?.currency ?? 'USD',
          priceMode: settings?.priceMode ?? 'tax-exclusive',
          taxRates: settings?.taxRates ?? [{ code: 'std', name: 'std', ratePpm: 0 }],
        },
      );
      if (!priced.ok) throw new Error(priced.error.message);
      seq += 1;
      const built = buildSale({
        context: {
          storeId: enrolled.storeId,
          registerId: enrolled.registerId,
          clerkId: 'staff-test',
          customerId: null,
          currency: priced.value.currency,
        },
        priced: priced.value,
        tenders:
          priced.value.totals.gross > 0
            ? [{ method: 'card', amount: priced.value.totals.gross, reference: `ch_${seq}` }]
            : [],
        number: `S1-R${dbName.slice(-4)}-${String(seq).padStart(6, '0')}`,
      });
      if (!built.ok) throw new Error(built.error.message);
      const recorded = await recordSale(db, built.value);
      if (!recorded.ok) throw new Error(recorded.error.message);
      return recorded.value;
    },
    /** Closes the app and opens it again from the same storage. */
    async restart() {
      await replication.cancel();
      await db.close();
      db = await openTillDatabase({ name: dbName, storage });
      replication = start();
    },
    async close() {
      await replication.cancel();
      await db.remove();
    },
  };
}

/** A test register. */
export type TestRegister = Awaited<ReturnType<typeof startTestRegister>>;

/** A register that speaks the sync protocol over HTTP with no replica (for a second till in one process). */
export async function startTestRegisterOverHttp(hubUrl: string, code: string) {
  let token: string | null = null;
  const client = createHubClient({ baseUrl: hubUrl, token: () => token, fetch });
  const enrolled = await client.enroll(code, `http-${code}`);
  token = enrolled.token;
  return {
    ...enrolled,
    push: (docs: readonly SaleDocument[]) =>
      client.push(
        'sales',
        docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })),
      ),
    /** Pulls every page of a collection from the start. */
    async pullAll(collection: 'sales' | 'stock') {
      const docs: Record<string, unknown>[] = [];
      let checkpoint: Checkpoint | null = null;
      for (;;) {
        const page = await client.pull(collection, checkpoint, 500);
        docs.push(...page.documents);
        if (page.documents.length === 0) return docs;
        checkpoint = page.checkpoint;
      }
    },
  };
}
