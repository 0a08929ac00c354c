/** Unit tests of the change notification format: chunking under PostgreSQL's payload limit. */
import { describe, expect, it } from 'vitest';
import { ChangesRepository, type LevelChange, parseChange } from './changes';

describe('ChangesRepository.notify', () => {
  it('splits many levels into payloads under 8000 bytes that parse back to the same change', async () => {
    let payloads: string[] = [];
    const tx = {
      async query<R>(_sql: string, params?: readonly unknown[]) {
        payloads = params?.[1] as string[];
        return [] as R[];
      },
    };
    const levels: LevelChange[] = Array.from({ length: 1500 }, (_, i) => ({
      storeId: 'store-1',
      sku: `SKU-${String(i).padStart(5, '0')}`,
      onHand: i,
      reserved: i % 3,
    }));
    await new ChangesRepository(tx).notify(
      [
        ['sales', 'store-1'],
        ['stock', 'store-1'],
      ],
      levels,
    );
    expect(payloads.length).toBeGreaterThan(1);
    const parsed = payloads.map((p) => parseChange(`42|${p}`)!);
    expect(payloads.every((p) => p.length < 7100)).toBe(true);
    expect(parsed[0]!.collections).toEqual([
      ['sales', 'store-1'],
      ['stock', 'store-1'],
    ]);
    expect(parsed.flatMap((c) => c.levels)).toEqual(levels);
    expect(parsed[0]!.xid).toBe(42n);
  });

  it('ignores foreign payloads', () => {
    expect(parseChange('hello')).toBeNull();
    expect(parseChange('1|{not json')).toBeNull();
  });
});
