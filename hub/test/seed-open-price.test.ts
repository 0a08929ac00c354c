/**
 * The demo seed carries one open-price product, pulled by the registers with `openPrice: true` and a
 * price of zero (the clerk types the price at the counter), without changing how many products it seeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PRODUCTS, type TestHub, auth, startHub } from '../../test/support/hub';

describe('demo seed: open-price product', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub('pglite');
  });
  afterAll(() => hub.close());

  it('replicates exactly one open-price product among the seeded count', async () => {
    const { token } = await hub.enroll('DEMO-S1-R1');
    const res = await hub.app.inject({
      url: `/api/v1/sync/products/pull?checkpoint=&limit=${TEST_PRODUCTS + 10}`,
      headers: auth(token),
    });
    expect(res.statusCode).toBe(200);
    const docs = (res.json() as { documents: { sku: string; price: number; openPrice?: boolean }[] })
      .documents;
    expect(docs).toHaveLength(TEST_PRODUCTS);
    const open = docs.filter((d) => d.openPrice === true);
    expect(open).toMatchObject([{ price: 0 }]);
  });
});
