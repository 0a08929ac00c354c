/**
 * `npm run bench:hub`: protocol-level registers push sales (3 lines each) to a hub in its own process
 * while storefront clients listen to the stock stream. Reports, on PGlite and PostgreSQL:
 * - drain: 10,000 sales queued by one register, pushed in batches (time and sales/s);
 * - push → storefront event latency (p50/p99) at 20 and at 500 sales/s from 20 registers, 100 listeners;
 * - sustained sales/s with 20 registers pushing as fast as they are answered.
 * Prints a table and writes bench/results/hub-bench.json. Options: `--db=pglite,postgres`, `--quick`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fork } from 'node:child_process';
import os from 'node:os';
import {
  type HubProcess,
  Register,
  backendPids,
  commits,
  cpuSeconds,
  drainStream,
  machine,
  percentile,
  postgresVersion,
  sleep,
  startHubProcess,
} from './hub-bench-lib';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const QUICK = args.has('quick');
const KINDS = (args.get('db') ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
const SECONDS = QUICK ? 4 : 10;
const REGISTER_STREAMS = args.get('register-streams') !== 'false';
const ONLY = args.get('only');
const DRAIN_SALES = 10_000;
const CATALOGUE = 3000;
const sku = (i: number) => `SKU-${String((i % CATALOGUE) + 1).padStart(5, '0')}`;

interface Row {
  db: string;
  /** The machine's 1-minute load average when the scenario started: others' work skews the figures. */
  loadBefore?: number;
  /** CPU milliseconds per sale used by the hub process and by its PostgreSQL backends (where time goes). */
  hubCpuMsPerSale?: number;
  pgCpuMsPerSale?: number;
  /** PostgreSQL transactions (statements, mostly) committed per second during the run. */
  pgCommitsPerSecond?: number;
  scenario: string;
  sales: number;
  seconds: number;
  salesPerSecond: number;
  p50Ms?: number;
  p99Ms?: number;
  maxMs?: number;
  /** Push request → response (the register's wait), p50 and p99. */
  pushP50Ms?: number;
  pushP99Ms?: number;
  events?: number;
  missedEvents?: number;
}

async function drain(hub: HubProcess, db: string, batch: number, meter: Meter): Promise<Row> {
  const register = await Register.enroll(hub.base, 'DEMO-S1-R1');
  const pool = Array.from({ length: CATALOGUE }, (_, i) => sku(i));
  const docs = Array.from({ length: DRAIN_SALES }, () => register.sale(pool).doc);
  await meter.start();
  const started = performance.now();
  for (let i = 0; i < docs.length; i += batch) await register.push(docs.slice(i, i + batch));
  const seconds = (performance.now() - started) / 1000;
  await meter.stop();
  return {
    db,
    scenario: `drain 10k, batch ${batch}`,
    sales: DRAIN_SALES,
    seconds,
    salesPerSecond: DRAIN_SALES / seconds,
  };
}

/**
 * `registers` registers push one-sale requests at `rate` sales/s in total (open loop), or as fast as
 * answered with `batch` sales per request when `rate` is 0, while `listeners` clients read the stream.
 */
