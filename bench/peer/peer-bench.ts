/**
 * `npm run bench:peer`: the hub against a plain CouchDB-protocol peer (express-pouchdb over in-memory
 * PouchDB 9) with the same RxDB 17 client, the same sale documents and the same batch sizes (push 100,
 * pull 1,000), on three workloads: W1 drain of sales queued offline, W2 a steady 20 sales/s with insert →
 * web-side latency, W3 the initial pull of many small sales. Each server runs in its own process; the
 * medians of PEER_RUNS runs (default 3), server CPU seconds and hub/peer ratios are printed with the
 * machine, and written to bench/results/peer-<timestamp>.json.
 *
 * Env: PEER_RUNS, PEER_QUICK=1 (a smaller version for development), PEER_SIDES (comma list of
 * couchdb, hub-pglite, hub-postgres), PEER_WORKLOADS (comma list of drain, live, pull), PEER_W2_SECONDS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { machine, postgresVersion } from '../hub-bench-lib';
import { type Side, type SideName, startCouchSide, startHubSide } from './sides';
import { type RunResult, drain, initialPull, live } from './workloads';
import { printTable, summarise } from './report';

const quick = process.env.PEER_QUICK === '1';
const config = {
  runs: Number(process.env.PEER_RUNS ?? (quick ? 1 : 3)),
  drainSales: quick ? 2_000 : 10_000,
  liveRate: 20,
  liveSeconds: Number(process.env.PEER_W2_SECONDS ?? (quick ? 5 : 30)),
  pullSales: quick ? 10_000 : 131_900,
};
const sideNames = (process.env.PEER_SIDES ?? 'couchdb,hub-pglite,hub-postgres').split(',') as SideName[];
const workloads = new Set((process.env.PEER_WORKLOADS ?? 'drain,live,pull').split(','));

/** Every run of every workload, per side. */
export type Results = Record<string, Record<string, RunResult[]>>;

async function runSide(side: Side, results: Results): Promise<void> {
  const mine: Record<string, RunResult[]> = { drain: [], live: [], pull: [] };
  results[side.name] = mine;
  const log = (w: string, i: number, r: RunResult) =>
    console.log(
      `  ${side.name} ${w} ${i + 1}/${config.runs}: ${r.value.toFixed(3)} ` +
        `(${Object.entries(r.detail)
          .map(([k, v]) => `${k} ${Number.isFinite(v) ? v.toFixed(1) : v}`)
          .join(', ')}), server CPU ${r.cpu.toFixed(2)} s, load ${r.load.toFixed(2)}`,
    );
  for (let i = 0; i < config.runs && workloads.has('drain'); i++) {
    mine.drain!.push(await drain(side, config.drainSales, `run${i}`));
    log('W1 drain s', i, mine.drain!.at(-1)!);
  }
  for (let i = 0; i < config.runs && workloads.has('live'); i++) {
    mine.live!.push(await live(side, config.liveRate, config.liveSeconds, `live${i}`));
    log('W2 p50 ms', i, mine.live!.at(-1)!);
  }
  if (!workloads.has('pull')) return;
  const seedStart = performance.now();
  await side.seed(config.pullSales);
  console.log(
    `  ${side.name}: ${config.pullSales} sales seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  for (let i = 0; i < config.runs; i++) {
    mine.pull!.push(await initialPull(side, config.pullSales));
    log('W3 pull s', i, mine.pull!.at(-1)!);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const described = {
    ...machine(),
    postgres: sideNames.includes('hub-postgres') ? await postgresVersion() : undefined,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  console.log(`peer bench: ${JSON.stringify(described)}`);
  console.log(`config: ${JSON.stringify(config)}, sides ${sideNames.join(', ')}`);
  const results: Results = {};
  for (const name of sideNames) {
    const side =
      name === 'couchdb'
        ? await startCouchSide()
        : await startHubSide(name === 'hub-pglite' ? 'pglite' : 'postgres');
    try {
      await runSide(side, results);
    } finally {
      await side.stop();
    }
  }
  const summary = summarise(results);
  printTable(summary, config, described);
  const minutes = (performance.now() - started) / 60_000;
  console.log(`\nwhole run: ${minutes.toFixed(1)} min`);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  mkdirSync(`${root}bench/results`, { recursive: true });
  const file = `${root}bench/results/peer-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ machine: described, config, summary, results, minutes }, null, 2));
  console.log(`written ${file}`);
  // Replications' timers and sockets may linger after cancel; the bench is done.
  process.exit(0);
}

await main();
