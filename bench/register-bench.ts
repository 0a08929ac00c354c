/**
 * `npm run bench:register`: what a clerk feels at a register holding 100,000 products, measured in real
 * Chromium (/usr/bin/chromium, headless) through the real browser-mode register host enrolled with a hub
 * (PGlite in memory, in a child process). Bob signs in through the UI with his PIN. It times:
 * scan → cart line painted, tender → receipt shown with the hub down, cold start → sign-in usable (reload and
 * a fresh page on the same profile), and the renderer's JS heap after a GC. A missed target gets a CPU
 * profile of one more case, summarised by top self-time frames.
 * Prints a table with the machine and writes bench/results/register-<timestamp>.json.
 */
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, type Page, chromium, expect } from '@playwright/test';
import { startRegisterHost } from '../src/host/register-host';
import { SCANNER_TUNING_KEY } from '../src/renderer/features/sale/scanner-tuning';
import {
  type HubCommand,
  PRODUCTS,
  benchBarcode,
  describeMachine,
  runBenchHub,
  stats,
  topFrames,
} from './register-bench-lib';
import { armProbe, installProbes, probeResult } from './register-bench-page';

const root = fileURLToPath(new URL('../', import.meta.url));
const SCAN_SALES = 25;
const LINES_PER_SALE = 8;
const TENDER_SALES = 30;
const COLD_STARTS = 3;
/** Tolerant wedge timing: Playwright's 5 ms keystrokes arrive late on a loaded 2-core machine. */
const TUNING = { maxGapMs: 60, timeoutMs: 150 };
const CART_ROW = 'table[aria-label="Cart"] tbody tr';
const RECEIPT = 'section[aria-label^="Receipt S"]';

type Row = { measure: string; n: number; median: number; p99?: number; target: string; met?: boolean };

/** A row; 'p99 ≤ x' is checked against the p99, 'max ≤ x' against the maximum. */
function row(measure: string, samples: number[], target: string): Row {
  const s = stats(samples);
  const limit = Number(target.split('≤ ')[1] ?? Infinity);
  const value = target.startsWith('p99') ? s.p99 : target.startsWith('max') ? s.max : s.p50;
  return { measure, n: s.n, median: s.p50, p99: s.p99, target, met: value <= limit };
}

/** Bob signs in through the sign-in screen with his PIN; resolves on the sale screen. */
async function signInBob(page: Page): Promise<void> {
  const signIn = page.getByRole('region', { name: 'Sign in' });
  await signIn.getByRole('radio', { name: 'Bob Clerk', exact: true }).click({ timeout: 180_000 });
  const pin = signIn.getByLabel('PIN', { exact: true });
  await pin.pressSequentially('1111');
  await pin.press('Enter');
  await page.getByRole('combobox', { name: /Search products/ }).waitFor({ timeout: 30_000 });
}

/** Waits until the first download of the catalogue is complete (the sync details say so). */
async function awaitCatalogue(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Sync status', exact: true }).getByRole('button').click();
  const details = page.getByRole('dialog', { name: 'Sync details' });
  await details.getByText(/^First download complete/).waitFor({ timeout: 300_000 });
  await details.getByRole('button', { name: /^Close/ }).click();
}

/** Scans `barcode` as a wedge does and returns scan → line painted in ms. */
async function timedScan(page: Page, barcode: string): Promise<number> {
  await armProbe(page, CART_ROW, '__enterAt');
  await page.keyboard.type(barcode, { delay: 5 });
  await page.keyboard.press('Enter');
  return probeResult(page);
}

/** Pays the cart in cash; returns Cash press → receipt painted in ms. */
async function timedCash(page: Page): Promise<number> {
  await page.getByRole('region', { name: 'Sale' }).getByRole('button', { name: /^Pay/ }).click();
  const cash = page.getByRole('region', { name: 'Payment' }).getByRole('button', { name: /^Cash Enter/ });
  await cash.waitFor();
  await armProbe(page, RECEIPT, '__cashAt');
  await cash.click();
  const ms = await probeResult(page);
  await page
    .getByRole('region', { name: /^Sale complete/ })
    .getByRole('button', { name: /^New sale/ })
    .click();
  await page.getByRole('combobox', { name: /Search products/ }).waitFor();
  return ms;
}

