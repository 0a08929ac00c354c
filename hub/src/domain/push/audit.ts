/**
 * The `audit` push: entries are insert-only, and a re-sent entry is a no-op. Push-only, never conflicts.
 * An id stored with other content is refused (409 `id_conflict`), one of another store's entry with 403
 * `forbidden_store` (push/collisions.ts): an entry is never silently dropped.
 */
import { type AuditEntry, auditEntrySchema } from '@till/shared/schemas/audit';
import type { AuditCollision } from '../../repositories/audit';
import { type Collision, recordingRefusals, refuseCollisions, uniqueDocuments } from './collisions';
import { type PushContext, type PushHandler, checkDocuments, rejectOtherStores } from './push-handler';
import { writeOrNameUnstorable } from './unstorable';

/** The push handler of the `audit` collection. */
export const pushAudit: PushHandler = async (ctx, rows) => {
  await storeAudit(
    ctx,
    checkDocuments(rows, auditEntrySchema, 'audit').map((i) => i.doc),
  );
  return [];
};

/**
 * Stores checked entries in one transaction (tests call it with entries the schema would refuse, to reach
 * the database's own refusals).
 */
export async function storeAudit(ctx: PushContext, entries: readonly AuditEntry[]): Promise<void> {
  rejectOtherStores(entries, ctx.identity);
  await recordingRefusals(ctx, async () => {
    const { unique, collisions } = uniqueDocuments(entries, summary);
    refuseCollisions(ctx, 'audit', collisions);
    if (unique.length === 0) return;
    await writeOrNameUnstorable(
      ctx.db,
      'audit',
      unique,
      (e) => e.id,
      async (tx, subset) => {
        const inserted = new Set(await ctx.repos.audit.insertMany(subset, tx));
        const kept = subset.filter((e) => !inserted.has(e.id));
        // Thrown inside the transaction, so nothing of the request is applied.
        if (kept.length > 0) {
          const byId = new Map(kept.map((e) => [e.id, e]));
          const stored = await ctx.repos.audit.collisions(kept, tx);
          refuseCollisions(
            ctx,
            'audit',
            stored.map((c) => collision(c, byId.get(c.id)!)),
          );
        }
      },
    );
  });
}

function collision(stored: AuditCollision, pushed: AuditEntry): Collision {
  return {
    id: stored.id,
    foreign: !stored.sameStore,
    existing: stored.existing,
    pushed: summary(pushed),
    document: pushed,
  };
}

function summary(entry: AuditEntry): Record<string, unknown> {
  return { storeId: entry.storeId, registerId: entry.registerId, action: entry.action, at: entry.at };
}
