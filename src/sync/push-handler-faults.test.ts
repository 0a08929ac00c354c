/**
 * The push handler against a real hub with faults injected into `fetch`, for what a real hub cannot be
 * made to do on demand: fail on one specific document (a hub bug, or data it cannot store), fail every
 * push while its health is fine, be unreachable, have a sick database, or answer a 403 or 409 that names no
 * document. Everything not faulted reaches the real hub, whose tables are what the tests check.
 */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { ErrorBody, PushRow } from '@till/shared/sync/protocol';
import { rowsOf, usePushHarness } from '../../test/support/push-harness';
import { makeSale } from '../../test/support/sales';
import { createBackoff } from './backoff';
import { HubError, createHubClient } from './hub-client';
import { createPushHandler } from './push-handler';

/** What the hub in front of the test does wrong. */
interface Faults {
  /** Every request fails before an answer, as when the hub cannot be reached. */
  down?: boolean;
  /** Every request answers 503, as behind a load balancer while the hub restarts. */
  unavailable?: boolean;
  /** `/health` answers 503, as when the hub's database does not answer. */
  sick?: boolean;
  /** A push carrying one of these ids answers 500: a hub bug triggered by that document. */
  poison?: Set<string>;
  /** Every push answers 500: a hub bug affecting every document. */
  failEveryPush?: boolean;
  /** Every push is refused with this status and code, naming no document. */
  refuse?: { status: 403 | 409; code: string };
}

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const failure = (status: number, code: string, message: string) =>
  answer(status, { error: { code, message } } satisfies ErrorBody);

/** A `fetch` in front of the real hub that applies `faults`, and counts pushes per document sent alone. */
function faultyFetch(faults: Faults) {
  const alone = new Map<string, number>();
  let pushes = 0;
  const wrapped: typeof fetch = async (input, init) => {
    const url = String(input);
    const isPush = init?.method === 'POST' && url.includes('/push');
    if (isPush) pushes += 1;
    if (faults.down) throw new TypeError('fetch failed: connect ECONNREFUSED');
    if (faults.unavailable) return failure(503, 'unavailable', 'the hub is restarting');
    if (url.endsWith('/health') && faults.sick) {
      return answer(503, { ok: false, db: 'pglite', error: { code: 'db_unavailable', message: 'no db' } });
    }
    if (isPush) {
      const ids = (JSON.parse(String(init.body)) as PushRow[]).map((r) => String(r.newDocumentState.id));
      if (ids.length === 1) alone.set(ids[0] as string, (alone.get(ids[0] as string) ?? 0) + 1);
      if (faults.failEveryPush) return failure(500, 'internal', 'the hub failed');
      const poisoned = ids.find((id) => faults.poison?.has(id));
      if (poisoned) return failure(500, 'internal', `the hub cannot store ${poisoned}`);
      if (faults.refuse) return failure(faults.refuse.status, faults.refuse.code, 'refused');
    }
    return fetch(input, init);
  };
  return { fetch: wrapped, alone, pushes: () => pushes };
}

const sales = (n: number) =>
  Array.from({ length: n }, () => makeSale('store-1', [{ sku: 'SKU-00012', qty: 1 }]));
const MAX_FAILURES = 3;