/** Runs `action` under the CDP profiler and returns its top frames (or why there are none). */
async function profiled(cdp: CDPSession, action: () => Promise<unknown>): Promise<string[]> {
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await action();
    const { profile } = await cdp.send('Profiler.stop');
    return topFrames(profile);
  } catch (error) {
    return [`no profile: ${(error as Error).message.split('\n')[0]}`];
  }
}

/**
 * Opens the page (a reload or a fresh page) and returns navigation → first staff button enabled: the injected
 * observer's time, or, where it saw nothing, the page's clock when Playwright found the button (≤ 1 poll late).
 */
async function coldStart(open: () => Promise<unknown>, page: () => Page): Promise<number> {
  await open();
  const first = page().getByRole('region', { name: 'Sign in' }).getByRole('radio').first();
  try {
    await expect(first).toBeEnabled({ timeout: 30_000 });
  } catch (error) {
    await page().screenshot({ path: `${tmpdir()}/till-register-bench-cold.png` });
    throw error;
  }
  const now = await page().evaluate(() => performance.now());
  const seen = await page().evaluate(
    () => (window as unknown as { __signInReadyAt?: number }).__signInReadyAt,
  );
  return seen ?? now;
}

async function main(): Promise<void> {
  const machine = describeMachine();
  // Keeps the process alive while only the page is working, so a stall shows as one, not as exit 13.
  const keepAlive = setInterval(() => undefined, 1_000);
  console.log(
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadAverage.join(' ')}`,
  );
  const built = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building out/ failed');

  const hub: ChildProcess = fork(fileURLToPath(import.meta.url), ['--hub'], { execArgv: process.execArgv });
  const next = <T>() => new Promise<T>((resolve) => hub.once('message', (m) => resolve(m as T)));
  const seeded = await next<{ url: string; products: number; seedMs: number }>();
  console.log(
    `hub (PGlite, child process): ${seeded.products} products in ${(seeded.seedMs / 1000).toFixed(1)} s`,
  );

  const dataDir = mkdtempSync(path.join(tmpdir(), 'till-bench-register-'));
  const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
  const host = await startRegisterHost({
    ...{ rendererDir: `${root}out/renderer`, version, port: 0, dataDir },
    demoEnrollment: { hubUrl: seeded.url, code: 'DEMO-S1-R1' },
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--headless', '--enable-precise-memory-info'],
  });
  const rows: Row[] = [];
  const notes: string[] = [];
  const profiles: Record<string, string[]> = {};
  try {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    await context.addInitScript(installProbes);
    await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
      key: SCANNER_TUNING_KEY,
      value: JSON.stringify(TUNING),
    });
    let page = await context.newPage();
    const syncStart = performance.now();
    await page.goto(host.pageUrl);
    await signInBob(page);
    await awaitCatalogue(page);
    const syncMs = performance.now() - syncStart;
    console.log(`first download of ${PRODUCTS} products into IndexedDB: ${(syncMs / 1000).toFixed(1)} s`);

    // 1. Scans: distinct products, so each one paints a new row; each cart paid in cash (hub up, not timed).
    const scans: number[] = [];
    let n = 0;
    const nextBarcode = () => benchBarcode(1_000 + ((n++ * 7_919) % (PRODUCTS - 2_000)));
    await timedScan(page, nextBarcode()); // warm-up (first index use, first row)
    await timedCash(page);
    for (let sale = 0; sale < SCAN_SALES; sale++) {
      for (let line = 0; line < LINES_PER_SALE; line++) scans.push(await timedScan(page, nextBarcode()));
      await timedCash(page);
    }
    rows.push(row('scan → cart line painted', scans, 'p99 ≤ 16'));
    console.log(`  scans done (${scans.length})`);

    // 2. Cold start with the catalogue stored (hub up): reloads, then fresh pages, same profile.
    console.log('  cold starts…');
    const reloads: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++)
      reloads.push(
        await coldStart(
          () => page.reload(),
          () => page,
        ),
      );
    rows.push(row('cold start: reload → sign-in usable', reloads, 'max ≤ 1500'));
    const fresh: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      await page.close();
      page = await context.newPage();
      fresh.push(
        await coldStart(
          () => page.goto(host.pageUrl),
          () => page,
        ),
      );
    }
    rows.push(row('cold start: fresh page → sign-in usable', fresh, 'max ≤ 1500'));

    // A slow cold start is profiled now, while the hub is still up.
    if (rows.slice(-2).some((r) => !r.met)) {
      const cdp = await context.newCDPSession(page);
      profiles.coldStart = await profiled(cdp, () =>
        coldStart(
          () => page.reload(),
          () => page,
        ),
      );
      await cdp.detach();
    }

    // 3. Heap of a signed-in register with its product index built (one scan uses it), after a GC.
    await signInBob(page);
    await timedScan(page, nextBarcode());
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await page.evaluate(
      () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    );
    const heapMiB = heap / 2 ** 20;
    rows.push({
      measure: 'renderer JS heap after GC (MiB)',
      n: 1,
      median: heapMiB,
      target: 'max ≤ 250',
      met: heapMiB <= 250,
    });

    // 4. Tender with the hub down: nothing may wait for the network.
    // The hub process is killed, as a crashed or unplugged hub is: its open streams drop at once.
    hub.kill('SIGKILL');
    console.log('  hub killed');
    const tenders: number[] = [];
    for (let sale = 0; sale < TENDER_SALES; sale++) {
      await timedScan(page, nextBarcode());
      await timedScan(page, nextBarcode());
      tenders.push(await timedCash(page));
    }
    rows.push(row('tender (Cash) → receipt shown, hub down', tenders, 'p99 ≤ 100'));
    console.log(`  tenders done (${tenders.length})`);

    // Where the time goes, for a missed target: one more case under the profiler.
    const missed = (prefix: string) => rows.some((r) => r.measure.startsWith(prefix) && r.met === false);
    if (missed('scan'))
      profiles.scan = await profiled(cdp, async () => {
        for (let i = 0; i < 5; i++) await timedScan(page, nextBarcode());
      });
    if (missed('tender')) profiles.tender = await profiled(cdp, () => timedCash(page));
    notes.push(
      `load average at start ${machine.loadAverage.join(' ')} on ${machine.cores} cores; hub in a child process`,
      `catalogue ${PRODUCTS} products, first download into IndexedDB ${(syncMs / 1000).toFixed(1)} s (not a target here)`,
      `scanner tuning set through localStorage ${SCANNER_TUNING_KEY} = ${JSON.stringify(TUNING)} so no scan is lost`,
      `scans: ${SCAN_SALES} carts of ${LINES_PER_SALE} distinct products, Enter keydown → new row painted (rAF + message)`,
      `tenders: 2-line carts, Cash click → receipt painted, hub process killed after the cold starts and the heap`,
      `scan min/max ${stats(scans).min.toFixed(1)}/${stats(scans).max.toFixed(1)} ms; tender min/max ${stats(tenders).min.toFixed(1)}/${stats(tenders).max.toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    await host.close();
    if (hub.exitCode === null && hub.signalCode === null) {
      hub.send({ exit: true } satisfies HubCommand);
      await new Promise((resolve) => hub.once('exit', resolve));
    }
    clearInterval(keepAlive);
    rmSync(dataDir, { recursive: true, force: true });
  }

  const fmt = (ms?: number) => (ms === undefined ? '' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
  console.log(`\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log('\n| measure | n | median ms | p99 ms | target | met |\n|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.measure} | ${r.n} | ${fmt(r.median)} | ${r.n > 1 ? fmt(r.p99) : ''} | ${r.target} | ${r.met ? 'yes' : 'no'} |`,
    );
  console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  for (const [name, frames] of Object.entries(profiles))
    console.log(
      `\nCPU profile, one ${name} case — top self time:\n${frames.map((f) => `  ${f}`).join('\n')}`,
    );
  const file = `${root}bench/results/register-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(file, JSON.stringify({ machine, rows, notes, profiles }, null, 2));
  console.log(`\nwritten ${file}`);
}

if (process.argv.includes('--hub')) await runBenchHub();
else await main();