async function load(
  hub: HubProcess,
  db: string,
  opts: { rate: number; registers: number; listeners: number; measured: number; batch: number },
  meter: Meter,
): Promise<Row> {
  const registers = await Promise.all(
    Array.from({ length: opts.registers }, (_, i) =>
      Register.enroll(hub.base, i % 2 ? 'DEMO-S2-R1' : 'DEMO-S1-R1'),
    ),
  );
  await Promise.all(registers.map((r) => r.loadLevels()));
  // Each register owns its SKUs, so every event's level tells exactly which push produced it.
  const pools = registers.map((_, i) => Array.from({ length: 100 }, (_, k) => sku(i * 100 + k)));
  const sentAt = new Map<string, number>();
  const arrivals: [string, number][] = [];
  const listeners = await startListenerWorker(hub.base, opts.listeners, opts.measured, arrivals);
  // Registers keep their own sync stream open, as real ones do: the hub feeds those too.
  const closeRegisterStreams = REGISTER_STREAMS
    ? await Promise.all(
        registers.map((r) =>
          drainStream(`${hub.base}/api/v1/sync/stream`, { authorization: `Bearer ${r.token}` }),
        ),
      )
    : [];
  await sleep(300);

  await meter.start();
  const started = performance.now();
  const end = started + SECONDS * 1000;
  let expectedEvents = 0;
  const pushTimes: number[] = [];
  const perRegister = opts.rate > 0 ? opts.rate / opts.registers : 0;
  const counts = await Promise.all(
    registers.map(async (register, i) => {
      let sent = 0;
      const interval = perRegister > 0 ? 1000 / perRegister : 0;
      let next = started + (interval * i) / opts.registers;
      while (performance.now() < end) {
        if (interval > 0) {
          const wait = next - performance.now();
          if (wait > 0) await sleep(wait);
          next += interval;
        }
        const sales = Array.from({ length: opts.batch }, () => register.sale(pools[i]!));
        const t0 = performance.timeOrigin + performance.now();
        for (const s of sales) {
          for (const a of s.after) sentAt.set(`${register.storeId}|${a.sku}|${a.onHand}`, t0);
          expectedEvents += s.after.length * opts.measured;
        }
        await register.push(sales.map((s) => s.doc));
        pushTimes.push(performance.timeOrigin + performance.now() - t0);
        sent += sales.length;
      }
      return sent;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await meter.stop();
  await sleep(1000);
  await listeners.stop();
  closeRegisterStreams.forEach((c) => c());
  const latencies: number[] = [];
  for (const [key, at] of arrivals) {
    const t0 = sentAt.get(key);
    if (t0 !== undefined) latencies.push(at - t0);
  }
  const sales = counts.reduce((a, b) => a + b, 0);
  const label = opts.rate > 0 ? `${opts.rate} sales/s target` : `max, batch ${opts.batch}`;
  return {
    db,
    scenario: `${label}, ${opts.registers} registers, ${opts.listeners} listeners`,
    sales,
    seconds,
    salesPerSecond: sales / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    pushP50Ms: percentile(pushTimes, 50),
    pushP99Ms: percentile(pushTimes, 99),
    events: arrivals.length,
    // Coalesced levels (one event per SKU per commit) make a few legitimately absent; large numbers mean loss.
    missedEvents: Math.max(0, expectedEvents - latencies.length),
  };
}

async function cpuByPid(pids: readonly number[]): Promise<Map<number, number>> {
  return new Map(await Promise.all(pids.map(async (p) => [p, await cpuSeconds(p)] as const)));
}

/**
 * CPU used during a scenario's timed part by the hub process and by its PostgreSQL backends, per sale:
 * where the time goes, whatever else the machine is doing. Also the machine's load when it started.
 */
class Meter {
  private hub0 = 0;
  private pg0 = new Map<number, number>();
  private pids: number[] = [];
  private hubMs = 0;
  private pgMs = 0;
  private load = 0;
  private commits0 = 0;
  private commits = 0;
  private started = 0;
  private seconds = 0;

  constructor(private readonly hub: HubProcess) {}

  async start(): Promise<void> {
    this.load = os.loadavg()[0] ?? 0;
    this.pids = await backendPids(this.hub.databaseUrl);
    this.hub0 = await cpuSeconds(this.hub.pid);
    this.pg0 = await cpuByPid(this.pids);
    this.commits0 = await commits(this.hub.databaseUrl);
    this.started = performance.now();
  }

  async stop(): Promise<void> {
    this.hubMs = ((await cpuSeconds(this.hub.pid)) - this.hub0) * 1000;
    // Backends that connected during the run are missed, and those that ended are left out.
    const pg1 = await cpuByPid(this.pids);
    this.pgMs = 0;
    for (const [pid, before] of this.pg0) {
      const after = pg1.get(pid) ?? 0;
      if (after >= before) this.pgMs += (after - before) * 1000;
    }
    this.seconds = (performance.now() - this.started) / 1000;
    this.commits = (await commits(this.hub.databaseUrl)) - this.commits0;
  }

  result(sales: number): Partial<Row> {
    return {
      loadBefore: Number(this.load.toFixed(2)),
      hubCpuMsPerSale: Number((this.hubMs / sales).toFixed(3)),
      ...(this.pids.length > 0
        ? {
            pgCpuMsPerSale: Number((this.pgMs / sales).toFixed(3)),
            pgCommitsPerSecond: Math.round(this.commits / this.seconds),
          }
        : {}),
    };
  }
}

/** Runs the storefront listeners in a child process; arrivals are appended to `into`. */
async function startListenerWorker(base: string, count: number, measured: number, into: [string, number][]) {
  const worker = fork('bench/hub-bench-listeners.ts', [base, String(count), String(measured)], {
    execArgv: ['--import', 'tsx'],
  });
  let stopped: () => void = () => undefined;
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (msg: { type: string; events?: [string, number][] }) => {
      if (msg.type === 'ready') resolve();
      if (msg.type === 'events') for (const e of msg.events ?? []) into.push(e);
      if (msg.type === 'stopped') stopped();
    });
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopped = resolve;
        worker.send({ type: 'stop' });
      }).then(() => {
        worker.kill();
      }),
  };
}

