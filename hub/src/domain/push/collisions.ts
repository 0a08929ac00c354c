/**
 * Id collisions (hub/README.md, Push integrity): a pushed id already held by another store's document is
 * refused with 403 `forbidden_store`, and one held by other content of the register's own store with 409
 * `id_conflict` — never a silent 200. Both name the documents, carry nothing of what is stored, and are
 * recorded as `id_collision` exceptions. The request's transaction rolls back, so the exceptions are
 * written after it, on their own: a `Refusal` carries them out of the transaction to `recordingRefusals`.
 */
import { createHash } from 'node:crypto';
import type { DocumentProblem } from '@till/shared/sync/protocol';
import type { ExceptionInput } from '../../repositories/exceptions';
import { canonicalJson } from '../canonical-json';
import { DomainError, type DomainErrorCode } from '../errors';
import type { PushContext } from './push-handler';

/** A refusal that has exceptions to record once the request's transaction has rolled back. */
export class Refusal extends DomainError {
  constructor(
    code: DomainErrorCode,
    message: string,
    details: Record<string, unknown>,
    readonly exceptions: readonly ExceptionInput[],
  ) {
    super(code, message, details);
  }
}

/**
 * Runs `fn`; when it throws a `Refusal`, records its exceptions (outside any transaction, so they outlive
 * the refusal) before passing it on. If recording fails the request fails with that error and is retried:
 * a collision is never silently forgotten.
 */
export async function recordingRefusals<T>(ctx: PushContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Refusal && err.exceptions.length > 0) await ctx.repos.exceptions.raise(err.exceptions);
    throw err;
  }
}

/** One pushed document whose id is taken. */
export interface Collision {
  /** The pushed document's id. */
  id: string;
  /** Whether the stored document belongs to another store (else: the same store, other content). */
  foreign: boolean;
  /** A short summary of the stored document, for the exception (never for the register). */
  existing: Record<string, unknown>;
  /** The same summary of the pushed document. */
  pushed: Record<string, unknown>;
  /** The whole pushed document, which keys the exception (one per distinct refused content). */
  document: unknown;
  /** Set on the exception when the collection is `sales` or `orders`. */
  saleId?: string;
  orderId?: string;
  /** False when there is nothing stored to collide with (refused, but no exception is recorded). */
  record?: boolean;
}

/** The refusal of a request with collisions: 403 when any is another store's, else 409. */
export function collisionRefusal(
  ctx: PushContext,
  collection: string,
  collisions: readonly Collision[],
): Refusal {
  const foreign = collisions.some((c) => c.foreign);
  const documents: DocumentProblem[] = collisions.map((c) =>
    c.foreign
      ? {
          id: c.id,
          code: 'forbidden_store',
          message: `${collection} ${c.id} is not this store's; this register cannot write it`,
        }
      : {
          id: c.id,
          code: 'id_conflict',
          message: `${collection} ${c.id} is already stored with other content; a document never changes its id`,
        },
  );
  const message = foreign
    ? `${collection} document(s) of another store; nothing in this request was applied`
    : `${collection} id(s) already stored with other content; nothing in this request was applied`;
  return new Refusal(
    foreign ? 'forbidden_store' : 'id_conflict',
    message,
    { documents },
    collisions.filter((c) => c.record !== false).map((c) => collisionException(ctx, collection, c)),
  );
}

/** Throws the refusal of `collisions`, if there are any. */
export function refuseCollisions(
  ctx: PushContext,
  collection: string,
  collisions: readonly Collision[],
): void {
  if (collisions.length > 0) throw collisionRefusal(ctx, collection, collisions);
}

/** The exception recording one collision: both sides summarised, keyed by what was pushed. */
function collisionException(ctx: PushContext, collection: string, c: Collision): ExceptionInput {
  const refusal = c.foreign ? 'forbidden_store' : 'id_conflict';
  const { storeId, registerId } = ctx.identity;
  return {
    kind: 'id_collision',
    storeId,
    sku: null,
    saleId: c.saleId ?? null,
    orderId: c.orderId ?? null,
    message: c.foreign
      ? `register ${registerId} of ${storeId} pushed ${collection} ${c.id}, an id of another store's document; refused`
      : `register ${registerId} of ${storeId} pushed ${collection} ${c.id} with other content than stored; refused`,
    details: { collection, id: c.id, refusal, pushedBy: registerId, existing: c.existing, pushed: c.pushed },
    dedupeKey: `id_collision:${collection}:${c.id}:${storeId}:${fingerprint(c.document)}`,
  };
}

/** A stable fingerprint of a JSON document: the same whatever the order of its keys. */
export function fingerprint(doc: unknown): string {
  return createHash('sha256').update(canonicalJson(doc)).digest('hex').slice(0, 32);
}

/** Whether two JSON documents are equal as JSON (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The documents of one request, each id once. The same document twice is one (a retried batch merged
 * into a new one); one id with two different contents is a collision within the request.
 */
export function uniqueDocuments<T extends { id: string }>(
  docs: readonly T[],
  summary: (doc: T) => Record<string, unknown>,
): { unique: T[]; collisions: Collision[] } {
  const first = new Map<string, T>();
  const collisions = new Map<string, Collision>();
  for (const doc of docs) {
    const seen = first.get(doc.id);
    if (!seen) first.set(doc.id, doc);
    else if (!collisions.has(doc.id) && !sameJson(seen, doc)) {
      collisions.set(doc.id, {
        id: doc.id,
        foreign: false,
        existing: summary(seen),
        pushed: summary(doc),
        document: doc,
      });
    }
  }
  return { unique: [...first.values()], collisions: [...collisions.values()] };
}
