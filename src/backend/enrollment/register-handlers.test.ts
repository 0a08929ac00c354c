/**
 * The `register` IPC area against a real hub (PGlite): enrolling with a code, the rules of re-enrolling,
 * the demo enrollment a fresh `npm start` makes, and the coded errors — through `dispatchIpc` and the merged
 * handler map, as Electron main and the browser-mode host call them.
 */
import { createServer } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type TestHub, auth, count, startHub } from '../../../test/support/hub';
import { dispatchIpc } from '../ipc/dispatch';
import { createIpcHandlers } from '../ipc/handlers';
import type { DemoEnrollment } from './register-handlers';

/** A port nothing listens on (the kernel never hands out port 1 to a test's server). */
const NOWHERE = 'http://127.0.0.1:1';

let hub: TestHub;
let hubUrl: string;
beforeAll(async () => {
  hub = await startHub('pglite');
  hubUrl = await hub.listen();
});
afterAll(async () => hub.close());

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'till-register-'));
});
afterEach(async () => rm(dataDir, { recursive: true, force: true }));

/** The handlers of one process (a "restart" is a second call with the same data folder). */
function processHost(demoEnrollment: DemoEnrollment | null = null) {
  const changed: StoredEnrollment[] = [];
  const handlers = createIpcHandlers({
    version: '1.0.0',
    mode: 'browser',
    platform: 'linux',
    dataDir,
    demoEnrollment,
    registerName: 'Till test',
    onEnrollmentChanged: (e) => changed.push(e),
    now: () => new Date('2026-11-27T10:00:00.000Z'),
  });
  const call = (channel: string, payload?: unknown) => dispatchIpc(handlers, channel, payload, () => {});
  return {
    changed,
    enrollment: () => call('register:enrollment'),
    enroll: (payload: Record<string, unknown>) =>
      call('register:enroll', { hubUrl, name: 'Till 1', pendingSales: 0, ...payload }),
  };
}

/** Whether the hub accepts `token` for a pull. */
async function tokenWorks(token: string): Promise<boolean> {
  const res = await hub.app.inject({ url: '/api/v1/sync/settings/pull', headers: auth(token) });
  return res.statusCode === 200;
}

