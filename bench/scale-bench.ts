/**
 * `npm run bench:scale`: the hub on PostgreSQL as one process and as two (`HUB_WORKERS=2`, one port), each
 * on a fresh database, driven over HTTP from this process:
 * - max: 8 registers push batches of 10 three-line sales as fast as they are answered (sustained sales/s);
 * - latency: the same registers push one sale per request at a fixed total rate while storefront clients
 *   hold the stock stream open (connections spread over the workers); push sent → event parsed, p50/p99.
 *   In two-process mode most events cross processes through LISTEN/NOTIFY.
 * Each mode runs `--runs` times (default 3); the table shows medians with the load average of each run.
 * Options: `--runs=n`, `--seconds=n` (per phase, default 8), `--rate=n` (sales/s in the latency phase,
 * default 50), `--workers=1,2`. Writes bench/results/scale-<timestamp>.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { eventually } from '../test/support/eventually';
import { type HubProcess, startHubProcess } from '../test/support/hub-process';
import { freePort } from '../test/support/private-postgres';
import { openStream } from '../test/support/sse-client';
import {
  Register,
  backendPids,
  cpuSeconds,
  machine,
  percentile,
  postgresVersion,
  sleep,
} from './hub-bench-lib';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const RUNS = Number(args.get('runs') ?? 3);
const SECONDS = Number(args.get('seconds') ?? 8);
const RATE = Number(args.get('rate') ?? 50);
const WORKERS = (args.get('workers') ?? '1,2').split(',').map(Number);
const REGISTERS = 8;
const LISTENERS = 4;
const SKUS_PER_REGISTER = 60;
const CODES = ['DEMO-S1-R1', 'DEMO-S1-R2', 'DEMO-S2-R1'];
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sku = (i: number) => `SKU-${String(i + 1).padStart(5, '0')}`;

interface Run {
  workers: number;
  run: number;
  /** 1-minute load average when the run started (others' work on a shared machine skews figures). */
  load: number;
  salesPerSecond: number;
  /** CPU time per sale in the max phase: the hub's processes, and the database's backends. */
  hubCpuMsPerSale: number;
  pgCpuMsPerSale: number;
  /** Sales per second one core carries, hub and PostgreSQL together (1000 / total CPU ms per sale). */
  salesPerCoreSecond: number;
  latencyRate: number;
  p50Ms: number;
  p99Ms: number;
  events: number;
  missedEvents: number;
}

async function startHub(workers: number): Promise<HubProcess> {
  const hub = await startHubProcess('postgres', await freePort(), {
    adminUrl: ADMIN_URL,
    databasePrefix: 'till_scale',
    stderr: 'inherit',
    env: { HUB_WORKERS: String(workers), HUB_DB_POOL: '10' },
  });
  // Healthy means one worker answers; the banner comes once every worker listens.
  await eventually(() => hub.output().includes('Till hub listening'), 60_000, 'every worker');
  return hub;
}

async function registersOf(base: string): Promise<{ register: Register; pool: string[] }[]> {
  const out: { register: Register; pool: string[] }[] = [];
  for (let i = 0; i < REGISTERS; i++) {
    const register = await Register.enroll(base, CODES[i % CODES.length]!);
    await register.loadLevels();
    const pool = Array.from({ length: SKUS_PER_REGISTER }, (_, k) => sku(i * SKUS_PER_REGISTER + k));
    out.push({ register, pool });
  }
  return out;
}

/** The hub's processes: the one started, and in cluster mode its workers (Linux /proc). */
async function hubPids(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return [pid, ...children.split(' ').filter(Boolean).map(Number)];
}

/** CPU seconds used so far by the hub's processes and by the database's backends. */
async function cpuNow(hub: HubProcess): Promise<{ hub: number; pg: number }> {
  const sum = async (pids: number[]) => (await Promise.all(pids.map(cpuSeconds))).reduce((a, b) => a + b, 0);
  // PostgreSQL runs as another OS user on the same machine; /proc still shows its backends' CPU time.
  return { hub: await sum(await hubPids(hub.pid)), pg: await sum(await backendPids(hub.databaseUrl)) };
}

/** Every register pushes batches of 10 as fast as it is answered for SECONDS. */
async function maxThroughput(
  registers: { register: Register; pool: string[] }[],
): Promise<{ perSecond: number; sales: number }> {
  let sales = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    registers.map(async ({ register, pool }) => {
      while (performance.now() < until) {
        const docs = Array.from({ length: 10 }, () => register.sale(pool).doc);
        await register.push(docs);
        sales += docs.length;
      }
    }),
  );
  return { perSecond: sales / ((performance.now() - started) / 1000), sales };
}

