import { describe, expect, it } from 'vitest';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import { dispatchIpc } from '../ipc/dispatch';
import { createIpcHandlers } from '../ipc/handlers';

const base = {
  version: '1.2.3',
  mode: 'browser' as const,
  platform: 'linux',
  dataDir: '/nonexistent/till-display-test',
  demoEnrollment: null,
};

const cart: DisplayState = {
  kind: 'cart',
  currency: 'USD',
  locale: 'en-US',
  lines: [{ lineId: 'l1', name: 'Oat milk', qty: 2, unitPrice: 349, discount: 0, gross: 698 }],
  totals: { net: 698, tax: 62, gross: 760, discount: 0 },
};

describe('display channels through dispatchIpc', () => {
  it('sends a published state to the displays and answers it to a display that opens later', async () => {
    const sent: DisplayState[] = [];
    const handlers = createIpcHandlers({ ...base, onDisplayUpdate: (state) => sent.push(state) });
    expect(await dispatchIpc(handlers, 'display:current', undefined)).toEqual({
      ok: true,
      value: { kind: 'idle', storeName: null },
    });
    expect(await dispatchIpc(handlers, 'display:publish', cart)).toEqual({
      ok: true,
      value: { published: true },
    });
    expect(sent).toEqual([cart]);
    expect(await dispatchIpc(handlers, 'display:current', undefined)).toEqual({ ok: true, value: cart });
  });

  it('refuses a state that is not one, changing nothing', async () => {
    const sent: DisplayState[] = [];
    const handlers = createIpcHandlers({ ...base, onDisplayUpdate: (state) => sent.push(state) });
    const floatPrice = { ...cart, totals: { ...cart.totals, gross: 7.6 } };
    const result = await dispatchIpc(handlers, 'display:publish', floatPrice);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_request');
    const extra = await dispatchIpc(handlers, 'display:publish', { kind: 'idle', storeName: null, x: 1 });
    expect(extra.ok).toBe(false);
    expect(sent).toEqual([]);
    expect(await dispatchIpc(handlers, 'display:current', undefined)).toEqual({
      ok: true,
      value: { kind: 'idle', storeName: null },
    });
  });

  it('display:open lets the page open it where the host has no windows, and opens the window otherwise', async () => {
    expect(await dispatchIpc(createIpcHandlers(base), 'display:open', undefined)).toEqual({
      ok: true,
      value: { openedBy: 'page' },
    });
    let opened = 0;
    const electron = createIpcHandlers({ ...base, openDisplay: () => void (opened += 1) });
    expect(await dispatchIpc(electron, 'display:open', undefined)).toEqual({
      ok: true,
      value: { openedBy: 'host' },
    });
    expect(opened).toBe(1);
  });
});
