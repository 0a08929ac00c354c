/**
 * `npm run bench:sync`: the register's side of sync at store scale. Initial sync of a 100,000-product
 * catalogue into an empty replica (Node RxDB memory storage, and Chromium's IndexedDB), barcode and name
 * look-ups at that size, look-ups while the initial sync is still running, and the drain of 10,000 sales
 * queued offline. The hub (PGlite in memory) runs in a child process (`sync-bench-hub.ts`). Medians of
 * `SYNC_RUNS` runs (default 3) per figure, each row with the load average when it started.
 * Prints a table and writes bench/results/sync-<timestamp>.json. Env: SYNC_RUNS, SYNC_BENCH_ONLY (comma
 * list of node,chromium,lookups,during,drain), SYNC_BENCH_CHROMIUM=0 to skip Chromium,
 * SYNC_BENCH_HUB_PROF=<dir> for a CPU profile of the hub.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import type { Checkpoint } from '@till/shared/sync/protocol';
import { createHubClient } from '../src/sync/hub-client';
import { type ProductIndex, createProductIndex } from '../src/sync/product-index';
import { startTestRegister } from '../test/support/register';
import { PRODUCTS, STOCKED, scanCodes, typedQueries } from './sync-bench-catalogue';
import { syncIntoChromium } from './sync-bench-chromium';
import { measureDrain } from './sync-bench-drain';
import { type Stats, lookupsDuringSync, stats, timeEach } from './sync-bench-lookups';

const RUNS = Math.max(1, Number(process.env.SYNC_RUNS ?? 3));
const ONLY = new Set((process.env.SYNC_BENCH_ONLY ?? 'node,chromium,lookups,during,drain').split(','));
const root = fileURLToPath(new URL('../', import.meta.url));
const load1 = () => Number(os.loadavg()[0]?.toFixed(2));
/** CPU time of this process (the register; the hub is another process) in milliseconds. */
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** One empty Node replica until its products have caught up (enrolment and database opening included). */
async function syncIntoNode(hubUrl: string, withIndex: boolean) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const register = await startTestRegister({ hubUrl, code: 'DEMO-S1-R1' });
  const index = withIndex ? createProductIndex(register.db.products) : undefined;
  await register.replication.states.products.awaitInitialReplication();
  const ms = performance.now() - t;
  const registerCpuMs = cpuMs(cpu);
  const count = await register.db.products.count().exec();
  if (count !== PRODUCTS) throw new Error(`the replica has ${count} products, not ${PRODUCTS}`);
  return { ms, registerCpuMs, register, index };
}

/** The hub alone: every products page over HTTP with no replica, i.e. the floor under the initial sync. */
async function pullOnly(hubUrl: string): Promise<number> {
  let token: string | null = null;
  const client = createHubClient({ baseUrl: hubUrl, token: () => token, fetch });
  token = (await client.enroll('DEMO-S2-R1', 'bench-pull')).token;
  const t = performance.now();
  let checkpoint: Checkpoint | null = null;
  for (;;) {
    const page = await client.pull('products', checkpoint, 1000);
    if (page.documents.length === 0) return performance.now() - t;
    checkpoint = page.checkpoint;
  }
}

type Row = {
  measure: string;
  n: number;
  median: number;
  p99?: number;
  target: string;
  met?: boolean;
  load: number;
};

/** A table row; a target like 'p99 ≤ 5' is checked against the p99, 'median ≤ 5000' against the median. */
function row(measure: string, s: Stats, load: number, target = ''): Row {
  const limit = Number(target.split('≤ ')[1] ?? Infinity);
  const met = target ? (target.startsWith('p99') ? s.p99 : s.p50) <= limit : undefined;
  return {
    measure,
    n: s.n,
    median: s.p50,
    ...(s.n > 1 ? { p99: s.p99 } : {}),
    target,
    ...(target ? { met } : {}),
    load,
  };
}