function printTable(rows: readonly Row[]): void {
  const fmt = (n: number | undefined, digits = 1) =>
    n === undefined || Number.isNaN(n) ? '' : n.toFixed(digits);
  const table = rows.map((r) => ({
    db: r.db,
    scenario: r.scenario,
    sales: r.sales,
    s: fmt(r.seconds, 2),
    'sales/s': fmt(r.salesPerSecond, 0),
    'p50 ms': fmt(r.p50Ms),
    'p99 ms': fmt(r.p99Ms),
    'max ms': fmt(r.maxMs),
    'push p50/p99 ms': r.pushP50Ms === undefined ? '' : `${fmt(r.pushP50Ms)}/${fmt(r.pushP99Ms)}`,
    missed: r.missedEvents ?? '',
    'hub cpu ms/sale': r.hubCpuMsPerSale ?? '',
    'pg cpu ms/sale': r.pgCpuMsPerSale ?? '',
    'pg tx/s': r.pgCommitsPerSecond ?? '',
    load: r.loadBefore ?? '',
  }));
  console.table(table);
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  let port = 4700;
  for (const kind of KINDS) {
    const hub = await startHubProcess(kind, port++);
    try {
      console.log(`hub on ${kind} (pid ${hub.pid}) at ${hub.base}`);
      const want = (name: string) => !ONLY || ONLY.split(',').includes(name);
      const run = async (scenario: (meter: Meter) => Promise<Row>) => {
        const meter = new Meter(hub);
        const row = await scenario(meter);
        rows.push({ ...row, ...meter.result(row.sales) });
      };
      if (want('drain'))
        for (const batch of QUICK ? [250] : [100, 250, 500]) await run((m) => drain(hub, kind, batch, m));
      const listen = { registers: 20, listeners: 100, measured: 3 };
      if (want('20')) await run((m) => load(hub, kind, { ...listen, rate: 20, batch: 1 }, m));
      if (want('500')) await run((m) => load(hub, kind, { ...listen, rate: 500, batch: 1 }, m));
      if (want('max')) await run((m) => load(hub, kind, { ...listen, rate: 0, batch: 10 }, m));
      printTable(rows.filter((r) => r.db === kind));
    } finally {
      await hub.stop();
    }
  }
  const result = {
    bench: 'hub',
    at: new Date().toISOString(),
    machine: { ...machine(), postgres: KINDS.includes('postgres') ? await postgresVersion() : null },
    notes:
      'Hub in its own process; PGlite on a temporary folder, PostgreSQL with default durable commits. ' +
      'Latency: push sent → storefront event parsed by 3 of the 100 listeners (in a separate process).',
    rows,
  };
  if (rows.length === 0) {
    console.log('no scenario ran (check --only); nothing written');
    return;
  }
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/hub-bench.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('machine:', result.machine);
  printTable(rows);
  console.log('wrote bench/results/hub-bench.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