describe('register:enroll', () => {
  it('turns a code into a stored, store-scoped token that survives a restart, and tells the page', async () => {
    const host = processHost();
    expect(await host.enrollment()).toEqual({ ok: true, value: null });
    const result = await host.enroll({ code: ' DEMO-S1-R1 ', hubUrl: `${hubUrl}/` });
    expect(result).toMatchObject({
      ok: true,
      value: { hubUrl, storeId: 'store-1', name: 'Till 1', enrolledAt: '2026-11-27T10:00:00.000Z' },
    });
    if (!result.ok) return;
    const enrollment = result.value as StoredEnrollment;
    expect(await tokenWorks(enrollment.token)).toBe(true);
    expect(host.changed).toEqual([enrollment]);
    expect(await processHost().enrollment()).toEqual({ ok: true, value: enrollment });
  });

  it('refuses a bad or unknown code with its own code, and keeps the previous enrollment', async () => {
    const host = processHost();
    await host.enroll({ code: 'DEMO-S1-R1' });
    const before = await host.enrollment();
    expect(await host.enroll({ code: 'no spaces!' })).toMatchObject({
      ok: false,
      error: { code: 'code_invalid' },
    });
    expect(await host.enroll({ code: 'NOPE-1234' })).toMatchObject({
      ok: false,
      error: { code: 'code_refused' },
    });
    expect(await host.enrollment()).toEqual(before);
    expect(host.changed).toHaveLength(1);
  });

  it('re-enrolls in the same store with sales waiting, but will not strand them in another', async () => {
    const host = processHost();
    const first = await host.enroll({ code: 'DEMO-S1-R1' });
    const same = await host.enroll({ code: 'DEMO-S1-R2', pendingSales: 3 });
    expect(same).toMatchObject({ ok: true, value: { storeId: 'store-1' } });
    expect(same.ok && first.ok && (same.value as StoredEnrollment).token).not.toBe(
      first.ok && (first.value as StoredEnrollment).token,
    );
    expect(await host.enroll({ code: 'DEMO-S2-R1', pendingSales: 3 })).toMatchObject({
      ok: false,
      error: { code: 'sales_pending' },
    });
    // Another hub is refused before it is even asked: this one does not exist.
    expect(await host.enroll({ code: 'DEMO-S1-R1', hubUrl: NOWHERE, pendingSales: 1 })).toMatchObject({
      ok: false,
      error: { code: 'sales_pending' },
    });
    expect(await host.enrollment()).toEqual(same);
    // With nothing waiting the move is fine.
    expect(await host.enroll({ code: 'DEMO-S2-R1', pendingSales: 0 })).toMatchObject({
      ok: true,
      value: { storeId: 'store-2' },
    });
  });

  it('remembers the ids it had in the same store, across a restart, and forgets them when it moves', async () => {
    const host = processHost();
    const ids = async (code: string) => {
      const answer = await host.enroll({ code });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as StoredEnrollment;
    };
    const first = await ids('DEMO-S1-R1');
    expect(first.formerRegisterIds).toBeUndefined();
    const second = await ids('DEMO-S1-R2');
    expect(second.formerRegisterIds).toEqual([first.registerId]);
    const third = await ids('DEMO-S1-R1');
    expect(third.formerRegisterIds).toEqual([first.registerId, second.registerId]);
    expect(await processHost().enrollment()).toEqual({ ok: true, value: third });
    // Another store means another replica: none of its sales carry these ids.
    const moved = await ids('DEMO-S2-R1');
    expect(moved.formerRegisterIds).toBeUndefined();
  });

  it('says so when the hub cannot be reached, or is not a Till hub', async () => {
    const host = processHost();
    expect(await host.enroll({ code: 'DEMO-S1-R1', hubUrl: NOWHERE })).toMatchObject({
      ok: false,
      error: { code: 'hub_unreachable' },
    });
    const impostor = createServer((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"hello":"world"}');
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
      const answer = await host.enroll({ code: 'DEMO-S1-R1', hubUrl: url });
      expect(answer).toMatchObject({ ok: false, error: { code: 'hub_unreachable' } });
      if (!answer.ok) expect(answer.error.message).toContain('not a Till hub');
    } finally {
      impostor.close();
    }
    expect(await host.enrollment()).toEqual({ ok: true, value: null });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('checks its payload before anything happens', async () => {
    const host = processHost();
    for (const payload of [
      { code: 'DEMO-S1-R1', hubUrl: 'ftp://hub.local' },
      { code: 'DEMO-S1-R1', hubUrl: 'http://user:pw@hub.local' },
      { code: 'DEMO-S1-R1', hubUrl: 'not a url' },
      { code: 'DEMO-S1-R1', pendingSales: -1 },
      { code: 'DEMO-S1-R1', pendingSales: 1.5 },
      { code: 'DEMO-S1-R1', name: '' },
      { code: 'DEMO-S1-R1', admin: true },
    ]) {
      expect(await host.enroll(payload)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('register:enrollment with a demo enrollment', () => {
  it('enrolls by itself once, however many times the page asks at once', async () => {
    const registers = () => count(hub.db, 'registers', 'name = $1', ['Till demo']);
    const before = await registers();
    const demo = { hubUrl, code: 'DEMO-S1-R2' };
    const handlers = createIpcHandlers({
      version: '1.0.0',
      mode: 'browser',
      platform: 'linux',
      dataDir,
      demoEnrollment: demo,
      registerName: 'Till demo',
    });
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => dispatchIpc(handlers, 'register:enrollment', undefined)),
    );
    expect(answers[0]).toMatchObject({ ok: true, value: { storeId: 'store-1', hubUrl, name: 'Till demo' } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await registers()).toBe(before + 1);
    expect(await processHost(demo).enrollment()).toEqual(answers[0]);
    expect(await registers()).toBe(before + 1);
  });

  it('answers hub_unreachable while the demo hub is down, and stores nothing', async () => {
    const host = processHost({ hubUrl: NOWHERE, code: 'DEMO-S1-R1' });
    const answer = await host.enrollment();
    expect(answer).toMatchObject({ ok: false, error: { code: 'hub_unreachable' } });
    if (!answer.ok) expect(answer.error.message).toContain(NOWHERE);
    expect(await readdir(dataDir)).toEqual([]);
    expect(host.changed).toEqual([]);
  });

  it('keeps a stored enrollment rather than the demo one', async () => {
    const first = await processHost().enroll({ code: 'DEMO-S2-R1' });
    expect(await processHost({ hubUrl, code: 'DEMO-S1-R1' }).enrollment()).toEqual(first);
  });
});
