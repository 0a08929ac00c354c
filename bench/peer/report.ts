/** The peer bench's summary: medians per workload and side, and the table with hub/peer ratios. */
import type { RunResult } from './workloads';

/** Medians of one workload on one side. */
export type Summary = Record<string, Record<string, Record<string, number>>>;

const median = (values: readonly number[]): number => {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = finite.length >> 1;
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
};

/** Medians of every figure over the runs: `summary[workload][side][figure]`. */
export function summarise(results: Record<string, Record<string, RunResult[]>>): Summary {
  const summary: Summary = {};
  for (const [side, workloads] of Object.entries(results)) {
    for (const [workload, runs] of Object.entries(workloads)) {
      const keys = new Set(runs.flatMap((r) => Object.keys(r.detail)));
      const figures: Record<string, number> = {
        value: median(runs.map((r) => r.value)),
        cpu: median(runs.map((r) => r.cpu)),
        load: median(runs.map((r) => r.load)),
        runs: runs.length,
      };
      for (const k of keys) figures[k] = median(runs.map((r) => r.detail[k] ?? Number.NaN));
      (summary[workload] ??= {})[side] = figures;
    }
  }
  return summary;
}

const ROWS: [workload: string, figure: string, label: string][] = [
  ['drain', 'value', 'W1 drain of queued sales, s'],
  ['drain', 'cpu', 'W1 server CPU, s'],
  ['live', 'p50', 'W2 insert → web side p50, ms'],
  ['live', 'p99', 'W2 insert → web side p99, ms'],
  ['live', 'registerP50', 'W2 insert → other register p50, ms'],
  ['live', 'registerP99', 'W2 insert → other register p99, ms'],
  ['live', 'missed', 'W2 sales never seen by the web side'],
  ['live', 'cpu', 'W2 server CPU, s'],
  ['pull', 'value', 'W3 initial pull, s'],
  ['pull', 'cpu', 'W3 server CPU, s'],
];

const fmt = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v)
    ? '–'
    : v >= 100
      ? v.toFixed(0)
      : v >= 10
        ? v.toFixed(1)
        : v.toFixed(2);

/** Prints the markdown table: every side's medians, and each hub side's ratio to the CouchDB peer. */
export function printTable(
  summary: Summary,
  config: Record<string, number>,
  described: Record<string, unknown>,
): void {
  const sides = [...new Set(Object.values(summary).flatMap((s) => Object.keys(s)))];
  const hubs = sides.filter((s) => s !== 'couchdb');
  const head = ['measure (median of runs)', ...sides, ...hubs.map((h) => `${h} / couchdb`)];
  console.log(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const [workload, figure, label] of ROWS) {
    const at = (side: string) => summary[workload]?.[side]?.[figure];
    const cells = sides.map((s) => fmt(at(s)));
    const ratios = hubs.map((h) => {
      const peer = at('couchdb');
      const hub = at(h);
      return peer && hub !== undefined && figure !== 'missed' ? `${fmt(hub / peer)}×` : '–';
    });
    console.log(`| ${[label, ...cells, ...ratios].join(' | ')} |`);
  }
  const loads = sides.map(
    (s) =>
      `${s} ${Object.values(summary)
        .map((w) => fmt(w[s]?.load))
        .join('/')}`,
  );
  const notes = [
    `${String(described.cpu).trim()}, ${described.cores} cores, ${described.memoryGiB} GiB, ${described.os}, ` +
      `Node ${described.node}${described.postgres ? `, PostgreSQL ${described.postgres}` : ''}`,
    `median 1-min load average at the start of the runs (W1/W2/W3): ${loads.join('; ')}`,
    `W1 ${config.drainSales} sales of two lines; W2 ${config.liveRate} one-line sales/s for ` +
      `${config.liveSeconds} s; W3 ${config.pullSales} one-line sales; ${config.runs} run(s) each`,
    'ratios below 1 mean the hub is faster (or spends less CPU); server CPU on hub-postgres includes the ' +
      "PostgreSQL backends serving the hub's database",
  ];
  console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
}