/** Heap in use after a full collection: `gc` is reached without --expose-gc, so `npm run` needs no flag. */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** Barcode scans and typed name searches on a built index. */
async function lookupRows(index: ProductIndex, load: number): Promise<Row[]> {
  const codes = scanCodes(20_000);
  const queries = typedQueries(2_000);
  return [
    row(
      'barcode → product (lookupBarcode)',
      stats(await timeEach(codes, (c) => index.lookupBarcode(c))),
      load,
      'p99 ≤ 5',
    ),
    row(
      'barcode → SKU (in-memory map)',
      stats(await timeEach(codes, (c) => index.skuForBarcode(c))),
      load,
      'p99 ≤ 5',
    ),
    row(
      'name search, 20 products (searchByName)',
      stats(await timeEach(queries, (q) => index.searchByName(q, 20))),
      load,
      'p99 ≤ 50',
    ),
    row(
      'name search, ranking only (matchNames)',
      stats(await timeEach(queries, (q) => index.matchNames(q, 20))),
      load,
      'p99 ≤ 50',
    ),
  ];
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  const machine = {
    ...{ cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, node: process.version },
    ...{ memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.platform()} ${os.release()}` },
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  const prof = process.env.SYNC_BENCH_HUB_PROF;
  const execArgv = [...process.execArgv, ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])];
  const hub = fork(fileURLToPath(new URL('./sync-bench-hub.ts', import.meta.url)), [], { execArgv });
  const next = <T>() => new Promise<T>((resolve) => hub.once('message', (m) => resolve(m as T)));
  const { port, seedMs } = await next<{ port: number; seedMs: number }>();
  const hubUrl = `http://127.0.0.1:${port}`;
  console.log(
    `hub on PGlite (child process): ${PRODUCTS} products seeded in ${(seedMs / 1000).toFixed(1)} s`,
  );
  const hubSales = async (registerId: string) => {
    hub.send({ countSales: registerId });
    return (await next<{ count: number }>()).count;
  };
  const rows: Row[] = [];
  const notes: string[] = [];
  const samples: Record<string, number[]> = {};
  const keep = (name: string, values: number[]) => (samples[name] = values);

  // (a) Initial sync into Node memory storage: wall time, and the register's own CPU time (the hub is
  // another process), against the hub alone serving the same pages.
  if (ONLY.has('node')) {
    const load = load1();
    const syncs: number[] = [];
    const cpu: number[] = [];
    const hubAlone: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { ms, registerCpuMs, register } = await syncIntoNode(hubUrl, false);
      await register.close();
      hubAlone.push(await pullOnly(hubUrl));
      console.log(
        `  Node sync ${run + 1}/${RUNS}: ${ms.toFixed(0)} ms (register CPU ${registerCpuMs.toFixed(0)} ms, hub alone ${hubAlone.at(-1)?.toFixed(0)} ms, load ${load1()})`,
      );
      syncs.push(ms);
      cpu.push(registerCpuMs);
    }
    const withIndex: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { ms, register, index } = await syncIntoNode(hubUrl, true);
      await index?.ready;
      if (index?.size() !== PRODUCTS) throw new Error(`the index has ${index?.size()} products`);
      index.close();
      await register.close();
      withIndex.push(ms);
    }
    rows.push(
      row(
        'initial sync 100k products → Node memory',
        stats(keep('nodeSyncMs', syncs)),
        load,
        'median ≤ 4000',
      ),
      row('… register CPU during it (hub excluded)', stats(keep('nodeSyncRegisterCpuMs', cpu)), load),
      row('… hub alone: 100 pages pulled over HTTP', stats(keep('hubPullOnlyMs', hubAlone)), load),
      row('… same sync, product index following it', stats(keep('nodeSyncIndexedMs', withIndex)), load),
    );
  }

  // (b) Initial sync into Chromium's IndexedDB.
  if (ONLY.has('chromium') && process.env.SYNC_BENCH_CHROMIUM !== '0') {
    const load = load1();
    try {
      const runs = await syncIntoChromium(hubUrl, RUNS, PRODUCTS, (r, i) =>
        console.log(
          `  Chromium sync ${i + 1}/${RUNS}: ${r.ms.toFixed(0)} ms (hub answers ${r.hubWaitMs.toFixed(0)} ms)`,
        ),
      );
      rows.push(
        row(
          'initial sync 100k products → Chromium IndexedDB',
          stats(
            keep(
              'chromiumSyncMs',
              runs.map((r) => r.ms),
            ),
          ),
          load,
          'median ≤ 20000',
        ),
        row(
          '… of which requests to the hub outstanding',
          stats(
            keep(
              'chromiumHubWaitMs',
              runs.map((r) => r.hubWaitMs),
            ),
          ),
          load,
        ),
      );
    } catch (error) {
      notes.push(`Chromium not measured: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  // (c) Look-ups on a full replica, after a cold index build (a register starting with its catalogue).
  if (ONLY.has('lookups')) {
    const load = load1();
    const { register } = await syncIntoNode(hubUrl, false);
    const heapBefore = heapAfterGc();
    const builds: number[] = [];
    let index: ProductIndex | undefined;
    for (let run = 0; run < RUNS; run++) {
      index?.close();
      const t = performance.now();
      index = createProductIndex(register.db.products);
      await index.ready;
      builds.push(performance.now() - t);
    }
    const heapMiB = (heapAfterGc() - heapBefore) / 2 ** 20;
    if (!index) throw new Error('no index');
    rows.push(row('product index build, 100k products', stats(keep('indexBuildMs', builds)), load));
    rows.push(...(await lookupRows(index, load)));
    notes.push(`product index heap ${heapMiB.toFixed(1)} MiB`);
    index.close();
    await register.close();
  }

  // (d) Scans and searches while the initial sync runs: the register is usable before it ends.
  if (ONLY.has('during')) {
    const load = load1();
    const during = await lookupsDuringSync(hubUrl, RUNS);
    rows.push(
      row('scan during initial sync (lookupBarcode)', during.scan, load, 'p99 ≤ 50'),
      row('name search during initial sync (searchByName)', during.search, load, 'p99 ≤ 100'),
      row('… first scan answered after start', during.firstAnswer, load),
      row('… initial sync with look-ups running', during.sync, load),
    );
    notes.push(
      `during the initial sync: ${during.scan.n} scans (${during.found} found a product, the rest not yet ` +
        `pulled or unknown) and ${during.search.n} searches answered before it ended, over ${RUNS} runs`,
    );
  }

  // (e) Drain of queued sales.
  if (ONLY.has('drain')) {
    const load = load1();
    const drains = [];
    for (let run = 0; run < RUNS; run++) {
      const d = await measureDrain(hubUrl, hubSales);
      console.log(
        `  drain ${run + 1}/${RUNS}: ${d.drainMs.toFixed(0)} ms (first ${d.firstMs.toFixed(0)} ms, register CPU ${d.registerCpuMs.toFixed(0)} ms, hub alone ${d.pushOnlyMs.toFixed(0)} ms)`,
      );
      drains.push(d);
    }
    rows.push(
      row(
        'drain of 10,000 queued sales',
        stats(
          keep(
            'drainMs',
            drains.map((d) => d.drainMs),
          ),
        ),
        load,
        'median ≤ 2500',
      ),
      row(
        '… first of them on the hub',
        stats(
          keep(
            'drainFirstMs',
            drains.map((d) => d.firstMs),
          ),
        ),
        load,
      ),
      row(
        '… register CPU during it (hub excluded)',
        stats(
          keep(
            'drainRegisterCpuMs',
            drains.map((d) => d.registerCpuMs),
          ),
        ),
        load,
      ),
      row(
        '… hub alone: 10,000 sales pushed over HTTP',
        stats(
          keep(
            'pushOnlyMs',
            drains.map((d) => d.pushOnlyMs),
          ),
        ),
        load,
      ),
    );
    notes.push(
      `10,000 sales rung offline in ${(Math.min(...drains.map((d) => d.ringMs)) / 1000).toFixed(1)} s (not timed); register retryTime 200 ms`,
    );
  }
  hub.send({ stop: true });

  notes.unshift(
    `load average at start ${machine.loadAverage.join(' ')} on ${machine.cores} cores (each row: 1-min load when it began); hub in a child process`,
    `catalogue: ${PRODUCTS} products, ${STOCKED} stocked in store-1; ${RUNS} runs per figure`,
  );
  const fmt = (ms?: number) => (ms === undefined ? '' : ms < 10 ? ms.toFixed(3) : ms.toFixed(0));
  console.log(
    '\n| measure | n | median ms | p99 ms | target ms | met | load |\n|---|---|---|---|---|---|---|',
  );
  for (const r of rows) {
    const met = r.met === undefined ? '' : r.met ? 'yes' : 'no';
    console.log(
      `| ${r.measure} | ${r.n} | ${fmt(r.median)} | ${fmt(r.p99)} | ${r.target} | ${met} | ${r.load} |`,
    );
  }
  console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  const file = `${root}bench/results/sync-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(file, JSON.stringify({ machine, rows, notes, samples }, null, 2));
  console.log(`\nwritten ${file}`);
}

await main();
