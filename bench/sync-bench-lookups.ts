/**
 * Look-up timing for `npm run bench:sync`, including scans and searches made while an empty register's
 * initial sync is still running: what a clerk gets from a register that is still downloading.
 */
import { createProductIndex } from '../src/sync/product-index';
import { startTestRegister } from '../test/support/register';
import { PRODUCTS, scanCodes, typedQueries } from './sync-bench-catalogue';

/** Median, p99, extremes and count of timings in milliseconds. */
export interface Stats {
  n: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
}

/** Median and p99 of timings in milliseconds. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), min: at(0), max: at(1) };
}

/** Times `fn` on each input in turn. */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await fn(input);
    samples.push(performance.now() - t);
  }
  return samples;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `runs` initial syncs of an empty register with its product index, each with a clerk scanning (every
 * 20 ms) and searching (every 100 ms) from the moment the replica opens until the sync ends. Only look-ups
 * answered before the end count. The scans cover the whole catalogue, so early ones mostly miss: the
 * product has not been pulled yet, which is the right answer then.
 */
export async function lookupsDuringSync(hubUrl: string, runs: number) {
  const codes = scanCodes(20_000);
  const queries = typedQueries(2_000);
  const scans: number[] = [];
  const searches: number[] = [];
  const firsts: number[] = [];
  const syncs: number[] = [];
  let found = 0;
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    const register = await startTestRegister({ hubUrl, code: 'DEMO-S1-R1' });
    const index = createProductIndex(register.db.products);
    let done = false;
    const synced = register.replication.states.products.awaitInitialReplication().then(() => (done = true));
    let first: number | undefined;
    const clerk = async () => {
      for (let i = 0; !done; i++) {
        const s = performance.now();
        const hit = await index.lookupBarcode(codes[(run * 5_000 + i) % codes.length] as string);
        if (done) break;
        scans.push(performance.now() - s);
        first ??= performance.now() - t;
        if (hit) found += 1;
        if (i % 5 === 4) {
          const q = performance.now();
          await index.searchByName(queries[(run * 1_000 + i) % queries.length] as string, 20);
          if (done) break;
          searches.push(performance.now() - q);
        }
        await pause(20);
      }
    };
    await Promise.all([synced, clerk()]);
    syncs.push(performance.now() - t);
    firsts.push(first ?? NaN);
    const count = await register.db.products.count().exec();
    if (count !== PRODUCTS) throw new Error(`the replica has ${count} products, not ${PRODUCTS}`);
    index.close();
    await register.close();
    console.log(
      `  look-ups during sync ${run + 1}/${runs}: sync ${syncs.at(-1)?.toFixed(0)} ms, ${scans.length} scans so far`,
    );
  }
  return {
    scan: stats(scans),
    search: stats(searches),
    firstAnswer: stats(firsts),
    sync: stats(syncs),
    found,
  };
}
