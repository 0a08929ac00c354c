/**
 * The initial sync of `npm run bench:sync` in Chromium: the register's own sync code (`src/sync`), bundled
 * with Vite for a page opened on the hub's origin (so no CORS is involved), replicating into IndexedDB
 * through Dexie with strict durability, as the renderer does. Each run starts from an empty database.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));

/** One run in the page: total time and the time requests to the hub were outstanding (pull answers read). */
export interface ChromiumSync {
  ms: number;
  hubWaitMs: number;
  count: number;
}

const PAGE_ENTRY = `
import { EventSource } from 'eventsource';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openTillDatabase } from '${root}src/sync/database.ts';
import { createHubClient } from '${root}src/sync/hub-client.ts';
import { startReplication } from '${root}src/sync/replication.ts';
window.tillSync = async () => {
  let token = null;
  let hubWaitMs = 0;
  const timedFetch = async (input, init) => {
    const t = performance.now();
    const response = await fetch(input, init);
    const text = await response.text();
    hubWaitMs += performance.now() - t;
    return new Response(response.status === 204 ? null : text, { status: response.status, headers: response.headers });
  };
  const client = createHubClient({ baseUrl: location.origin, token: () => token, fetch: timedFetch });
  const started = performance.now();
  token = (await client.enroll('DEMO-S1-R1', 'chromium-bench')).token;
  const storage = getRxStorageDexie({ chromeTransactionDurability: 'strict' });
  const db = await openTillDatabase({ name: 'bench' + Date.now(), storage });
  const openEventStream = (url, t) => new EventSource(url, {
    fetch: (i, o) => fetch(i, { ...o, headers: { ...(o && o.headers), authorization: 'Bearer ' + t } }),
  });
  const replication = startReplication({ db, client, token: () => token, openEventStream, identifier: 'bench' });
  await replication.states.products.awaitInitialReplication();
  const ms = performance.now() - started;
  const count = await db.products.count().exec();
  await replication.cancel();
  await db.remove();
  return { ms, hubWaitMs, count };
};`;

/** Bundles the page's sync code once. */
async function bundle(): Promise<string> {
  const id = 'virtual:till-sync-bench';
  const built = await build({
    configFile: false,
    logLevel: 'warn',
    root,
    plugins: [
      {
        name: 'entry',
        resolveId: (s) => (s.endsWith(id) ? `\0${id}` : null),
        load: (s) => (s === `\0${id}` ? PAGE_ENTRY : null),
      },
    ],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      lib: { entry: id, formats: ['iife'], name: 'tillBench', fileName: 'bench' },
    },
  });
  const output = (Array.isArray(built) ? built[0] : built) as { output: { code: string }[] };
  return output.output[0]?.code ?? '';
}

/** `runs` initial syncs into IndexedDB, each in a fresh page of one headless Chromium (`/usr/bin/chromium`). */
export async function syncIntoChromium(
  hubUrl: string,
  runs: number,
  expected: number,
  onRun: (run: ChromiumSync, i: number) => void,
): Promise<ChromiumSync[]> {
  const code = await bundle();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--headless'],
  });
  try {
    const results: ChromiumSync[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(`${hubUrl}/health`);
      await page.addScriptTag({ content: code });
      const result = await page.evaluate(() =>
        (window as unknown as { tillSync(): Promise<ChromiumSync> }).tillSync(),
      );
      await page.close();
      if (result.count !== expected) throw new Error(`IndexedDB holds ${result.count} products`);
      results.push(result);
      onRun(result, i);
    }
    return results;
  } finally {
    await browser.close();
  }
}
