/** The `register` area of the IPC contract: what an enrollment is, and what `register:enroll` accepts. */
import { describe, expect, it } from 'vitest';
import {
  ipcChannels,
  ipcErrorCodes,
  ipcEvents,
  ipcResultSchema,
  isIpcChannel,
  isIpcEvent,
} from '../contract';
import { hubUrlSchema, storedEnrollmentSchema } from './register';

const enrollment = {
  hubUrl: 'http://localhost:4000',
  registerId: 'reg-1',
  storeId: 'store-1',
  token: 'tok_0123456789abcdef',
  name: 'Till 1',
  enrolledAt: '2026-11-27T10:00:00.000Z',
};

describe('the register IPC area', () => {
  it('is merged into the contract, with its error codes on the wire', () => {
    expect(isIpcChannel('register:enrollment')).toBe(true);
    expect(isIpcChannel('register:enroll')).toBe(true);
    expect(isIpcEvent('register:enrollment-changed')).toBe(true);
    for (const code of ['code_invalid', 'code_refused', 'hub_unreachable', 'sales_pending'] as const) {
      expect(ipcErrorCodes).toContain(code);
      expect(ipcResultSchema.safeParse({ ok: false, error: { code, message: 'x' } }).success).toBe(true);
    }
  });

  it('register:enrollment takes nothing and answers an enrollment or null', () => {
    const channel = ipcChannels['register:enrollment'];
    expect(channel.request.safeParse(undefined).success).toBe(true);
    expect(channel.request.safeParse({}).success).toBe(false);
    expect(channel.response.safeParse(null).success).toBe(true);
    expect(channel.response.safeParse(enrollment).success).toBe(true);
    expect(channel.response.safeParse({ ...enrollment, token: 'short' }).success).toBe(false);
    expect(ipcEvents['register:enrollment-changed'].safeParse(enrollment).success).toBe(true);
    expect(storedEnrollmentSchema.safeParse({ ...enrollment, storeId: '' }).success).toBe(false);
  });

  it('register:enroll takes a hub URL, a code, a name and the sales waiting, and nothing else', () => {
    const request = ipcChannels['register:enroll'].request;
    const good = { hubUrl: ' http://hub.local:4000/ ', code: 'DEMO-S1-R1', name: 'Till 1', pendingSales: 0 };
    expect(request.parse(good)).toEqual({ ...good, hubUrl: 'http://hub.local:4000/' });
    for (const bad of [
      { ...good, pendingSales: -1 },
      { ...good, pendingSales: 0.5 },
      { ...good, name: '   ' },
      { ...good, code: 'x'.repeat(201) },
      { ...good, extra: true },
      { hubUrl: good.hubUrl, code: good.code, name: good.name },
    ]) {
      expect(request.safeParse(bad).success).toBe(false);
    }
  });

  it('a hub URL is http or https, without credentials, query or fragment', () => {
    for (const url of ['http://localhost:4000', 'https://hub.example/till', 'http://10.0.0.5:4000/']) {
      expect(hubUrlSchema.safeParse(url).success).toBe(true);
    }
    for (const url of [
      'ftp://hub.local',
      'javascript:alert(1)',
      'http://user:pw@hub.local',
      'http://hub.local/?x=1',
      'http://hub.local/#x',
      'hub.local:4000',
      '',
    ]) {
      expect(hubUrlSchema.safeParse(url).success).toBe(false);
    }
  });
});
