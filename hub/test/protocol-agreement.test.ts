/**
 * The hub serves the sync protocol it shares with registers (src/shared/sync/protocol.ts): a collection
 * is pullable on the hub exactly when the protocol says pull or both, and pushable exactly when it says
 * push or both — so a register never asks for what the hub will not serve, nor is sent what it will not
 * pull (shifts and audit are push-only, and so never on the register stream either).
 */
import { describe, expect, it } from 'vitest';
import { collectionNames, syncCollections } from '@till/shared/sync/protocol';
import { hubCollections, pulledCollections } from '../src/domain/collections';

describe('the hub and the sync protocol', () => {
  it('serve the same collections', () => {
    expect(Object.keys(hubCollections).sort()).toEqual([...collectionNames].sort());
  });

  it.each(collectionNames)('%s: pullable iff pull/both, pushable iff push/both', (name) => {
    const direction: string = syncCollections[name];
    const { pull, push } = hubCollections[name];
    expect(pull !== null).toBe(direction === 'pull' || direction === 'both');
    expect(push !== null).toBe(direction === 'push' || direction === 'both');
  });

  it('streams exactly the pulled collections', () => {
    expect(pulledCollections.map((c) => c.name).sort()).toEqual(
      collectionNames.filter((n) => syncCollections[n] !== 'push').sort(),
    );
  });
});
