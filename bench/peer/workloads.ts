/**
 * The three workloads, each run the same way on every side:
 * W1 drain — sales queued while the register was offline reach the server once it replicates again;
 * W2 live — sales rung at a steady rate, insert → seen by the web side (and, on the hub, by another register);
 * W3 initial pull — a fresh client pulls every seeded sale.
 */
import os from 'node:os';
import { type Side, cpuSpent } from './sides';
import { registerSale } from './docs';
import { epochNow } from './watchers';
import { percentile, sleep } from '../hub-bench-lib';

/** One run of a workload on one side. */
export interface RunResult {
  /** The figure compared (W1, W3: seconds; W2: p50 ms). */
  value: number;
  /** Everything else the run measured. */
  detail: Record<string, number>;
  /** Server CPU seconds during the timed part. */
  cpu: number;
  /** 1-minute load average when the run started. */
  load: number;
}

const INSERT_CHUNK = 1_000;

/** Polls `check` every 20 ms until it is true; fails after `timeoutMs`. */
async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`${what}: not done within ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

/**
 * W1: `count` sales are written while the replica is offline, then it starts; timed until the server has all.
 * While it runs the bench asks for the first and the last sale by id (one key lookup each, on both sides;
 * a count every 20 ms would cost the hub a scan of its growing table and time the bench, not the server),
 * then confirms the count once the last is there.
 */
export async function drain(side: Side, count: number, label: string): Promise<RunResult> {
  const load = os.loadavg()[0]!;
  const p = await side.pusher(label);
  const base = await p.held();
  const ids: string[] = [];
  for (let from = 0; from < count; from += INSERT_CHUNK) {
    const docs = Array.from({ length: Math.min(INSERT_CHUNK, count - from) }, (_, i) =>
      registerSale(p.storeId, p.registerId, from + i),
    );
    ids.push(...docs.map((d) => d.id));
    await p.replica.db.sales.bulkInsert(docs);
  }
  const [firstId = '', lastId = ''] = [ids[0], ids.at(-1)];
  const cpuBefore = await side.cpu();
  const t0 = performance.now();
  p.replica.start();
  let first: number | undefined;
  await until(
    async () => {
      if (first === undefined && (await p.has(firstId))) first = performance.now() - t0;
      if (!(await p.has(lastId))) return false;
      first ??= performance.now() - t0;
      return (await p.held()) - base >= count;
    },
    300_000,
    'the drain',
  );
  const ms = performance.now() - t0;
  const cpu = cpuSpent(cpuBefore, await side.cpu());
  await p.replica.close();
  return { value: ms / 1000, detail: { firstMs: first ?? ms, salesPerS: count / (ms / 1000) }, cpu, load };
}

/**
 * W2: one one-line sale every 1000/`rate` ms for `seconds`, inserted into the register's database while it
 * replicates; each sale's latency ends when the web side shows it (and, on the hub, when another register
 * of the store has it in its replica).
 */
export async function live(side: Side, rate: number, seconds: number, label: string): Promise<RunResult> {
  const load = os.loadavg()[0]!;
  const p = await side.pusher(label);
  p.replica.start();
  await p.replica.awaitInitial();
  const peer = await side.peerRegister(p);
  const web = await side.web(p);
  const cpuBefore = await side.cpu();
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const doc = registerSale(p.storeId, p.registerId, i, 1);
    const at = epochNow();
    web.expect(doc, at);
    peer.expect(doc, at);
    await p.replica.db.sales.insert(doc);
  }
  const achieved = total / ((performance.now() - t0) / 1000);
  await until(() => web.pending() === 0 && peer.pending() === 0, 30_000, 'the live sales').catch(
    () => undefined,
  );
  const cpu = cpuSpent(cpuBefore, await side.cpu());
  const missed = web.pending();
  web.close();
  peer.close();
  await p.replica.close();
  const detail: Record<string, number> = {
    p50: percentile(web.latencies, 50),
    p99: percentile(web.latencies, 99),
    max: percentile(web.latencies, 100),
    achievedPerS: achieved,
    missed,
  };
  detail.registerP50 = percentile(peer.latencies, 50);
  detail.registerP99 = percentile(peer.latencies, 99);
  detail.registerMissed = peer.pending();
  return { value: detail.p50!, detail, cpu, load };
}

/** W3: a fresh client pulls the `count` seeded sales; timed from start to caught up. */
export async function initialPull(side: Side, count: number): Promise<RunResult> {
  const load = os.loadavg()[0]!;
  const replica = await side.puller();
  const cpuBefore = await side.cpu();
  const t0 = performance.now();
  replica.start();
  await replica.awaitInitial();
  const ms = performance.now() - t0;
  const cpu = cpuSpent(cpuBefore, await side.cpu());
  const held = await replica.db.sales.count().exec();
  await replica.close();
  if (held < count) throw new Error(`${side.name}: the client holds ${held} sales, not ${count}`);
  return { value: ms / 1000, detail: { docsPerS: count / (ms / 1000), held }, cpu, load };
}
