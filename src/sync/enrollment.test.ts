import type { AddressInfo } from 'node:net';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestHub, startHub } from '../../test/support/hub';
import { enroll, enrollmentStore, openMetaDatabase, redactEnrollment, replicaNameFor } from './enrollment';
import { createHubClient } from './hub-client';

describe('enrollment', () => {
  let hub: TestHub;
  let url: string;
  beforeAll(async () => {
    hub = await startHub('pglite');
    await hub.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => hub.close());

  const storage = getRxStorageMemory();
  const setup = async () => {
    const meta = await openMetaDatabase(storage, `meta${Math.random().toString(36).slice(2, 10)}`);
    const store = enrollmentStore(meta);
    const client = createHubClient({ baseUrl: url, token: () => null, fetch });
    return { meta, store, client };
  };

  it('turns a code into a stored, store-scoped token that survives a restart', async () => {
    const { meta, store, client } = await setup();
    const r = await enroll({
      client,
      store,
      hubUrl: url,
      code: 'DEMO-S1-R1',
      name: 'Till 1',
      pendingSales: 0,
    });
    expect(r).toMatchObject({ ok: true, value: { storeId: 'store-1', hubUrl: url, name: 'Till 1' } });
    if (r.ok) {
      await meta.close();
      const reopened = await openMetaDatabase(storage, meta.name);
      expect(await enrollmentStore(reopened).load()).toEqual(r.value);
      await reopened.remove();
      expect(redactEnrollment(r.value).token).not.toContain(r.value.token.slice(0, 8));
      expect(replicaNameFor(r.value)).toMatch(/^till-[0-9a-f]{8}-store-1$/);
    }
  });

  it('refuses a bad or unknown code and keeps the previous enrollment', async () => {
    const { meta, store, client } = await setup();
    await enroll({ client, store, hubUrl: url, code: 'DEMO-S1-R1', name: 'Till 1', pendingSales: 0 });
    const before = await store.load();
    expect(
      await enroll({ client, store, hubUrl: url, code: 'no spaces!', name: 'x', pendingSales: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'code_invalid' },
    });
    expect(
      await enroll({ client, store, hubUrl: url, code: 'NOPE-1234', name: 'x', pendingSales: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'code_refused' },
    });
    expect(await store.load()).toEqual(before);
    await meta.remove();
  });

  it('re-enrolls in the same store with sales waiting, but will not strand them in another store', async () => {
    const { meta, store, client } = await setup();
    await enroll({ client, store, hubUrl: url, code: 'DEMO-S1-R1', name: 'Till 1', pendingSales: 0 });
    const same = await enroll({
      client,
      store,
      hubUrl: url,
      code: 'DEMO-S1-R2',
      name: 'Till 1',
      pendingSales: 3,
    });
    expect(same).toMatchObject({ ok: true, value: { storeId: 'store-1' } });
    const other = await enroll({
      client,
      store,
      hubUrl: url,
      code: 'DEMO-S2-R1',
      name: 'Till 1',
      pendingSales: 3,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'sales_pending' } });
    expect((await store.load())?.storeId).toBe('store-1');
    expect(
      await enroll({
        client,
        store,
        hubUrl: 'http://127.0.0.1:1',
        code: 'DEMO-S1-R1',
        name: 'x',
        pendingSales: 1,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'sales_pending' },
    });
    await meta.remove();
  });

  it('says so when the hub cannot be reached', async () => {
    const { meta, store } = await setup();
    const client = createHubClient({ baseUrl: 'http://127.0.0.1:1', token: () => null, fetch });
    expect(
      await enroll({
        client,
        store,
        hubUrl: 'http://127.0.0.1:1',
        code: 'DEMO-S1-R1',
        name: 'x',
        pendingSales: 0,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'hub_unreachable' },
    });
    await meta.remove();
  });
});