describe('push handler with a faulty hub', () => {
  const h = usePushHarness();

  function setup(faults: Faults) {
    const net = faultyFetch(faults);
    const push = createPushHandler<Record<string, unknown>>({
      collection: 'sales',
      primaryKey: 'id',
      client: createHubClient({ baseUrl: h.url, token: () => h.token, fetch: net.fetch }),
      quarantine: h.quarantine,
      maxFailures: MAX_FAILURES,
      backoff: createBackoff({ baseMs: 1, maxMs: 4, jitter: 0 }),
    });
    return { ...net, push };
  }
  /** Runs the handler as RxDB does after a failure: again and again with the same rows. */
  async function failsEveryTime(push: (rows: never) => Promise<unknown>, rows: never, times: number) {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) {
      const error = await push(rows).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HubError);
      statuses.push((error as HubError).status);
    }
    return statuses;
  }

  it.each([
    [403, 'forbidden_store'],
    [409, 'id_conflict'],
  ] as const)('a %s naming no document is thrown and quarantines nothing', async (status, code) => {
    const batch = sales(3);
    const { push } = setup({ refuse: { status, code } });
    expect(await failsEveryTime(push, rowsOf(batch), 3)).toEqual([status, status, status]);
    expect(await h.quarantine.list()).toEqual([]);
    expect(await h.onHub(batch)).toBe(0);
  });

  it.each([0, 4, 9])(
    'a poison document at %i among 9 good: the 9 reach the hub, it is quarantined after N failures',
    async (at) => {
      const batch = sales(10);
      const poison = batch[at] as SaleDocument;
      const { push, alone } = setup({ poison: new Set([poison.id]) });
      expect(await push(rowsOf(batch))).toEqual([]);
      expect(await h.onHub(batch)).toBe(9);
      expect(await h.onHub([poison])).toBe(0);
      expect(alone.get(poison.id)).toBe(MAX_FAILURES);
      expect(await h.quarantine.list()).toMatchObject([
        {
          collection: 'sales',
          id: poison.id,
          code: 'keeps_failing',
          message: `the hub cannot store ${poison.id}`,
        },
      ]);
    },
  );

  it('a poison document pushed alone waits while nothing was accepted to compare it with', async () => {
    const poison = sales(1);
    const { push } = setup({ poison: new Set([poison[0]?.id as string]) });
    // No neighbour tells a bad document from a hub failing every one: thrown, RxDB retries later.
    expect(new Set(await failsEveryTime(push, rowsOf(poison), 5))).toEqual(new Set([500]));
    expect(await h.quarantine.list()).toEqual([]);
  });

  it('a poison document pushed alone is compared with a sale the hub accepted, and quarantined', async () => {
    const [accepted, poison, later] = sales(3) as [SaleDocument, SaleDocument, SaleDocument];
    const { push, alone } = setup({ poison: new Set([poison.id]) });
    expect(await push(rowsOf([accepted]))).toEqual([]);
    // RxDB retries the same rows, so later sales wait behind the poison one: it has no neighbour of its
    // own, and the sale the hub accepted before is sent again to compare (the hub applies it once).
    expect(await push(rowsOf([poison]))).toEqual([]);
    expect(alone.get(accepted.id)).toBe(2);
    expect(await h.quarantine.list()).toMatchObject([{ id: poison.id, code: 'keeps_failing' }]);
    expect(await push(rowsOf([later]))).toEqual([]);
    expect(await h.onHub([accepted, later])).toBe(2);
    expect(await h.onHub([poison])).toBe(0);
  });

  it.each([
    ['unreachable', 'down', 0],
    ['answering 503', 'unavailable', 503],
  ] as const)(
    'a hub %s quarantines nothing however long it lasts; everything is pushed once it is back',
    async (_, fault, status) => {
      const batch = sales(10);
      const faults: Faults = { [fault]: true };
      const { push, pushes } = setup(faults);
      expect(new Set(await failsEveryTime(push, rowsOf(batch), 20))).toEqual(new Set([status]));
      expect(await h.quarantine.list()).toEqual([]);
      // An outage is not narrowed down: one request per attempt.
      expect(pushes()).toBe(20);
      faults[fault] = false;
      expect(await push(rowsOf(batch))).toEqual([]);
      expect(await h.onHub(batch)).toBe(10);
      expect(await h.quarantine.list()).toEqual([]);
    },
  );

  it('a hub failing pushes and /health quarantines nothing; all is pushed once it is back', async () => {
    const batch = sales(10);
    const faults: Faults = { failEveryPush: true, sick: true };
    const { push } = setup(faults);
    expect(new Set(await failsEveryTime(push, rowsOf(batch), 20))).toEqual(new Set([500]));
    expect(await h.quarantine.list()).toEqual([]);
    faults.failEveryPush = false;
    faults.sick = false;
    expect(await push(rowsOf(batch))).toEqual([]);
    expect(await h.onHub(batch)).toBe(10);
    expect(await h.quarantine.list()).toEqual([]);
  });

  it('a document failing alone is not quarantined while the hub’s health fails', async () => {
    const batch = sales(10);
    const poison = batch[3] as SaleDocument;
    const faults: Faults = { poison: new Set([poison.id]), sick: true };
    const { push } = setup(faults);
    // Its neighbours go through every time (re-sent sales are applied once); the poison one is thrown.
    expect(new Set(await failsEveryTime(push, rowsOf(batch), 10))).toEqual(new Set([500]));
    expect(await h.onHub(batch)).toBe(9);
    expect(await h.quarantine.list()).toEqual([]);
    faults.sick = false;
    expect(await push(rowsOf(batch))).toEqual([]);
    expect(await h.quarantine.list()).toMatchObject([{ id: poison.id, code: 'keeps_failing' }]);
  });

  it('a hub failing every push, its health ok, quarantines nothing until a neighbour succeeds', async () => {
    const accepted = sales(1);
    const batch = sales(10);
    const faults: Faults = {};
    const { push, pushes } = setup(faults);
    expect(await push(rowsOf(accepted))).toEqual([]);
    faults.failEveryPush = true;
    const before = pushes();
    expect(new Set(await failsEveryTime(push, rowsOf(batch), 20))).toEqual(new Set([500]));
    expect(new Set(await failsEveryTime(push, rowsOf(batch.slice(0, 1)), 5))).toEqual(new Set([500]));
    expect(await h.quarantine.list()).toEqual([]);
    // It narrows down but does not send every document alone each time: a few requests per attempt.
    expect((pushes() - before) / 25).toBeLessThan(10);
    // The bug is fixed for all but one document: now its neighbours succeed, and only it is quarantined.
    faults.failEveryPush = false;
    faults.poison = new Set([batch[5]?.id as string]);
    expect(await push(rowsOf(batch))).toEqual([]);
    expect(await h.onHub(batch)).toBe(9);
    expect(await h.quarantine.list()).toMatchObject([{ id: batch[5]?.id, code: 'keeps_failing' }]);
  });
});
