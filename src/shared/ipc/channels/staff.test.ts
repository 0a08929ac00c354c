/** The `staff` IPC area: what `staff:verify-pin` accepts, and its refusals with their details on the wire. */
import { describe, expect, it } from 'vitest';
import { ipcChannels, ipcErrorCodes, ipcResultSchema, isIpcChannel } from '../contract';
import { wsServerMessageSchema } from '../ws-protocol';

const good = {
  staffId: 'staff-bob',
  storeId: 'store-1',
  pinHash: 'till2$ln=14,r=8,p=1$hTXuDkNGoNPjW-WfeVNAzA$KvNyyA-DAGkPPEZ6VnuKPcwg0SPpmS7RrM5tgAfQRZk',
  pin: '1111',
};

describe('the staff IPC area', () => {
  it('is merged into the contract, with its error codes on the wire', () => {
    expect(isIpcChannel('staff:verify-pin')).toBe(true);
    for (const code of ['pin_wrong', 'locked', 'staff_key_missing', 'pin_malformed', 'pin_hash_unreadable']) {
      expect(ipcErrorCodes).toContain(code);
    }
  });

  it('staff:verify-pin takes a staff id, a verifier, a store and a PIN, and nothing else', () => {
    const request = ipcChannels['staff:verify-pin'].request;
    expect(request.parse(good)).toEqual(good);
    // The PIN's shape is the handler's to judge (pin_malformed, in words); only its size is bounded here.
    expect(request.safeParse({ ...good, pin: 'abc' }).success).toBe(true);
    for (const bad of [
      { ...good, pin: '1'.repeat(65) },
      { ...good, staffId: '' },
      { ...good, storeId: 'x'.repeat(65) },
      { ...good, pinHash: 'short' },
      { ...good, staffId: 'staff\u0000bob' },
      { ...good, extra: true },
      { staffId: good.staffId, storeId: good.storeId, pinHash: good.pinHash },
    ]) {
      expect(request.safeParse(bad).success).toBe(false);
    }
    const response = ipcChannels['staff:verify-pin'].response;
    expect(response.safeParse({ matches: true }).success).toBe(true);
    expect(response.safeParse({ matches: false }).success).toBe(false);
  });

  it('keeps the details of a refusal across the browser-mode socket', () => {
    const locked = {
      ok: false,
      error: { code: 'locked', message: 'Locked.', details: { until: '2026-12-01T09:05:00.000Z' } },
    };
    expect(ipcResultSchema.parse(locked)).toEqual(locked);
    const message = wsServerMessageSchema.parse({ type: 'result', id: 1, result: locked });
    expect(message).toMatchObject({ result: locked });
    const nested = { ok: false, error: { code: 'pin_wrong', message: 'x', details: { a: { b: 1 } } } };
    expect(ipcResultSchema.safeParse(nested).success).toBe(false);
  });
});
