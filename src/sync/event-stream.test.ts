/**
 * The shared event stream's validation, with a fake `OpenEventStream` standing in for the SSE connection
 * (the frames the hub sends are tested against a real hub in replication.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { fakeSyncStream } from '../../test/support/fake-event-source';
import { type StreamItem, type StreamState, withDeletedFlag } from './event-stream';

function setUp(reopenMs = 1) {
  const { stream, sources, latest: source } = fakeSyncStream(reopenMs);
  const seen: Record<string, StreamItem[]> = { products: [], sales: [] };
  const subs = [
    stream.for('products').subscribe((item) => seen.products?.push(item)),
    stream.for('sales').subscribe((item) => seen.sales?.push(item)),
  ];
  return { stream, sources, source, seen, stop: () => subs.forEach((s) => s.unsubscribe()) };
}

const checkpoint = { xid: '812', seq: 3 };
const product = { sku: 'SKU-00001', name: 'Oat Milk', price: 199 };

describe('the sync event stream', () => {
  it('opens one stream with the token and hands a well-formed change to its collection only', () => {
    const { source, seen, stream } = setUp();
    expect(source()).toMatchObject({
      url: 'http://hub.test/api/v1/sync/stream',
      token: 'tok_test_0123456789',
    });
    source().frame({ collection: 'products', documents: [product], checkpoint });
    expect(seen.products).toEqual([{ documents: [{ ...product, _deleted: false }], checkpoint }]);
    expect(seen.sales).toEqual([]);
    stream.close();
  });

  it('drops malformed frames, bad checkpoints and collections it does not know', () => {
    const { source, seen, stream } = setUp();
    source().frame('{"collection":"products",');
    source().frame('not json at all');
    source().frame({ collection: 'products', documents: [product] });
    source().frame({ collection: 'products', documents: [product], checkpoint: { xid: '-1', seq: 0 } });
    source().frame({ collection: 'products', documents: [product], checkpoint: { xid: 'abc', seq: 0 } });
    source().frame({ collection: 'products', documents: [product], checkpoint: { xid: '1', seq: 1.5 } });
    source().frame({
      collection: 'products',
      documents: [product],
      checkpoint: { xid: '99999999999999999999', seq: 0 },
    });
    source().frame({ collection: 'products', documents: [42, 'x'], checkpoint });
    source().frame({ collection: 'products', documents: 'all of them', checkpoint });
    source().frame({ collection: 'bogus', documents: [product], checkpoint });
    source().frame({ collection: 'toString', documents: [product], checkpoint });
    source().frame({ collection: 'constructor', documents: [], checkpoint });
    source().frame('null');
    source().frame('"RESYNC!"');
    expect(seen).toEqual({ products: [], sales: [] });
    // The stream is still alive after all of that.
    source().frame({ collection: 'sales', documents: [], checkpoint });
    expect(seen.sales).toEqual([{ documents: [], checkpoint }]);
    stream.close();
  });

  it('hands a collection’s changes to every listener of it, however many asked', () => {
    const { source, seen, stream } = setUp();
    const second: StreamItem[] = [];
    const sub = stream.for('products').subscribe((item) => second.push(item));
    source().frame({ collection: 'products', documents: [product], checkpoint });
    source().frame('RESYNC');
    const change = { documents: [{ ...product, _deleted: false }], checkpoint };
    expect(seen.products).toEqual([change, 'RESYNC']);
    expect(second).toEqual([change, 'RESYNC']);
    sub.unsubscribe();
    stream.close();
  });

  it('marks a document deleted only when the hub says so', () => {
    expect(withDeletedFlag({ id: 'p1', _deleted: true })._deleted).toBe(true);
    expect(withDeletedFlag({ id: 'p1', _deleted: false })._deleted).toBe(false);
    expect(withDeletedFlag({ id: 'p1' })._deleted).toBe(false);
  });

  it('ignores a change for a collection nobody listens to', () => {
    const { source, seen, stream } = setUp();
    expect(() =>
      source().frame({ collection: 'customers', documents: [{ id: 'c1' }], checkpoint }),
    ).not.toThrow();
    expect(seen).toEqual({ products: [], sales: [] });
    stream.close();
  });

  it('fans RESYNC out to every listening collection, bare or as a JSON string', () => {
    const { source, seen, stream } = setUp();
    source().frame('RESYNC');
    source().frame('"RESYNC"');
    expect(seen).toEqual({ products: ['RESYNC', 'RESYNC'], sales: ['RESYNC', 'RESYNC'] });
    stream.close();
  });

  it('reports its state and reopens a stream its source gave up on', async () => {
    const { source, sources, stream } = setUp();
    const states: StreamState[] = [];
    stream.state$.subscribe((s) => states.push(s));
    source().onopen?.({});
    // A network failure: the source retries by itself (readyState stays CONNECTING).
    source().readyState = 0;
    source().onerror?.({});
    await new Promise((r) => setTimeout(r, 20));
    expect(sources).toHaveLength(1);
    // A non-200 answer: the source is CLOSED for good, so a new one is opened.
    source().readyState = 2;
    source().onerror?.({});
    await new Promise((r) => setTimeout(r, 20));
    expect(sources).toHaveLength(2);
    expect(sources[0]?.closed).toBe(true);
    source().onopen?.({});
    stream.close();
    expect(source().closed).toBe(true);
    expect(states).toEqual(['open', 'reconnecting', 'reconnecting', 'connecting', 'open', 'closed']);
  });

  it('opens nothing more once closed', async () => {
    const { source, sources, stream, seen } = setUp();
    source().readyState = 2;
    source().onerror?.({});
    stream.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(sources).toHaveLength(1);
    source().frame('RESYNC');
    expect(seen).toEqual({ products: [], sales: [] });
  });
});
