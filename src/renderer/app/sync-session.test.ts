/**
 * The page's sync lifecycle with real parts around it: the process host's `register` handlers (through
 * `dispatchIpc`, as `window.till` reaches them), real hubs on PGlite, and real sync engines on RxDB's memory
 * storage. What the session decides — wait and say why, start, restart, reload, stop — is checked here;
 * the same in Chromium is in e2e/sync.browser.spec.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IpcEvent, IpcEventPayload, TillApi } from '@till/shared/ipc/contract';
import { dispatchIpc } from '../../backend/ipc/dispatch';
import { createIpcHandlers } from '../../backend/ipc/handlers';
import type { DemoEnrollment } from '../../backend/enrollment/register-handlers';
import { createProductIndex } from '../../sync/product-index';
import { startSyncEngine } from '../../sync/sync-engine';
import { eventually } from '../../../test/support/eventually';
import { TEST_PRODUCTS, type TestHub, startHub } from '../../../test/support/hub';
import { openNodeEventStream } from '../../../test/support/register';
import { type SyncPhase, type SyncSession, createSyncSession } from './sync-session';

const storage = getRxStorageMemory();

let hub: TestHub;
let hubUrl: string;
beforeAll(async () => {
  hub = await startHub('pglite');
  hubUrl = await hub.listen();
});
afterAll(async () => hub.close());

let dataDir: string;
const sessions: SyncSession[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'till-session-'));
});
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** `window.till` over the real handlers of a process host with this test's data folder. */
function processHost(demoEnrollment: DemoEnrollment | null = null): TillApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const emit = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const handlers = createIpcHandlers({
    version: '1.0.0',
    mode: 'browser',
    platform: 'linux',
    dataDir,
    demoEnrollment,
    registerName: 'Till session test',
    onEnrollmentChanged: (enrollment) => emit('register:enrollment-changed', enrollment),
  });
  return {
    invoke: (channel, ...[payload]) => dispatchIpc(handlers, channel, payload, () => {}) as never,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

/** A session as the page makes one; `reloads` counts the page reloads it asked for. */
function pageSession(till: TillApi) {
  const page = { reloads: 0 };
  const session = createSyncSession({
    till,
    startEngine: (enrollment) =>
      startSyncEngine({ storage, enrollment, fetch, openEventStream: openNodeEventStream, retryTime: 100 }),
    createProductIndex: (engine) => createProductIndex(engine.db.products),
    reload: () => (page.reloads += 1),
    retryMs: 100,
    log: () => {},
  });
  sessions.push(session);
  return { session, page, phase: (): SyncPhase => session.getSnapshot() };
}

const running = (phase: SyncPhase) => (phase.phase === 'running' ? phase : null);

describe('the page’s sync session', () => {
  it('says why while not enrolled, reloads for a new hub, replicates, and restarts on re-enrollment', async () => {
    const till = processHost();
    const first = pageSession(till);
    first.session.start();
    await eventually(() => first.phase().phase === 'not-enrolled', 5_000, 'not enrolled');
    expect(first.phase()).toMatchObject({ code: 'none', message: expect.stringContaining('not enrolled') });

    // Enrolling with a hub the page was not loaded for: its CSP does not name the hub, so it reloads.
    const enrolled = await till.invoke('register:enroll', {
      hubUrl,
      code: 'DEMO-S1-R1',
      name: 'Till 1',
      pendingSales: 0,
    });
    expect(enrolled.ok).toBe(true);
    await eventually(() => first.page.reloads === 1, 5_000, 'a reload');
    await first.session.stop();

    // The reloaded page.
    const second = pageSession(till);
    second.session.start();
    await eventually(() => running(second.phase()) !== null, 15_000, 'running');
    const before = running(second.phase())!;
    await before.productIndex.ready;
    await eventually(() => before.productIndex.size() === TEST_PRODUCTS, 15_000, 'the catalogue indexed');
    await eventually(() => before.engine.status().connection === 'online', 10_000, 'online');

    // Re-enrolling with the same hub keeps the page and restarts the engine with the new token.
    const again = await till.invoke('register:enroll', {
      hubUrl,
      code: 'DEMO-S1-R2',
      name: 'Till 1',
      pendingSales: 0,
    });
    expect(again.ok).toBe(true);
    await eventually(
      () => running(second.phase())?.enrollment.registerId === (again.ok && again.value.registerId),
      15_000,
      'the new enrollment running',
    );
    expect(second.page.reloads).toBe(0);
    expect(before.engine.db.closed).toBe(true);
    const after = running(second.phase())!;
    await eventually(() => after.engine.status().connection === 'online', 10_000, 'online again');

    await second.session.stop();
    expect(second.phase()).toEqual({ phase: 'loading' });
    expect(after.engine.db.closed).toBe(true);
  });

  it('keeps asking while the demo hub is not up yet, then enrolls with it and replicates', async () => {
    const port = await freePort();
    const demoUrl = `http://127.0.0.1:${port}`;
    const { session, phase } = pageSession(processHost({ hubUrl: demoUrl, code: 'DEMO-S2-R1' }));
    session.start();
    await eventually(() => phase().phase === 'not-enrolled', 5_000, 'not enrolled');
    expect(phase()).toMatchObject({ code: 'hub_unreachable', message: expect.stringContaining(demoUrl) });

    const demoHub = await startHub('pglite');
    try {
      await demoHub.app.listen({ port, host: '127.0.0.1' });
      await eventually(() => running(phase()) !== null, 15_000, 'running');
      expect(running(phase())?.enrollment).toMatchObject({ hubUrl: demoUrl, storeId: 'store-2' });
      await eventually(
        () => running(phase())?.engine.status().connection === 'online',
        10_000,
        'online with the demo hub',
      );
      await session.stop();
    } finally {
      await demoHub.close();
    }
  });
});

/** A loopback port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
