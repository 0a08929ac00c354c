import { describe, expect, it } from 'vitest';
import {
  RESYNC,
  checkpointSchema,
  collectionNames,
  errorBodySchema,
  isCollectionName,
  isPulled,
  isPushed,
  parseStreamEvent,
  pushRequestSchema,
} from './protocol';

describe('sync protocol', () => {
  it('names each collection with one direction; shifts are push-only', () => {
    expect(collectionNames).toContain('shifts');
    expect(isPushed('shifts')).toBe(true);
    expect(isPulled('shifts')).toBe(false);
    expect(isPulled('sales') && isPushed('sales')).toBe(true);
    expect(isPushed('products')).toBe(false);
    expect(isCollectionName('toString')).toBe(false);
  });

  it('accepts only decimal 64-bit xids and safe non-negative seqs in a checkpoint', () => {
    expect(checkpointSchema.safeParse({ xid: '123', seq: 4 }).success).toBe(true);
    expect(checkpointSchema.safeParse({ xid: '18446744073709551615', seq: 0 }).success).toBe(true);
    for (const bad of [
      { xid: '18446744073709551616', seq: 0 },
      { xid: '-1', seq: 0 },
      { xid: 'abc', seq: 0 },
      { xid: 12, seq: 0 },
      { xid: '1', seq: -1 },
      { xid: '1', seq: 1.5 },
      { xid: '1', seq: 1, extra: true },
    ]) {
      expect(checkpointSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('parses stream frames: RESYNC bare or quoted, change frames checked, anything else null', () => {
    expect(parseStreamEvent('RESYNC')).toBe(RESYNC);
    expect(parseStreamEvent('"RESYNC"')).toBe(RESYNC);
    const frame = { collection: 'sales', documents: [{ id: 'a' }], checkpoint: { xid: '9', seq: 1 } };
    expect(parseStreamEvent(JSON.stringify(frame))).toEqual(frame);
    expect(parseStreamEvent(JSON.stringify({ ...frame, collection: 'nope' }))).toBeNull();
    expect(parseStreamEvent(JSON.stringify({ ...frame, documents: 'x' }))).toBeNull();
    expect(parseStreamEvent(JSON.stringify({ ...frame, checkpoint: null }))).toBeNull();
    expect(parseStreamEvent('{not json')).toBeNull();
  });

  it('push rows need a document; error bodies may name documents', () => {
    expect(pushRequestSchema.safeParse([{ newDocumentState: { id: 'a' } }]).success).toBe(true);
    expect(pushRequestSchema.safeParse([{ assumedMasterState: null }]).success).toBe(false);
    const body = {
      error: {
        code: 'invalid_documents',
        message: 'x',
        documents: [{ id: null, code: 'schema', message: 'y' }],
      },
    };
    expect(errorBodySchema.parse(body).error.documents?.[0]?.id).toBeNull();
  });
});
