/**
 * Id collisions on their own: the refusal a register gets (403 when any document is another store's, else
 * 409, each document named), the exception a person reads (both sides summarised, keyed by what was
 * pushed), a request carrying one id twice, and the exceptions written once the request has failed.
 * hub/test/push-integrity.test.ts covers the same end to end on a real hub.
 */
import { describe, expect, it } from 'vitest';
import type { ExceptionInput } from '../../repositories/exceptions';
import { DomainError } from '../errors';
import {
  type Collision,
  Refusal,
  collisionRefusal,
  fingerprint,
  recordingRefusals,
  refuseCollisions,
  sameJson,
  uniqueDocuments,
} from './collisions';
import type { PushContext } from './push-handler';

/** A push context whose exceptions are kept in memory. */
function context() {
  const raised: ExceptionInput[][] = [];
  const ctx = {
    identity: { registerId: 'reg-s1-1', storeId: 'store-1' },
    repos: { exceptions: { raise: async (items: ExceptionInput[]) => void raised.push(items) } },
  } as unknown as PushContext;
  return { ctx, raised };
}

const collision = (over: Partial<Collision> = {}): Collision => ({
  id: 'doc-1',
  foreign: false,
  existing: { number: 'S1-0001' },
  pushed: { number: 'S1-0002' },
  document: { id: 'doc-1', number: 'S1-0002' },
  ...over,
});

describe('collisionRefusal', () => {
  it('is a 409 naming each document when every id is held by the register’s own store', () => {
    const { ctx } = context();
    const refusal = collisionRefusal(ctx, 'orders', [collision()]);
    expect(refusal.code).toBe('id_conflict');
    expect(refusal.message).toBe(
      'orders id(s) already stored with other content; nothing in this request was applied',
    );
    expect(refusal.details).toEqual({
      documents: [
        {
          id: 'doc-1',
          code: 'id_conflict',
          message: 'orders doc-1 is already stored with other content; a document never changes its id',
        },
      ],
    });
  });

  it('is a 403 as soon as one id is another store’s, still naming each document by what it is', () => {
    const { ctx } = context();
    const refusal = collisionRefusal(ctx, 'orders', [collision(), collision({ id: 'doc-2', foreign: true })]);
    expect(refusal.code).toBe('forbidden_store');
    expect(refusal.message).toBe('orders document(s) of another store; nothing in this request was applied');
    expect((refusal.details.documents as { code: string }[]).map((d) => d.code)).toEqual([
      'id_conflict',
      'forbidden_store',
    ]);
  });

  it('records an exception per collision with both sides, but none for a collision with nothing stored', () => {
    const { ctx } = context();
    const refusal = collisionRefusal(ctx, 'orders', [
      collision({ orderId: 'ord-1', saleId: 'sale-1' }),
      collision({ id: 'doc-2', foreign: true }),
      collision({ id: 'doc-3', record: false }),
    ]);
    expect(refusal.exceptions).toHaveLength(2);
    const [own, foreign] = refusal.exceptions;
    expect(own).toEqual({
      kind: 'id_collision',
      storeId: 'store-1',
      sku: null,
      saleId: 'sale-1',
      orderId: 'ord-1',
      message: 'register reg-s1-1 of store-1 pushed orders doc-1 with other content than stored; refused',
      details: {
        collection: 'orders',
        id: 'doc-1',
        refusal: 'id_conflict',
        pushedBy: 'reg-s1-1',
        existing: { number: 'S1-0001' },
        pushed: { number: 'S1-0002' },
      },
      dedupeKey: `id_collision:orders:doc-1:store-1:${fingerprint({ id: 'doc-1', number: 'S1-0002' })}`,
    });
    expect(foreign).toMatchObject({
      saleId: null,
      orderId: null,
      message: "register reg-s1-1 of store-1 pushed orders doc-2, an id of another store's document; refused",
      details: { refusal: 'forbidden_store' },
    });
  });

  it('throws only when there are collisions', () => {
    const { ctx } = context();
    expect(() => refuseCollisions(ctx, 'orders', [])).not.toThrow();
    expect(() => refuseCollisions(ctx, 'orders', [collision()])).toThrow(Refusal);
  });
});

describe('recordingRefusals', () => {
  it('records a refusal’s exceptions before passing it on', async () => {
    const { ctx, raised } = context();
    const refusal = collisionRefusal(ctx, 'orders', [collision()]);
    await expect(recordingRefusals(ctx, async () => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(raised).toEqual([refusal.exceptions]);
  });

  it('records nothing for a refusal without exceptions, or for any other error', async () => {
    const { ctx, raised } = context();
    const bare = collisionRefusal(ctx, 'orders', [collision({ record: false })]);
    await expect(recordingRefusals(ctx, async () => Promise.reject(bare))).rejects.toBe(bare);
    const other = new DomainError('invalid_documents', 'bad');
    await expect(recordingRefusals(ctx, async () => Promise.reject(other))).rejects.toBe(other);
    expect(raised).toEqual([]);
    await expect(recordingRefusals(ctx, async () => 'applied')).resolves.toBe('applied');
  });
});

describe('fingerprint and sameJson', () => {
  it('fingerprints equal JSON alike whatever the key order, as 32 hex digits', () => {
    const print = fingerprint({ a: 1, b: [1, 2] });
    expect(print).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint({ b: [1, 2], a: 1 })).toBe(print);
    expect(fingerprint({ a: 1, b: [2, 1] })).not.toBe(print);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
  });
});

describe('uniqueDocuments', () => {
  const summary = (d: { id: string; n: number }) => ({ n: d.n });

  it('keeps each id once, and the same document twice is no collision', () => {
    const a = { id: 'a', n: 1 };
    const { unique, collisions } = uniqueDocuments([a, { id: 'b', n: 2 }, { n: 1, id: 'a' }], summary);
    expect(unique).toEqual([a, { id: 'b', n: 2 }]);
    expect(collisions).toEqual([]);
  });

  it('makes one id with two contents one collision within the request, however often it comes', () => {
    const { unique, collisions } = uniqueDocuments(
      [
        { id: 'a', n: 1 },
        { id: 'a', n: 2 },
        { id: 'a', n: 3 },
      ],
      summary,
    );
    expect(unique).toEqual([{ id: 'a', n: 1 }]);
    expect(collisions).toEqual([
      { id: 'a', foreign: false, existing: { n: 1 }, pushed: { n: 2 }, document: { id: 'a', n: 2 } },
    ]);
  });
});
