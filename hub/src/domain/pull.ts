/**
 * A register's pull (docs/architecture.md, Sync protocol): one page of a collection after an opaque
 * `(xid, seq)` checkpoint, scoped to the register's store, without the rows the register wrote itself.
 */
import { type Checkpoint, START_CHECKPOINT, checkpointSchema } from '@till/shared/sync/protocol';
import type { FeedPage, PullFeed } from '../repositories/feeds';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import type { RegisterIdentity } from './register-auth';

/** Parses the `checkpoint` query parameter: URL-decoded JSON, or empty/absent/null for the start. */
export function parseCheckpoint(raw: string | undefined): Checkpoint {
  if (raw === undefined || raw === '') return START_CHECKPOINT;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new DomainError('invalid_checkpoint', 'checkpoint must be JSON like {"xid":"123","seq":4}');
  }
  if (value === null) return START_CHECKPOINT; // `null`: RxDB's first pull
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success)
    throw new DomainError('invalid_checkpoint', 'checkpoint must be {"xid":"<digits>","seq":<int>}');
  return parsed.data;
}

/**
 * One page of `feed` for a register — its store's rows after the checkpoint, minus the rows it wrote — as
 * the answer's JSON text `{"documents":[…],"checkpoint":{…}}`. The documents are the database's own JSON,
 * passed through: a page of a thousand documents is never parsed and serialised again in the hub.
 */
export async function pullPage(
  ctx: DomainContext,
  feed: PullFeed,
  identity: RegisterIdentity,
  query: { checkpoint?: string | undefined; limit: number },
): Promise<string> {
  const checkpoint = parseCheckpoint(query.checkpoint);
  const page = await ctx.repos.feeds.page(
    feed,
    identity.storeId,
    checkpoint,
    query.limit,
    identity.registerId,
  );
  return pageJson(page);
}

/** A page as the pull answer's JSON text. */
export function pageJson(page: FeedPage): string {
  return `{"documents":${page.documentsJson},"checkpoint":${JSON.stringify(page.checkpoint)}}`;
}
