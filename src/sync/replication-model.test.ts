/**
 * Model-based test of replication (issue: register replica). fast-check generates interleavings of sales on
 * two registers of one store, outages, lost acknowledgements, register restarts (database reopened from
 * storage) and hub restarts; after a final sync it checks that no acknowledged sale is lost, none is applied
 * twice, hub stock equals the ledger recomputed from scratch and every register converges.
 *
 * Register A is a full RxDB replica behind a fault proxy. Register B speaks the sync protocol over HTTP
 * (RxDB's free build allows 13 open collections per realm, fewer than two replicas) with its own queue and
 * at-least-once resends, like another point of sale.
 */
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../hub/src/app';
import { DATABASES, count, ledgerMismatches, level, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { startFaultProxy } from '../../test/support/fault-proxy';
import { startTestRegister, startTestRegisterOverHttp } from '../../test/support/register';
import { eventually } from '../../test/support/eventually';

const SKUS = ['SKU-00011', 'SKU-00012', 'SKU-00013'];

type Action =
  | { kind: 'sellA'; sku: number; qty: number }
  | { kind: 'sellB'; sku: number; qty: number }
  | { kind: 'outage'; down: boolean }
  | { kind: 'loseAcks'; n: number }
  | { kind: 'restartRegister' }
  | { kind: 'restartHub' }
  | { kind: 'flushB' };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('sellA' as const),
      sku: fc.nat(2),
      qty: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sellB' as const),
      sku: fc.nat(2),
      qty: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('outage' as const), down: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('loseAcks' as const), n: fc.integer({ min: 1, max: 3 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartRegister' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartHub' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'flushB' as const }) },
);

describe.each(DATABASES)('replication model on %s', (kind) => {
  it('after any interleaving and a final sync: nothing lost, nothing twice, stock = ledger, registers converge', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 4, maxLength: 14 }), async (actions) => {
        const hub = await startHub(kind);
        let app = hub.app;
        await app.listen({ port: 0, host: '127.0.0.1' });
        const port = (app.server.address() as AddressInfo).port;
        const proxy = await startFaultProxy(`http://127.0.0.1:${port}`);
        const a = await startTestRegister({ hubUrl: proxy.url, code: 'DEMO-S1-R1', retryTime: 100 });
        const b = await startTestRegisterOverHttp(proxy.url, 'DEMO-S1-R2');
        try {
          await a.replication.awaitInitial();
          const initial = new Map<string, number>();
          for (const sku of SKUS) initial.set(sku, (await level(hub.db, 'store-1', sku)).onHand);
          const sold = new Map<string, number>();
          const expected: SaleDocument[] = [];
          let queueB: SaleDocument[] = [];

          const flushB = async () => {
            try {
              await b.push(queueB);
              queueB = [];
            } catch {
              // Down or ack lost: keep the queue and send it again later (at least once).
            }
          };

          for (const action of actions) {
            switch (action.kind) {
              case 'sellA':
              case 'sellB': {
                const sku = SKUS[action.sku] as string;
                sold.set(sku, (sold.get(sku) ?? 0) + action.qty);
                if (action.kind === 'sellA') expected.push(await a.sell([{ sku, qty: action.qty }]));
                else {
                  const sale = makeSale('store-1', [{ sku, qty: action.qty }], { registerId: b.registerId });
                  expected.push(sale);
                  queueB.push(sale);
                }
                break;
              }
              case 'outage':
                proxy.set({ down: action.down });
                if (action.down) proxy.cutStreams();
                break;
              case 'loseAcks':
                proxy.set({ dropResponses: action.n, dropPath: /\/push/ });
                break;
              case 'restartRegister':
                await a.restart();
                break;
              case 'restartHub':
                await app.close();
                app = await createApp({ db: hub.db });
                await app.listen({ port, host: '127.0.0.1' });
                break;
              case 'flushB':
                await flushB();
                break;
            }
          }

          // Final sync: the network is back and every queue drains.
          proxy.set({ down: false, dropResponses: 0 });
          await eventually(
            async () => {
              if (queueB.length > 0) await flushB();
              a.replication.reSync();
              return (
                queueB.length === 0 &&
                (await count(hub.db, 'sales', 'store_id = $1', ['store-1'])) >= expected.length
              );
            },
            30_000,
            'every sale on the hub',
          );

          // Nothing lost, nothing twice.
          expect(await count(hub.db, 'sales', 'store_id = $1', ['store-1'])).toBe(expected.length);
          for (const sale of expected) expect(await count(hub.db, 'sales', 'id = $1', [sale.id])).toBe(1);
          // Stock exact, and equal to the ledger recomputed from scratch.
          for (const sku of SKUS) {
            expect((await level(hub.db, 'store-1', sku)).onHand).toBe(
              (initial.get(sku) ?? 0) - (sold.get(sku) ?? 0),
            );
          }
          expect(await ledgerMismatches(hub.db)).toEqual([]);
          // Register A converges: every sale of the store, and the hub's levels.
          await eventually(
            async () => {
              a.replication.reSync();
              const ids = await a.db.sales.findByIds(expected.map((s) => s.id)).exec();
              if (ids.size !== expected.length) return false;
              for (const sku of SKUS) {
                const local = await a.db.stock.findOne(`store-1:${sku}`).exec();
                if (local?.onHand !== (await level(hub.db, 'store-1', sku)).onHand) return false;
              }
              return true;
            },
            30_000,
            'register A converged',
          );
          // Register B (protocol level) pulls every other sale of the store; its own it already has.
          const pulled = new Set((await b.pullAll('sales')).map((d) => d.id));
          for (const sale of expected) expect(pulled.has(sale.id)).toBe(sale.registerId !== b.registerId);
        } finally {
          await a.close();
          await proxy.close();
          await app.close();
          await hub.close();
        }
      }),
      { numRuns: 4, endOnFailure: true },
    );
    // Four runs, each with two registers, a hub and a fault proxy: generous, so a busy machine cannot fail it.
  }, 180_000);
});
