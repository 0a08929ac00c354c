/**
 * Which register pushed a sale (docs/architecture.md, Data rules). The hub records the pushing register
 * (`pushed_by`) beside the register the sale names: a register that re-enrolls still sends the sales it
 * queued under its old id with its new token, so a sale naming another register of the store is stored,
 * not refused. A register's sales pull skips exactly the sales it pushed, whatever they name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, auth, count, pushBody, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

type Enrolled = { token: string; registerId: string };

describe.each(DATABASES)('sale origin on %s', (kind) => {
  let hub: TestHub;
  let pusher: Enrolled;
  let other: Enrolled;
  const pushedBy = async (saleId: string) =>
    (await hub.db.query<{ pushed_by: string }>('SELECT pushed_by FROM sales WHERE id = $1', [saleId]))[0]
      ?.pushed_by;
  const pullAllSales = async (token: string) => {
    const ids: string[] = [];
    let checkpoint = '';
    for (;;) {
      const res = await hub.app.inject({
        url: `/api/v1/sync/sales/pull?limit=100&checkpoint=${checkpoint}`,
        headers: auth(token),
      });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { documents: { id: string }[]; checkpoint: unknown };
      ids.push(...page.documents.map((d) => d.id));
      if (page.documents.length === 0) return ids;
      checkpoint = encodeURIComponent(JSON.stringify(page.checkpoint));
    }
  };

  beforeAll(async () => {
    hub = await startHub(kind);
    pusher = await hub.enroll('DEMO-S1-R1');
    other = await hub.enroll('DEMO-S1-R2');
  });
  afterAll(() => hub.close());

  it('stores a sale naming the pusher and one naming another register of the store, each once, as pushed by the pusher', async () => {
    const own = makeSale('store-1', [{ sku: 'SKU-00001', qty: 1 }], { registerId: pusher.registerId });
    const named = makeSale('store-1', [{ sku: 'SKU-00002', qty: 1 }], { registerId: other.registerId });
    const push = () =>
      hub.app.inject({
        method: 'POST',
        url: '/api/v1/sync/sales/push',
        headers: auth(pusher.token),
        payload: pushBody([own, named]),
      });
    const first = await push();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual([]);
    // A re-sent push (lost acknowledgement) changes nothing.
    expect((await push()).statusCode).toBe(200);

    for (const sale of [own, named]) {
      expect(await count(hub.db, 'sales', 'id = $1', [sale.id])).toBe(1);
      expect(await pushedBy(sale.id)).toBe(pusher.registerId);
    }
    // The document keeps the register it names.
    const stored = await hub.db.query<{ register_id: string }>(
      'SELECT register_id FROM sales WHERE id = $1',
      [named.id],
    );
    expect(stored[0]?.register_id).toBe(other.registerId);

    // The pusher's pull skips both; the other register's pull returns both.
    const pusherSees = await pullAllSales(pusher.token);
    expect(pusherSees).not.toContain(own.id);
    expect(pusherSees).not.toContain(named.id);
    const otherSees = await pullAllSales(other.token);
    expect(otherSees).toContain(own.id);
    expect(otherSees).toContain(named.id);
  });

  it('a register pulls the sales another register pushed, and not its own', async () => {
    const mine = makeSale('store-1', [{ sku: 'SKU-00003', qty: 1 }], { registerId: other.registerId });
    const theirs = makeSale('store-1', [{ sku: 'SKU-00003', qty: 1 }], { registerId: pusher.registerId });
    const send = (token: string, sale: unknown) =>
      hub.app.inject({
        method: 'POST',
        url: '/api/v1/sync/sales/push',
        headers: auth(token),
        payload: pushBody([sale]),
      });
    expect((await send(other.token, mine)).statusCode).toBe(200);
    expect((await send(pusher.token, theirs)).statusCode).toBe(200);
    const seen = await pullAllSales(other.token);
    expect(seen).toContain(theirs.id);
    expect(seen).not.toContain(mine.id);
  });
});
