/**
 * One RxDB pull batch fetched as several protocol pages. The protocol caps a page at `MAX_PULL_LIMIT`
 * documents, but every batch handed to RxDB is one write to the replica, and those writes cost more per
 * batch than per document: in IndexedDB each is a durable transaction, in memory each merges the new
 * documents into every sorted index. Pages are fetched one after another (each starts at the checkpoint
 * the last one ended at) and returned together with the last checkpoint.
 */
import {
  type Checkpoint,
  type CollectionName,
  MAX_PULL_LIMIT,
  type WireDocument,
} from '@till/shared/sync/protocol';
import type { HubClient } from './hub-client';

/** A pull batch: documents in checkpoint order and the checkpoint after the last of them. */
export interface PulledBatch {
  documents: WireDocument[];
  checkpoint: Checkpoint;
}

/**
 * Pulls up to `batchSize` documents after `checkpoint` in pages of at most `MAX_PULL_LIMIT`. Fewer than
 * `batchSize` means the hub has no more (what RxDB takes a short batch to mean); a failed page fails the
 * whole batch, which RxDB then pulls again from `checkpoint`, so no document is skipped.
 */
export async function pullPages(
  client: Pick<HubClient, 'pull'>,
  collection: CollectionName,
  checkpoint: Checkpoint | null | undefined,
  batchSize: number,
): Promise<PulledBatch> {
  const documents: WireDocument[] = [];
  let at = checkpoint;
  for (;;) {
    const limit = Math.min(MAX_PULL_LIMIT, batchSize - documents.length);
    const page = await client.pull(collection, at, limit);
    for (const doc of page.documents) documents.push(doc);
    at = page.checkpoint;
    if (page.documents.length < limit || documents.length >= batchSize) return { documents, checkpoint: at };
  }
}
