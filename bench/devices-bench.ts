/**
 * `npm run bench:devices`: the register's hardware path, measured through the real browser-mode register
 * host running the virtual rig (an ESC/POS printer emulator on TCP, a serial scanner on a socat pty) and the
 * real device service, with the register page in real Chromium (/usr/bin/chromium, headless) enrolled with
 * a real hub (PGlite in memory, demo catalogue). It times:
 * - serial scan → cart line painted: from the moment the last byte of `<barcode>\r` is written into the
 *   scanner's pty to the frame after the new cart row appears (both stamped on the machine's epoch clock,
 *   `performance.timeOrigin + performance.now()`, in this process and in the page). Nothing is subtracted.
 *   A pty does not pace bytes like a 9600-baud line, so the wire time a real scanner adds (bytes × 10 bits /
 *   9600) is reported on its own row, computed;
 * - receipt encode-and-send: `printer:print` of a 30-line receipt (42 columns, with a QR code and a cut)
 *   from the page until the host answers `printed` (the spooler, the encoder, TCP to the emulator and its
 *   status answer);
 * - spooler throughput: 40 receipts submitted at once, in jobs per second until the last is printed.
 * The scan figure is also split into the device path (pty → the `scanner:scan` event in the page) and
 * the first scan of a sale against the later ones. `DEVICES_SCANS=n` sets the number of scans (200);
 * `DEVICES_PROFILE=1` writes a CPU profile of the page during the scans to /tmp/devices.cpuprofile.
 * Prints a table with the machine and writes bench/results/devices-<timestamp>.json with the raw samples.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  write,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type Page, chromium } from '@playwright/test';
import { startE2eHub } from '../e2e/hub';
import { startRegisterHost } from '../src/host/register-host';
import { describeMachine, stats } from './register-bench-lib';

const root = fileURLToPath(new URL('../', import.meta.url));
const SCANS = Number(process.env.DEVICES_SCANS ?? 200);
const LINES_PER_SALE = 8;
const RECEIPTS = 30;
const BURST = 40;
const BAUD = 9600;
const CART_ROW = 'table[aria-label="Cart"] tbody tr';

type Row = { measure: string; n: number; p50: number; p99: number; unit: string };

const epochNow = () => performance.timeOrigin + performance.now();

/** Writes `bytes` into the pty; resolves with the epoch time once the last byte is written. */
function writeAll(fd: number, bytes: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    write(fd, bytes, 0, bytes.length, null, (error, written) => {
      if (error) return reject(error);
      if (written !== bytes.length) return reject(new Error(`short write: ${written} of ${bytes.length}`));
      resolve(epochNow());
    });
  });
}

/**
 * Resolves with the page's epoch time of the frame after the cart has `count` rows. The probe is a string:
 * tsx would wrap a function's inner helpers in its own `__name`, which the page does not have.
 */
