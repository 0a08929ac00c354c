import { describe, expect, it } from 'vitest';
import { combineStatus, isStatusByte, parseStatusByte, statusFaults, statusRequest } from './status';

describe('statusRequest', () => {
  it.each([1, 2, 3, 4] as const)('is DLE EOT %i', (n) => {
    expect([...statusRequest(n)]).toEqual([0x10, 0x04, n]);
  });
});

describe('parseStatusByte', () => {
  it.each([
    // byte, online, drawer pin 3 high
    [0x12, true, false],
    [0x16, true, true],
    [0x1a, false, false],
    [0x1e, false, true],
    [0x32, true, false], // bit 5 (waiting for recovery) is not used here
  ])('n=1 byte %i → online %s, drawer pin %s', (byte, online, drawerPin3High) => {
    expect(parseStatusByte(1, byte)).toEqual({ ok: true, value: { online, drawerPin3High } });
  });

  it.each([
    [0x12, { coverOpen: false, feedButton: false, paperOutStop: false, error: false }],
    [0x16, { coverOpen: true, feedButton: false, paperOutStop: false, error: false }],
    [0x1a, { coverOpen: false, feedButton: true, paperOutStop: false, error: false }],
    [0x32, { coverOpen: false, feedButton: false, paperOutStop: true, error: false }],
    [0x52, { coverOpen: false, feedButton: false, paperOutStop: false, error: true }],
    [0x76, { coverOpen: true, feedButton: false, paperOutStop: true, error: true }],
  ])('n=2 byte %i', (byte, value) => {
    expect(parseStatusByte(2, byte)).toEqual({ ok: true, value });
  });

  it.each([
    [0x12, { autocutterError: false, unrecoverableError: false, autoRecoverableError: false }],
    [0x1a, { autocutterError: true, unrecoverableError: false, autoRecoverableError: false }],
    [0x32, { autocutterError: false, unrecoverableError: true, autoRecoverableError: false }],
    [0x52, { autocutterError: false, unrecoverableError: false, autoRecoverableError: true }],
  ])('n=3 byte %i', (byte, value) => {
    expect(parseStatusByte(3, byte)).toEqual({ ok: true, value });
  });

  it.each([
    [0x12, false, false],
    [0x1e, true, false],
    [0x16, true, false], // only one of the pair
    [0x72, false, true],
    [0x7e, true, true],
    [0x52, false, true],
  ])('n=4 byte %i → near end %s, paper out %s', (byte, nearEnd, paperOut) => {
    expect(parseStatusByte(4, byte)).toEqual({ ok: true, value: { nearEnd, paperOut } });
  });

  it.each([
    0x00, // bits 1 and 4 missing
    0xff, // bits 0 and 7 set
    0x13, // bit 0 set
    0x92, // bit 7 set
    0x10, // bit 1 missing
    0x02, // bit 4 missing
    0x0a, // a line feed's neighbour: no bit 4
    0x1b, // ESC
    256,
    -1,
    1.5,
  ])('rejects byte %s: it is not a status byte', (byte) => {
    for (const n of [1, 2, 3, 4] as const) {
      const result = parseStatusByte(n, byte);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('invalid_status_byte');
    }
    expect(isStatusByte(byte)).toBe(false);
  });

  it('accepts exactly the bytes with the fixed bits: 16 of 256', () => {
    const accepted = Array.from({ length: 256 }, (_, byte) => byte).filter(isStatusByte);
    expect(accepted).toHaveLength(16);
    for (const byte of accepted) expect(byte & 0x93).toBe(0x12);
  });
});

describe('combineStatus and statusFaults', () => {
  const reply = <T>(result: { ok: true; value: T } | { ok: false }) => {
    if (!result.ok) throw new Error('not a status');
    return result.value;
  };
  const statusOf = (b1: number, b2: number, b4: number) =>
    combineStatus(
      reply(parseStatusByte(1, b1)),
      reply(parseStatusByte(2, b2)),
      reply(parseStatusByte(4, b4)),
    );

  it.each([
    ['ready', 0x12, 0x12, 0x12, []],
    ['paper near end still prints', 0x12, 0x12, 0x1e, []],
    ['paper out', 0x1a, 0x32, 0x72, ['paper_out']],
    ['paper out, seen only by the stop bit', 0x1a, 0x32, 0x12, ['paper_out']],
    ['cover open', 0x1a, 0x16, 0x12, ['cover_open']],
    ['cover open and paper out', 0x1a, 0x36, 0x72, ['cover_open', 'paper_out']],
    ['a printer error', 0x1a, 0x52, 0x12, ['printer_error']],
    ['offline for no reported reason', 0x1a, 0x12, 0x12, ['offline']],
  ])('%s', (_name, b1, b2, b4, faults) => {
    expect(statusFaults(statusOf(b1, b2, b4))).toEqual(faults);
  });

  it('reports the drawer pin and near end', () => {
    expect(statusOf(0x16, 0x12, 0x1e)).toEqual({
      online: true,
      coverOpen: false,
      paperNearEnd: true,
      paperOut: false,
      drawerSignal: true,
      error: false,
    });
  });
});
