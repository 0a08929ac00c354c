/**
 * A pull checkpoint is `{"xid":"<1 to 20 digits, at most 2^64-1>","seq":<int>}`. Well-formed JSON whose
 * xid is not such a number — letters, a sign, a fraction, an exponent, spaces, or a number past 64 bits —
 * is refused with 400 `invalid_checkpoint` before it reaches the database (where it would be a 500), and
 * the largest 64-bit xid is still accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, auth, startHub } from '../../test/support/hub';

const MAX_XID8 = '18446744073709551615';

describe.each(DATABASES)('pull checkpoint xid on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  const pull = (checkpoint: unknown) =>
    hub.app.inject({
      url: `/api/v1/sync/products/pull?checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`,
      headers: auth(token),
    });

  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
  });
  afterAll(() => hub.close());

  it.each([
    ['not a number', 'abc'],
    ['hexadecimal', '0x10'],
    ['negative', '-1'],
    ['signed', '+5'],
    ['fractional', '1.5'],
    ['in exponent notation', '1e3'],
    ['padded with a space', ' 12'],
    ['empty', ''],
    ['one past 64 bits', '18446744073709551616'],
    ['far past 64 bits', '99999999999999999999'],
    ['longer than 20 digits', '000000000000000000001'],
  ])('refuses an xid that is %s with 400 invalid_checkpoint', async (_what, xid) => {
    const res = await pull({ xid, seq: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_checkpoint');
  });

  it('refuses an xid sent as a JSON number', async () => {
    const res = await pull({ xid: 5, seq: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_checkpoint');
  });

  it('accepts the largest 64-bit xid: nothing lies after it', async () => {
    const res = await pull({ xid: MAX_XID8, seq: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ documents: [], checkpoint: { xid: MAX_XID8, seq: 0 } });
  });
});
