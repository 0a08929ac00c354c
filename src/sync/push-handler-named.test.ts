/**
 * A 400 that names some of the pushed documents, against a real hub: the handler quarantines exactly the
 * named ones with the reason the hub gave for each (its code and its message), then sends the rest in one
 * request — not row by row, and without the named ones. Every push request is recorded on its way to the
 * hub, so the test sees what was sent, in what order, and what the hub answered.
 */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { ErrorBody, PushRow } from '@till/shared/sync/protocol';
import { rowsOf, usePushHarness } from '../../test/support/push-harness';
import { makeSale } from '../../test/support/sales';
import { createHubClient } from './hub-client';
import { createPushHandler } from './push-handler';

/** One push request as sent and answered. */
interface Exchange {
  ids: string[];
  status: number;
  body: unknown;
}

/** A `fetch` that records every push (ids sent, status and body answered) and otherwise only forwards. */
function recordingFetch() {
  const pushes: Exchange[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (init?.method === 'POST' && String(input).includes('/push')) {
      const ids = (JSON.parse(String(init.body)) as PushRow[]).map((r) => String(r.newDocumentState.id));
      pushes.push({ ids, status: res.status, body: await res.clone().json() });
    }
    return res;
  };
  return { fetch: wrapped, pushes };
}

/** A sale a bug wrote with zero quantities, past recordSale's check: the hub refuses it by name. */
const broken = () => {
  const sale = makeSale('store-1', [{ sku: 'SKU-00015', qty: 1 }]);
  return { ...sale, lines: sale.lines.map((l) => ({ ...l, qty: 0 })) };
};

describe('push handler and a 400 naming some documents', () => {
  const h = usePushHarness();

  it('quarantines exactly the named ones with the hub’s reasons and sends the rest in one request', async () => {
    const net = recordingFetch();
    const push = createPushHandler<Record<string, unknown>>({
      collection: 'sales',
      primaryKey: 'id',
      client: createHubClient({ baseUrl: h.url, token: () => h.token, fetch: net.fetch }),
      quarantine: h.quarantine,
    });
    const good = Array.from({ length: 6 }, () => makeSale('store-1', [{ sku: 'SKU-00015', qty: 1 }]));
    const bad = [broken(), broken()];
    const batch = [good[0], bad[0], ...good.slice(1, 4), bad[1], ...good.slice(4)] as SaleDocument[];

    expect(await push(rowsOf(batch))).toEqual([]);

    // The whole batch, refused by name; then the rest, in order, in a single request.
    expect(net.pushes.map((p) => [p.ids, p.status])).toEqual([
      [batch.map((s) => s.id), 400],
      [good.map((s) => s.id), 200],
    ]);
    const refusal = net.pushes[0]?.body as ErrorBody;
    expect(refusal.error.code).toBe('invalid_documents');
    const named = refusal.error.documents ?? [];
    expect(named.map((d) => d.id).sort()).toEqual(bad.map((b) => b.id).sort());

    // Each quarantined with the reason the hub gave for that document, not the answer's general one.
    const entries = await h.quarantine.list();
    expect(entries.map((e) => e.id).sort()).toEqual(bad.map((b) => b.id).sort());
    for (const e of entries) {
      const reason = named.find((d) => d.id === e.id);
      expect(e).toMatchObject({ collection: 'sales', code: reason?.code, message: reason?.message });
      expect(e.code).not.toBe(refusal.error.code);
      expect(e.message).not.toBe(refusal.error.message);
    }
    expect(await h.onHub(good)).toBe(good.length);
    expect(await h.onHub(bad as SaleDocument[])).toBe(0);
  });
});