/** Pushes RATE sales/s (one per request, round the registers) and times each level's stream event. */
async function latency(
  base: string,
  registers: { register: Register; pool: string[] }[],
): Promise<{ p50: number; p99: number; events: number; missed: number }> {
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  const streams = [];
  for (let i = 0; i < LISTENERS; i++) {
    const stream = await openStream(`${base}/api/v1/storefront/stock/stream`);
    // Only the first listener times events (all get them); the others load the fan-out.
    if (i === 0) {
      stream.onEvent((data) => {
        const e = JSON.parse(data) as { storeId: string; sku: string; onHand: number };
        const t0 = sent.get(`${e.storeId}|${e.sku}|${e.onHand}`);
        if (t0 !== undefined) latencies.push(performance.now() - t0);
      });
    }
    streams.push(stream);
  }
  const total = Math.round(RATE * SECONDS);
  const started = performance.now();
  const pushes: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const { register, pool } = registers[n % registers.length]!;
    const { doc, after } = register.sale(pool);
    const t0 = performance.now();
    for (const a of after) sent.set(`${register.storeId}|${a.sku}|${a.onHand}`, t0);
    pushes.push(register.push([doc]));
  }
  await Promise.all(pushes);
  // Events still in flight on a loaded machine are waited for, until all came or none came for 3 s.
  let seen = -1;
  for (let quiet = 0; latencies.length < sent.size && quiet < 3000;) {
    quiet = latencies.length === seen ? quiet + 250 : 0;
    seen = latencies.length;
    await sleep(250);
  }
  for (const s of streams) s.close();
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    events: latencies.length,
    missed: Math.max(0, sent.size - latencies.length),
  };
}

const median = (values: number[]) => percentile(values, 50);
const fmt = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

async function main(): Promise<void> {
  const rows: Run[] = [];
  for (let run = 1; run <= RUNS; run++) {
    for (const workers of WORKERS) {
      const load = os.loadavg()[0]!;
      const hub = await startHub(workers);
      try {
        const registers = await registersOf(hub.base);
        const cpuBefore = await cpuNow(hub);
        const max = await maxThroughput(registers);
        const cpuAfter = await cpuNow(hub);
        const hubMs = ((cpuAfter.hub - cpuBefore.hub) * 1000) / max.sales;
        const pgMs = ((cpuAfter.pg - cpuBefore.pg) * 1000) / max.sales;
        const l = await latency(hub.base, registers);
        const row: Run = {
          workers,
          run,
          load: Number(load.toFixed(2)),
          salesPerSecond: Math.round(max.perSecond),
          hubCpuMsPerSale: Number(hubMs.toFixed(2)),
          pgCpuMsPerSale: Number(pgMs.toFixed(2)),
          salesPerCoreSecond: Math.round(1000 / (hubMs + pgMs)),
          latencyRate: RATE,
          p50Ms: Number(l.p50.toFixed(1)),
          p99Ms: Number(l.p99.toFixed(1)),
          events: l.events,
          missedEvents: l.missed,
        };
        rows.push(row);
        console.log(JSON.stringify(row));
      } finally {
        await hub.stop();
      }
    }
  }

  const summary = WORKERS.map((workers) => {
    const mine = rows.filter((r) => r.workers === workers);
    return {
      workers,
      runs: mine.length,
      salesPerSecond: median(mine.map((r) => r.salesPerSecond)),
      hubCpuMsPerSale: median(mine.map((r) => r.hubCpuMsPerSale)),
      pgCpuMsPerSale: median(mine.map((r) => r.pgCpuMsPerSale)),
      salesPerCoreSecond: median(mine.map((r) => r.salesPerCoreSecond)),
      p50Ms: median(mine.map((r) => r.p50Ms)),
      p99Ms: median(mine.map((r) => r.p99Ms)),
      loads: mine.map((r) => r.load),
    };
  });
  const box: Record<string, unknown> = { ...machine(), postgres: await postgresVersion() };
  console.log(
    `\nHub scale-out on PostgreSQL ${String(box.postgres)} — ${String(box.cores)} cores ` +
      `(${String(box.cpu)}), Node ${String(box.node)}`,
  );
  console.log(
    `${REGISTERS} registers; max = batches of 10 for ${SECONDS} s; latency = ${RATE} sales/s, ` +
      `${LISTENERS} storefront listeners. Medians of ${RUNS} runs.\n`,
  );
  console.log(
    '| processes | sales/s (max) | CPU ms/sale hub + PostgreSQL | sales/s per core | ' +
      'push → storefront p50 | p99 | load average per run |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const s of summary) {
    console.log(
      `| ${s.workers} | ${fmt(s.salesPerSecond)} | ${fmt(s.hubCpuMsPerSale, 2)} + ${fmt(s.pgCpuMsPerSale, 2)} | ` +
        `${fmt(s.salesPerCoreSecond)} | ${fmt(s.p50Ms, 1)} ms | ${fmt(s.p99Ms, 1)} ms | ${s.loads.join(', ')} |`,
    );
  }
  console.log(
    `\nThe hub processes, PostgreSQL and this load generator share ${String(box.cores)} cores: a second process ` +
      'can only take time from the others, so two processes show the cost of crossing processes, not ' +
      'the gain of a second machine; CPU ms per sale is the figure that carries over (docs/scaling.md).',
  );
  await mkdir('bench/results', { recursive: true });
  const file = `bench/results/scale-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(
    file,
    `${JSON.stringify({ machine: box, settings: { RUNS, SECONDS, RATE, REGISTERS, LISTENERS }, summary, rows }, null, 2)}\n`,
  );
  console.log(`wrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