function cartRowsPainted(page: Page, count: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const selector = ${JSON.stringify(CART_ROW)};
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (document.querySelectorAll(selector).length < ${count}) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
    };
    observer.observe(document.body, { childList: true, subtree: true });
    check();
  })`);
}

/** A 30-line receipt at 42 columns: header, 24 item lines, totals, a QR code and a cut. */
function receiptLines(n: number) {
  const lines: { text: string; style?: 'bold' | 'center'; kind?: 'qr' | 'cut'; data?: string }[] = [
    { text: 'Till Downtown', style: 'center' },
    { text: `Receipt BENCH-${n}`, style: 'bold' },
  ];
  for (let i = 1; i <= 24; i += 1) {
    lines.push({ text: `Item ${String(i).padStart(2, '0')} bench product`.padEnd(34) + '$1.00'.padStart(8) });
  }
  lines.push({ text: 'Total'.padEnd(34) + '$24.00'.padStart(8), style: 'bold' });
  lines.push({ text: 'Cash'.padEnd(34) + '$24.00'.padStart(8) });
  lines.push({ text: '', kind: 'qr', data: `till:sale:bench-${n}` });
  lines.push({ text: '', kind: 'cut' });
  return lines;
}

async function main(): Promise<void> {
  const machine = describeMachine();
  console.log(
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadAverage.join(' ')}`,
  );
  const built = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building out/ failed');

  const hub = await startE2eHub({ products: 120 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'till-bench-devices-'));
  const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
  const host = await startRegisterHost({
    ...{ rendererDir: `${root}out/renderer`, version, port: 0, dataDir },
    demoEnrollment: { hubUrl: hub.url, code: 'DEMO-S1-R1' },
    virtualHardware: true,
  });
  if (!host.virtualRig) throw new Error('the virtual hardware did not start (is socat installed?)');
  const peer = path.join(path.dirname(host.virtualRig.ready.scannerPath), 'scanner-peer');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--headless'],
  });
  const rows: Row[] = [];
  const raw: Record<string, number[]> = {};
  const fd = openSync(peer, 'w');
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(host.pageUrl);
    const signIn = page.getByRole('region', { name: 'Sign in' });
    await signIn.getByRole('radio', { name: 'Bob Clerk', exact: true }).click({ timeout: 120_000 });
    const pin = signIn.getByLabel('PIN', { exact: true });
    await pin.pressSequentially('1111');
    await pin.press('Enter');
    await page.getByRole('combobox', { name: /Search products/ }).waitFor({ timeout: 30_000 });

    const barcodes = (
      await hub.query<{ barcode: string }>(
        `SELECT b.barcode FROM products p JOIN product_barcodes b ON b.sku = p.sku
          WHERE length(b.barcode) = 13 AND p.active AND NOT p.open_price ORDER BY p.sku LIMIT $1`,
        [LINES_PER_SALE],
      )
    ).map((r) => r.barcode);
    if (barcodes.length < LINES_PER_SALE) throw new Error('the demo catalogue has too few barcoded products');

    // Warm-up: the catalogue opens after sign-in; a scan before then is refused with "scan again".
    const first = barcodes[0] ?? '';
    for (let tries = 0; (await page.locator(CART_ROW).count()) === 0 && tries < 60; tries += 1) {
      await writeAll(fd, Buffer.from(`${first}\r`, 'latin1'));
      await page.waitForTimeout(500);
    }
    await payCash(page);

    // A second listener on the page's `scanner:scan` stamps when each scan reaches the renderer, which
    // splits the time into the device path (pty → service → host → page) and the page (scan → painted).
    await page.evaluate(`window.__benchArrivals = [];
      window.till.on('scanner:scan', () => window.__benchArrivals.push(performance.timeOrigin + performance.now()));`);
    const profiling = process.env.DEVICES_PROFILE === '1' ? await page.context().newCDPSession(page) : null;
    if (profiling) {
      await profiling.send('Profiler.enable');
      await profiling.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiling.send('Profiler.start');
    }
    const scans: number[] = [];
    const arrivals: number[] = [];
    const firstOfSale: number[] = [];
    const laterInSale: number[] = [];
    while (scans.length < SCANS) {
      for (const [i, barcode] of barcodes.entries()) {
        const painted = cartRowsPainted(page, i + 1);
        const writtenAt = await writeAll(fd, Buffer.from(`${barcode}\r`, 'latin1'));
        const total = (await painted) - writtenAt;
        const arrivedAt = (await page.evaluate('window.__benchArrivals.at(-1)')) as number;
        scans.push(total);
        arrivals.push(arrivedAt - writtenAt);
        (i === 0 ? firstOfSale : laterInSale).push(total);
      }
      await payCash(page);
    }
    if (profiling) {
      const { profile } = await profiling.send('Profiler.stop');
      writeFileSync('/tmp/devices.cpuprofile', JSON.stringify(profile));
    }
    raw.scans = scans;
    raw.arrivals = arrivals;
    const frameBytes = (barcodes[0] ?? '').length + 1;
    rows.push({ measure: 'serial scan → cart line painted', ...pick(scans), unit: 'ms' });
    rows.push({ measure: '  of which pty → scan event in the page', ...pick(arrivals), unit: 'ms' });
    rows.push({ measure: '  first scan of a sale', ...pick(firstOfSale), unit: 'ms' });
    rows.push({ measure: '  later scans of a sale', ...pick(laterInSale), unit: 'ms' });
    const wireMs = (frameBytes * 10 * 1000) / BAUD;
    rows.push({
      measure: `wire time at ${BAUD} baud (${frameBytes} bytes, computed)`,
      n: 1,
      p50: wireMs,
      p99: wireMs,
      unit: 'ms',
    });

    const columns = 42;
    const encodeAndSend = await page.evaluate(
      async ({ receipts, columns }) => {
        const times: number[] = [];
        for (const [n, lines] of receipts.entries()) {
          const start = performance.now();
          const answer = await window.till.invoke('printer:print', {
            lines: lines as never,
            columns: columns as 42,
            jobId: `bench-send-${Date.now()}-${n}`,
          });
          if (!answer.ok || !answer.value.printed) throw new Error(JSON.stringify(answer));
          times.push(performance.now() - start);
        }
        return times;
      },
      { receipts: Array.from({ length: RECEIPTS }, (_, n) => receiptLines(n)), columns },
    );
    rows.push({
      measure: 'receipt (30 lines) encode and send → printed',
      ...pick(encodeAndSend),
      unit: 'ms',
    });

    const burstMs = await page.evaluate(
      async ({ burst, columns }) => {
        const start = performance.now();
        const answers = await Promise.all(
          burst.map((lines, n) =>
            window.till.invoke('printer:print', {
              lines: lines as never,
              columns: columns as 42,
              jobId: `bench-burst-${Date.now()}-${n}`,
            }),
          ),
        );
        if (answers.some((a) => !a.ok || !a.value.printed)) throw new Error('a burst job did not print');
        return performance.now() - start;
      },
      { burst: Array.from({ length: BURST }, (_, n) => receiptLines(n)), columns },
    );
    const perSecond = (BURST * 1000) / burstMs;
    rows.push({
      measure: `spooler throughput (${BURST} jobs at once)`,
      n: BURST,
      p50: perSecond,
      p99: perSecond,
      unit: 'jobs/s',
    });
  } finally {
    closeSync(fd);
    await browser.close();
    await host.close();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.table(
    rows.map((r) => ({
      measure: r.measure,
      n: r.n,
      p50: r.p50.toFixed(1),
      p99: r.p99.toFixed(1),
      unit: r.unit,
    })),
  );
  const notes = [
    'scan: last byte written to the pty → the frame after the cart row appears; nothing subtracted',
    'wire time: what a real 9600-baud line adds before the last byte arrives (10 bits per byte), not measured',
  ];
  const file = `${root}bench/results/devices-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(file, JSON.stringify({ machine, rows, notes, raw }, null, 2));
  console.log(`wrote ${path.relative(root, file)}`);
}

function pick(samples: number[]) {
  const s = stats(samples);
  return { n: s.n, p50: s.p50, p99: s.p99 };
}

/** Pays the cart with exact cash and starts a new sale (its receipt prints on the emulator too). */
async function payCash(page: Page): Promise<void> {
  await page.keyboard.press('F10');
  const payment = page.getByRole('region', { name: 'Payment' });
  await payment.getByRole('button', { name: /^Exact cash/ }).click();
  await page.getByRole('region', { name: /^Sale complete/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: /Search products/ }).waitFor();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
