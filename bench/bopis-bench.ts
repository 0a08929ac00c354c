/**
 * BOPIS bench: a pickup order paid on the web → the order in the register's Pickups queue. Each run
 * places one paid pickup order for store-1 through the storefront API of a real hub (pricing, ATP, the
 * simulated card charge, the reservation and its NOTIFY); a register of store-1 (the register's own sync
 * code over HTTP and the event stream, with an RxDB replica in memory) has its replication running. The
 * Pickups screen lists whatever the replica's `orders` collection holds for the store, so the time is taken
 * from the order request being sent to the moment the replica emits the inserted order. Also shown: the
 * part after the hub answered 201 (the fan-out alone).
 *
 * Prints a table and writes bench/results/bopis-<timestamp>.json. Env: BOPIS_RUNS (default 40),
 * BOPIS_DB (`pglite`, default, or `postgres`: a throw-away database on the local server).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { startHub } from '../test/support/hub';
import { startTestRegister } from '../test/support/register';
import { machine, percentile } from './hub-bench-lib';

const RUNS = Math.max(30, Number(process.env.BOPIS_RUNS ?? 40));
const WARMUP = 3;
const TARGET_P99_MS = 1000;
const KEY = { authorization: 'Bearer demo-storefront-key', 'content-type': 'application/json' };
const root = new URL('../', import.meta.url).pathname;

async function main(): Promise<void> {
  const kind = process.env.BOPIS_DB === 'postgres' ? 'postgres' : 'pglite';
  const hub = await startHub(kind);
  const base = await hub.listen();
  const [product] = await hub.db.query<{ sku: string }>(
    'SELECT sku FROM products WHERE active AND NOT open_price ORDER BY sku LIMIT 1',
  );
  if (!product) throw new Error('the demo hub has no products');
  // Plenty on hand at store-1, so every order can be promised (a receipt, through the ledger).
  await hub.db.query(
    `WITH m AS (INSERT INTO stock_movements (store_id, sku, on_hand_delta, reason) VALUES ('store-1', $1, 1000, 'receipt'))
     UPDATE stock_levels SET on_hand = on_hand + 1000 WHERE store_id = 'store-1' AND sku = $1`,
    [product.sku],
  );

  const register = await startTestRegister({ hubUrl: base, code: 'DEMO-S1-R1' });
  await register.replication.states.orders.awaitInitialReplication();
  // Arrival times by order id, stamped as the replica emits each inserted order.
  const arrived = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const sub = register.db.orders.insert$.subscribe((event) => {
    arrived.set(event.documentId, performance.now());
    waiting.get(event.documentId)?.();
  });

  const paidToQueue: number[] = [];
  const answerToQueue: number[] = [];
  for (let run = 0; run < RUNS + WARMUP; run += 1) {
    const sent = performance.now();
    const res = await fetch(`${base}/api/v1/storefront/orders`, {
      method: 'POST',
      headers: KEY,
      body: JSON.stringify({
        customer: { email: `bench${run}@example.com`, name: 'Bench Shopper', phone: null },
        lines: [{ sku: product.sku, qty: 1 }],
        fulfilment: { type: 'pickup', storeId: 'store-1' },
        payment: { method: 'card', token: 'tok_visa' },
      }),
    });
    if (res.status !== 201) throw new Error(`order refused: ${await res.text()}`);
    const answered = performance.now();
    const order = ((await res.json()) as { order: WebOrder }).order;
    if (!arrived.has(order.id)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`order ${order.number} never reached the register`)),
          10_000,
        );
        waiting.set(order.id, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      waiting.delete(order.id);
    }
    const at = arrived.get(order.id) as number;
    if (run < WARMUP) continue;
    paidToQueue.push(at - sent);
    answerToQueue.push(Math.max(0, at - answered));
  }
  sub.unsubscribe();

  const row = (measure: string, samples: number[], target: number | null) => {
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    return {
      measure,
      n: samples.length,
      p50,
      p99,
      targetP99: target,
      met: target === null ? null : p99 <= target,
    };
  };
  const rows = [
    row('pickup order paid → in the register’s queue', paidToQueue, TARGET_P99_MS),
    row('hub answered 201 → in the register’s queue', answerToQueue, null),
  ];
  console.log(`\nBOPIS on ${kind}, ${RUNS} orders (after ${WARMUP} warm-up)`);
  console.log('\n| measure | n | p50 ms | p99 ms | target p99 ms | met |\n|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.measure} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.targetP99 ?? '–'} | ${r.met === null ? '–' : r.met ? 'yes' : 'NO'} |`,
    );
  }
  const file = `${root}bench/results/bopis-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      { machine: machine(), database: kind, rows, samplesMs: { paidToQueue, answerToQueue } },
      null,
      2,
    ),
  );
  console.log(`\nwritten ${file}`);
  await register.close();
  await hub.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
