/**
 * The push handler at the edges of its rules, against a real hub with chosen answers injected into `fetch`:
 * which failures are a hub outage (never narrowed, never quarantined) and which may be a document's, a 400
 * naming no document, statuses the handler does not know, the stop after two documents fail alone, and
 * exactly which requests are sent while a failing document is narrowed down and settled. Every push request
 * is recorded (the ids it carried), so the tests state the exact exchange, not only its outcome.
 */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { CollectionName, ErrorBody, PushRow } from '@till/shared/sync/protocol';
import { aShift } from '../../test/support/domain-fixtures';
import { rowsOf, usePushHarness } from '../../test/support/push-harness';
import { makeSale } from '../../test/support/sales';
import { createBackoff } from './backoff';
import { HubError, createHubClient } from './hub-client';
import { createPushHandler } from './push-handler';

/**
 * What the hub in front of the test answers to a push instead of the real hub: a response, or `undefined`
 * to let the real hub answer. Throwing makes the request fail before any answer (an unreachable hub).
 */
type Answer = (rows: PushRow[]) => Response | undefined;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const failure = (
  status: number,
  code: string,
  message: string,
  documents?: ErrorBody['error']['documents'],
) => json(status, { error: { code, message, ...(documents && { documents }) } } satisfies ErrorBody);

/** The id of a pushed row (tolerant: a malformed row is recorded rather than failing the recording). */
const idOf = (row: PushRow | null) => String(row?.newDocumentState?.id);

const sales = (n: number) =>
  Array.from({ length: n }, () => makeSale('store-1', [{ sku: 'SKU-00016', qty: 1 }]));
const ids = (docs: readonly { id: string }[]) => docs.map((d) => d.id);

/** Runs the handler and returns what it threw (failing the test if it did not throw). */
async function thrown(call: Promise<unknown>): Promise<HubError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}

