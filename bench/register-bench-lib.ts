/**
 * Helpers of `npm run bench:register`: the hub child process (the e2e hub grown to 100,000 products),
 * percentiles, the machine, and a summary of a CDP CPU profile.
 */
import os from 'node:os';
import { startE2eHub } from '../e2e/hub';
import { withEan13CheckDigit } from '@till/shared/schemas/product';

/** Products in the bench hub's catalogue. */
export const PRODUCTS = 100_000;

/** The barcode of generated product `n`: a plain GTIN prefix (not the 2x in-store range that embeds prices). */
export const benchBarcode = (n: number) => withEan13CheckDigit(`409${String(n).padStart(9, '0')}`);

/** Messages the parent sends to the hub child (the hub going down is a kill, as a crash would be). */
export type HubCommand = { exit: true };

/** Child process: the demo hub (cheap PIN verifiers) plus generated products up to PRODUCTS. */
export async function runBenchHub(): Promise<void> {
  const started = performance.now();
  const hub = await startE2eHub();
  for (let from = hub.products + 1; from <= PRODUCTS; from += 10_000) {
    const ns = Array.from({ length: Math.min(10_000, PRODUCTS - from + 1) }, (_, i) => from + i);
    const rows = ns.map((n) => ({
      sku: `REG-${String(n).padStart(6, '0')}`,
      name: `Bench item ${n}`,
      price: 99 + (n % 500) * 10,
    }));
    await hub.query(
      `INSERT INTO products (sku, name, price, currency, tax_code, category)
       SELECT p.sku, p.name, p.price, 'USD', 'std', 'Bench'
       FROM jsonb_to_recordset($1::jsonb) AS p(sku text, name text, price bigint)`,
      [JSON.stringify(rows)],
    );
    await hub.query(
      'INSERT INTO product_barcodes (barcode, sku) SELECT * FROM unnest($1::text[], $2::text[])',
      [ns.map(benchBarcode), rows.map((r) => r.sku)],
    );
  }
  // PGlite runs no autovacuum: without statistics the pull takes a slower plan.
  await hub.query('ANALYZE');
  const count = await hub.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
  process.send?.({ url: hub.url, products: count[0]?.n ?? 0, seedMs: performance.now() - started });
  process.on('message', async (message: HubCommand) => {
    if (!message.exit) return;
    await hub.close();
    process.exit(0);
  });
}

/** Median, p99, min and max of timings in milliseconds. */
export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), min: at(0), max: at(1) };
}

/** CPU model, cores, memory and load average: the figures mean little without them. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    ...{ cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, node: process.version },
    ...{ memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.platform()} ${os.release()}` },
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The top frames by self time of a CDP `Profiler.stop` profile, as "name (file:line) ms". */
export function topFrames(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  count = 8,
): string[] {
  const byNode = new Map<number, number>();
  profile.samples?.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const byFrame = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() || url || 'native';
    const key = `${functionName || '(anonymous)'} (${file}:${lineNumber + 1})`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + (byNode.get(node.id) ?? 0) / 1000);
  }
  // Idle time is the page waiting for the next key, not work.
  return [...byFrame.entries()]
    .filter(([key]) => !key.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${key} ${ms.toFixed(1)} ms`);
}
