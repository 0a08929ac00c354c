import { describe, expect, expectTypeOf, it } from 'vitest';
import { appInfoSchema } from './channels/app';
import { ipcChannels, ipcErr, ipcEvents, ipcOk, ipcResultSchema, isIpcChannel, isIpcEvent } from './contract';
import type { IpcPayloadArgs, IpcRequest, IpcResponse, IpcResult, TillApi } from './contract';
import { wsInvokeSchema, wsServerMessageSchema } from './ws-protocol';

describe('IPC contract', () => {
  it('knows its channels and events, and nothing inherited from Object', () => {
    expect(isIpcChannel('app:info')).toBe(true);
    expect(isIpcChannel('app:ping')).toBe(true);
    expect(isIpcChannel('app:nope')).toBe(false);
    expect(isIpcChannel('toString')).toBe(false);
    expect(isIpcChannel(42)).toBe(false);
    expect(isIpcEvent('app:notice')).toBe(true);
    expect(isIpcEvent('constructor')).toBe(false);
  });

  it('app:info takes no payload', () => {
    expect(ipcChannels['app:info'].request.safeParse(undefined).success).toBe(true);
    expect(ipcChannels['app:info'].request.safeParse({ any: 'thing' }).success).toBe(false);
  });

  it('app:ping accepts an optional short nonce and nothing else', () => {
    const ping = ipcChannels['app:ping'].request;
    expect(ping.safeParse(undefined).success).toBe(true);
    expect(ping.safeParse({ nonce: 'abc' }).success).toBe(true);
    expect(ping.safeParse({ nonce: 'x'.repeat(65) }).success).toBe(false);
    expect(ping.safeParse({ nonce: 'abc', extra: 1 }).success).toBe(false);
  });

  it('app:info answers with a known mode only', () => {
    expect(appInfoSchema.safeParse({ version: '1.0.0', mode: 'browser', platform: 'linux' }).success).toBe(
      true,
    );
    expect(appInfoSchema.safeParse({ version: '1.0.0', mode: 'kiosk', platform: 'linux' }).success).toBe(
      false,
    );
  });

  it('app:notice carries a level, a code and a message', () => {
    const notice = ipcEvents['app:notice'];
    expect(notice.safeParse({ level: 'info', code: 'x', message: 'y' }).success).toBe(true);
    expect(notice.safeParse({ level: 'loud', code: 'x', message: 'y' }).success).toBe(false);
  });

  it('results are values with a coded error', () => {
    expect(ipcOk(3)).toEqual({ ok: true, value: 3 });
    expect(ipcErr('forbidden', 'no')).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } });
    expect(ipcResultSchema.safeParse(ipcErr('internal', 'x')).success).toBe(true);
    expect(ipcResultSchema.safeParse({ ok: false, error: { code: 'made_up', message: 'x' } }).success).toBe(
      false,
    );
  });

  it('types invoke by channel', () => {
    expectTypeOf<IpcRequest<'app:info'>>().toEqualTypeOf<undefined>();
    expectTypeOf<IpcPayloadArgs<'app:info'>>().toEqualTypeOf<[payload?: undefined]>();
    expectTypeOf<IpcResponse<'app:info'>>().toEqualTypeOf<{
      version: string;
      mode: 'electron' | 'browser';
      platform: string;
    }>();
    expectTypeOf<TillApi['invoke']>().toBeFunction();
    expectTypeOf<ReturnType<typeof ipcOk<number>>>().toEqualTypeOf<IpcResult<number>>();
  });
});

describe('WebSocket wire protocol', () => {
  it('accepts a well-formed invoke and rejects extra fields or bad ids', () => {
    expect(wsInvokeSchema.safeParse({ type: 'invoke', id: 1, channel: 'app:info' }).success).toBe(true);
    expect(wsInvokeSchema.safeParse({ type: 'invoke', id: -1, channel: 'app:info' }).success).toBe(false);
    expect(wsInvokeSchema.safeParse({ type: 'invoke', id: 1, channel: 'app:info', x: 1 }).success).toBe(
      false,
    );
  });

  it('tells results from events', () => {
    const result = wsServerMessageSchema.parse({ type: 'result', id: 7, result: ipcOk('v') });
    expect(result.type).toBe('result');
    const event = wsServerMessageSchema.parse({ type: 'event', event: 'app:notice', payload: {} });
    expect(event.type).toBe('event');
  });
});