describe('push handler at the edges of its rules', () => {
  const h = usePushHarness();

  /**
   * A handler of `collection` whose hub answers pushes through `hub.answer` (swappable mid-test), and the
   * ids of every push request sent, in order.
   */
  function setup(collection: CollectionName = 'sales') {
    const hub: { answer: Answer } = { answer: () => undefined };
    const pushes: string[][] = [];
    const wrapped: typeof fetch = async (input, init) => {
      if (init?.method === 'POST' && String(input).includes('/push')) {
        const rows = JSON.parse(String(init.body)) as PushRow[];
        pushes.push(rows.map(idOf));
        const answer = hub.answer(rows);
        if (answer) return answer;
      }
      return fetch(input, init);
    };
    const push = createPushHandler<Record<string, unknown>>({
      collection,
      primaryKey: 'id',
      client: createHubClient({ baseUrl: h.url, token: () => h.token, fetch: wrapped }),
      quarantine: h.quarantine,
      maxFailures: 3,
      backoff: createBackoff({ baseMs: 1, maxMs: 4, jitter: 0 }),
    });
    return { hub, pushes, push };
  }

  /** An answer failing every push that carries one of `poison` with a 500, as a hub bug would. */
  const failing500 =
    (...poison: string[]): Answer =>
    (rows) => {
      const hit = rows.map(idOf).find((id) => poison.includes(id));
      return hit === undefined ? undefined : failure(500, 'internal', `the hub cannot store ${hit}`);
    };

  it.each([
    ['answering 503', 503, () => failure(503, 'unavailable', 'the hub is restarting')],
    ['answering 504', 504, () => failure(504, 'gateway_timeout', 'the hub did not answer in time')],
    [
      'unreachable',
      0,
      () => {
        throw new TypeError('fetch failed: connect ECONNREFUSED');
      },
    ],
  ] as const)(
    'a hub %s is one request per call, never narrowed, and quarantines nothing however often',
    async (_, status, outage) => {
      const batch = sales(4);
      const { hub, pushes, push } = setup();
      hub.answer = outage;
      for (let i = 0; i < 6; i++) expect((await thrown(push(rowsOf(batch)))).status).toBe(status);
      expect(pushes).toEqual(Array.from({ length: 6 }, () => ids(batch)));
      expect(await h.quarantine.list()).toEqual([]);
      hub.answer = () => undefined;
      expect(await push(rowsOf(batch))).toEqual([]);
      expect(await h.onHub(batch)).toBe(4);
      expect(await h.quarantine.list()).toEqual([]);
    },
  );

  it.each([
    ['a 500', (id: string) => failure(500, 'internal', `the hub cannot store ${id}`), 'the hub cannot store'],
    // A 2xx whose body breaks the contract: the client makes it a `bad_response`.
    [
      'an answer outside the contract',
      () => json(200, { stored: 'yes' }),
      'does not follow the sync contract',
    ],
  ] as const)(
    '%s for one document narrows to it; it alone is retried and quarantined, nothing else re-sent',
    async (_, answer, message) => {
      const [p, a, b, c] = sales(4) as [SaleDocument, SaleDocument, SaleDocument, SaleDocument];
      const { hub, pushes, push } = setup();
      hub.answer = (rows) => (rows.some((r) => idOf(r) === p.id) ? answer(p.id) : undefined);
      expect(await push(rowsOf([p, a, b, c]))).toEqual([]);
      // Halves until it is alone; its neighbours were accepted, so there is nothing to compare it with
      // again: it is retried alone until it has failed three times, then quarantined.
      expect(pushes).toEqual([
        [p.id, a.id, b.id, c.id],
        [p.id, a.id],
        [p.id],
        [a.id],
        [b.id, c.id],
        [p.id],
        [p.id],
      ]);
      expect(await h.onHub([a, b, c])).toBe(3);
      expect(await h.onHub([p])).toBe(0);
      const entries = await h.quarantine.list();
      expect(entries).toMatchObject([{ collection: 'sales', id: p.id, code: 'keeps_failing' }]);
      expect(entries[0]?.message).toContain(message);
    },
  );

  it('passes up a failure that is no answer of the hub at once, blaming no document', async () => {
    const batch = sales(3);
    const client = createHubClient({ baseUrl: h.url, token: () => h.token, fetch });
    let calls = 0;
    const push = createPushHandler<Record<string, unknown>>({
      collection: 'sales',
      primaryKey: 'id',
      // A bug on this side (not a HubError) must not be mistaken for a document the hub cannot take.
      client: {
        ...client,
        push: async () => {
          calls += 1;
          throw new TypeError('a bug in the register');
        },
      },
      quarantine: h.quarantine,
      maxFailures: 3,
      backoff: createBackoff({ baseMs: 1, maxMs: 4, jitter: 0 }),
    });
    await expect(push(rowsOf(batch))).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
    expect(await h.quarantine.list()).toEqual([]);
  });

  it('a document failing alone after its neighbours were accepted does not stop the call', async () => {
    const [a, b, p] = sales(3) as [SaleDocument, SaleDocument, SaleDocument];
    const { hub, pushes, push } = setup();
    hub.answer = failing500(p.id);
    expect(await push(rowsOf([a, b, p]))).toEqual([]);
    expect(pushes).toEqual([[a.id, b.id, p.id], [a.id, b.id], [p.id], [p.id], [p.id]]);
    expect(await h.onHub([a, b])).toBe(2);
    expect(await h.quarantine.list()).toMatchObject([{ id: p.id, code: 'keeps_failing' }]);
  });

  it('two documents failing alone with nothing accepted stop the call: the rest waits, nothing is quarantined', async () => {
    const [p1, p2, g] = sales(3) as [SaleDocument, SaleDocument, SaleDocument];
    const { hub, pushes, push } = setup();
    hub.answer = failing500(p1.id, p2.id);
    expect((await thrown(push(rowsOf([p1, p2, g])))).status).toBe(500);
    // The hub looks as if it failed everything: `g` is not sent alone, and neither failing one again.
    expect(pushes).toEqual([[p1.id, p2.id, g.id], [p1.id, p2.id], [p1.id], [p2.id]]);
    expect(await h.onHub([p1, p2, g])).toBe(0);
    expect(await h.quarantine.list()).toEqual([]);
  });

  it('a document alone that failed before is sent after the others, which go in one request', async () => {
    const [p, a, b] = sales(3) as [SaleDocument, SaleDocument, SaleDocument];
    const { hub, pushes, push } = setup();
    hub.answer = failing500(p.id);
    // Alone and nothing accepted yet: nothing to compare it with, so it is thrown (three tries, no more).
    expect((await thrown(push(rowsOf([p])))).status).toBe(500);
    expect(pushes).toEqual([[p.id], [p.id], [p.id]]);
    expect(await h.quarantine.list()).toEqual([]);
    pushes.length = 0;
    // RxDB's next batch: the known failing document goes last, so it cannot hold its neighbours up.
    expect(await push(rowsOf([p, a, b]))).toEqual([]);
    expect(pushes).toEqual([[a.id, b.id], [p.id], [p.id], [p.id]]);
    expect(await h.onHub([a, b])).toBe(2);
    expect(await h.quarantine.list()).toMatchObject([{ id: p.id, code: 'keeps_failing' }]);
  });

  it('a document is never compared with its own earlier version the hub accepted', async () => {
    const first = makeSale('store-1', [{ sku: 'SKU-00016', qty: 1 }]);
    const edited = { ...first, number: `${first.number}-B` };
    const { hub, pushes, push } = setup();
    expect(await push(rowsOf([first]))).toEqual([]);
    // The hub fails on the edited content only; the earlier version it would still accept.
    hub.answer = (rows) =>
      rows.some((r) => r.newDocumentState.number === edited.number)
        ? failure(500, 'internal', 'the hub cannot store the edit')
        : undefined;
    expect((await thrown(push(rowsOf([edited])))).status).toBe(500);
    expect(pushes).toEqual([[first.id], [first.id], [first.id], [first.id]]);
    expect(await h.quarantine.list()).toEqual([]);
  });

  it('a neighbour accepted in a later call counts for documents that started failing earlier', async () => {
    const [g0, p1, p2, q, g1] = sales(5) as [
      SaleDocument,
      SaleDocument,
      SaleDocument,
      SaleDocument,
      SaleDocument,
    ];
    const { hub, pushes, push } = setup();
    expect(await push(rowsOf([g0]))).toEqual([]);
    hub.answer = failing500(p1.id, p2.id, q.id);
    expect((await thrown(push(rowsOf([p1, p2])))).status).toBe(500);
    // Alone, with nothing accepted since: compared with the sale accepted before, sent again.
    expect(await push(rowsOf([q]))).toEqual([]);
    expect(pushes.slice(-4)).toEqual([[q.id], [q.id], [q.id], [g0.id]]);
    pushes.length = 0;
    // g1 is accepted in this call, after p1 and p2 began failing: that settles it, nothing is re-sent.
    expect(await push(rowsOf([p1, p2, g1]))).toEqual([]);
    expect(pushes).toEqual([[g1.id], [p1.id, p2.id], [p1.id], [p2.id], [p1.id], [p2.id]]);
    expect((await h.quarantine.list()).map((e) => [e.id, e.code]).sort()).toEqual(
      [
        [q.id, 'keeps_failing'],
        [p1.id, 'keeps_failing'],
        [p2.id, 'keeps_failing'],
      ].sort(),
    );
    expect(await h.onHub([g0, g1])).toBe(2);
  });

  it('a 400 naming no document, for a batch of one, quarantines it with the hub’s code and message', async () => {
    const [x] = sales(1) as [SaleDocument];
    const { hub, pushes, push } = setup();
    hub.answer = () => failure(400, 'invalid_document', 'the sale cannot be read');
    expect(await push(rowsOf([x]))).toEqual([]);
    expect(pushes).toEqual([[x.id]]);
    expect(await h.quarantine.list()).toMatchObject([
      { collection: 'sales', id: x.id, code: 'invalid_document', message: 'the sale cannot be read' },
    ]);
    expect(await h.onHub([x])).toBe(0);
  });

  it('a 400 naming no document, for a batch, is narrowed row by row to the culprit alone', async () => {
    const [a, x, b] = sales(3) as [SaleDocument, SaleDocument, SaleDocument];
    const { hub, pushes, push } = setup();
    hub.answer = (rows) =>
      rows.some((r) => idOf(r) === x.id)
        ? failure(400, 'invalid_document', 'a sale cannot be read')
        : undefined;
    expect(await push(rowsOf([a, x, b]))).toEqual([]);
    expect(pushes).toEqual([[a.id, x.id, b.id], [a.id], [x.id], [b.id]]);
    expect(await h.quarantine.list()).toMatchObject([
      { id: x.id, code: 'invalid_document', message: 'a sale cannot be read' },
    ]);
    expect(await h.onHub([a, b])).toBe(2);
  });

  it('conflicts the hub answers while a 400 naming no document is narrowed row by row are returned', async () => {
    const open = aShift({ id: `shift-${Math.random().toString(36).slice(2, 10)}` });
    const { hub, push } = setup('shifts');
    const asRow = (doc: object, assumed: object | null) => ({
      assumedMasterState: assumed ?? undefined,
      newDocumentState: { ...doc, _deleted: false },
    });
    expect(await push([asRow(open, null)] as never)).toEqual([]);
    // An edit made without knowing the hub's version: the hub answers its own as a conflict.
    const stale = { ...open, openingFloat: 5_000, updatedAt: '2026-11-27T09:00:00.000Z' };
    const broken = aShift({ id: `shift-${Math.random().toString(36).slice(2, 10)}` });
    hub.answer = (rows) =>
      rows.some((r) => idOf(r) === broken.id) ? failure(400, 'invalid_document', 'unreadable') : undefined;
    const conflicts = await push([asRow(stale, null), asRow(broken, null)] as never);
    expect(conflicts).toMatchObject([{ id: open.id, openingFloat: 10_000, _deleted: false }]);
    expect(await h.quarantine.list()).toMatchObject([{ id: broken.id, code: 'invalid_document' }]);
  });

  it.each([401, 422, 429])(
    'a %s naming a document is not a refusal the handler knows: thrown as-is, nothing quarantined',
    async (status) => {
      const [a, x] = sales(2) as [SaleDocument, SaleDocument];
      const { hub, pushes, push } = setup();
      hub.answer = () =>
        failure(status, `http_${status}`, 'not now', [{ id: x.id, code: 'odd', message: 'odd' }]);
      const error = await thrown(push(rowsOf([a, x])));
      expect([error.status, error.code]).toEqual([status, `http_${status}`]);
      expect(pushes).toEqual([[a.id, x.id]]);
      expect(await h.quarantine.list()).toEqual([]);
      expect(await h.onHub([a, x])).toBe(0);
    },
  );
});
