/**
 * `npx tsx bench/pin-bench.ts`: what one staff PIN guess costs on this machine (docs/security.md).
 * Times `verifyPin` as the register runs it (src/backend/staff), with the parameters new verifiers get
 * and with legacy `scrypt$` ones; then keeps every core busy with derivations, as a thief holding a
 * register's replica and its staff key would, and works out how long the whole space of 4-, 6- and
 * 8-digit PINs takes. Prints a table and writes bench/results/pin-<timestamp>.json.
 * Env: PIN_BENCH_RUNS (verifications timed per scheme, default 40).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { legacyPinKdfParams, pinKdfParams } from '@till/shared/schemas/staff';
import { hashPin } from '../hub/src/domain/secrets';
import { pepperPin, scryptPin } from '../src/backend/staff/pin-kdf';
import { verifyPin } from '../src/backend/staff/verify-pin';

const RUNS = Number(process.env.PIN_BENCH_RUNS ?? 40);
const root = fileURLToPath(new URL('../', import.meta.url));
const staffKey = randomBytes(32).toString('base64url');
/** The legacy verifier of PIN 1111 (the hub's former `hashPin`), as databases seeded before hold it. */
const LEGACY = 'scrypt$1Y98KXiKh2yR5OK9ELsEgA==$X5l+FH98YRND7ChVIi7ODDwS30XMye0Dd3i4kIsZauY=';

/** Median, p99, min and max of timings in milliseconds. */
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), min: at(0), max: at(1) };
}

/** Times `runs` calls of `fn`, one after another, after one untimed warm-up call. */
async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/**
 * Guesses per second with `workers` derivations always in flight (libuv runs them on its thread pool,
 * four threads by default, so up to four run at once). Each guess is what a thief computes: the PIN
 * peppered with the staff key, then scrypt with the verifier's salt and parameters.
 */
async function guessesPerSecond(workers: number, guessesEach: number): Promise<number> {
  const salt = randomBytes(16);
  const key = Buffer.from(staffKey, 'base64url');
  const t = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < guessesEach; i++) {
        await scryptPin(pepperPin(String(w * guessesEach + i).padStart(6, '0'), key), salt, pinKdfParams);
      }
    }),
  );
  return (workers * guessesEach) / ((performance.now() - t) / 1000);
}

const human = (seconds: number): string => {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 2 * 3600) return `${(seconds / 60).toFixed(0)} min`;
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds < 30 * 86400) return `${(seconds / 86400).toFixed(1)} days`;
  if (seconds < 365 * 86400) return `${(seconds / (30.44 * 86400)).toFixed(1)} months`;
  return `${(seconds / (365 * 86400)).toFixed(1)} years`;
};

async function main(): Promise<void> {
  const cpus = os.cpus();
  const machine = {
    ...{ cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, node: process.version },
    ...{ memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.platform()} ${os.release()}` },
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  const { logN, r, p } = pinKdfParams;
  const params = `N=2^${logN}, r=${r}, p=${p}, ${(128 * 2 ** logN * r) / 2 ** 20} MiB`;
  console.log(`till2 verifiers: scrypt(HMAC-SHA256(staffKey, pin)), ${params}\n`);

  const till2 = await hashPin('472913', staffKey);
  const verify = stats(await time(RUNS, () => verifyPin(till2, '000000', staffKey)));
  const hash = stats(await time(Math.max(5, RUNS / 4), () => hashPin('472913', staffKey)));
  const legacy = stats(await time(RUNS, () => verifyPin(LEGACY, '0000', null)));
  const check = await verifyPin(till2, '472913', staffKey);
  if (!check.ok || !check.value.matches) throw new Error('the bench’s own verifier does not verify');

  // A thief with this machine: one derivation per core, and as many as the thread pool runs at once.
  const oneCore = await guessesPerSecond(1, 8);
  const allCores = await guessesPerSecond(machine.cores, 8);

  const rows = [
    { measure: `verifyPin, till2 (${params})`, ...verify },
    { measure: 'hashPin on the hub, till2', ...hash },
    { measure: `verifyPin, legacy scrypt$ (N=2^${legacyPinKdfParams.logN}, no key)`, ...legacy },
  ];
  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
  console.log('| measure | n | median ms | p99 ms | min ms | max ms |\n|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.measure} | ${row.n} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${fmt(row.min)} | ${fmt(row.max)} |`,
    );
  }

  const spaces = [4, 6, 8].map((digits) => {
    const pins = 10 ** digits;
    return {
      digits,
      pins,
      allOneCoreSeconds: pins / oneCore,
      allAllCoresSeconds: pins / allCores,
      legacyAllOneCoreSeconds: (pins * legacy.p50) / 1000,
    };
  });
  console.log(
    `\nguesses/s with the key: ${oneCore.toFixed(2)} on one core, ${allCores.toFixed(2)} on all ${machine.cores}`,
  );
  console.log(
    '\n| PIN | PINs | whole space, 1 core | whole space, all cores | legacy, 1 core, no key needed |',
  );
  console.log('|---|---|---|---|---|');
  for (const s of spaces) {
    console.log(
      `| ${s.digits} digits | ${s.pins.toLocaleString('en-US')} | ${human(s.allOneCoreSeconds)} | ${human(s.allAllCoresSeconds)} | ${human(s.legacyAllOneCoreSeconds)} |`,
    );
  }
  console.log('(on average a thief finds a PIN in half the time of its whole space)');
  console.log(`\nload average at start ${machine.loadAverage.join(' ')} on ${machine.cores} cores`);

  const file = `${root}bench/results/pin-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      { machine, params: pinKdfParams, rows, guessesPerSecond: { oneCore, allCores }, spaces },
      null,
      2,
    ),
  );
  console.log(`written ${file}`);
}

await main();
