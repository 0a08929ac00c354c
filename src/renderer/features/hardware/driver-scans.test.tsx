// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcEventPayload } from '@till/shared/ipc/contract';
import { useWedgeScanner } from '../scan/use-wedge-scanner';

type Listener = (payload: IpcEventPayload<'scanner:scan'>) => void;
let listeners: Set<Listener>;

/** The register API's event side, as the host delivers `scanner:scan` (requests are not used here). */
function installTill(): void {
  listeners = new Set();
  window.till = {
    invoke: () => Promise.reject(new Error('not used')),
    on: ((event: string, listener: Listener) => {
      if (event !== 'scanner:scan') return () => {};
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as typeof window.till.on,
  };
}

const emit = (data: string) => {
  for (const listener of listeners) listener({ deviceId: 'scanner:serial', data, symbology: 'ean13' });
};

function Probe({ scans, enabled }: { scans: string[]; enabled: boolean }) {
  useWedgeScanner((code) => scans.push(code), { enabled });
  return null;
}

describe('driver scans', () => {
  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    installTill();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reach the same onScan as wedge scans, only while enabled, and stop on unmount', () => {
    const scans: string[] = [];
    const root = createRoot(document.body.appendChild(document.createElement('div')));
    act(() => root.render(<Probe scans={scans} enabled />));
    act(() => emit('4006381333931'));
    expect(scans).toEqual(['4006381333931']);

    act(() => root.render(<Probe scans={scans} enabled={false} />));
    act(() => emit('5012345678900'));
    expect(scans).toEqual(['4006381333931']);

    act(() => root.render(<Probe scans={scans} enabled />));
    act(() => emit('  5012345678900 '));
    expect(scans).toEqual(['4006381333931', '5012345678900']);

    act(() => root.unmount());
    expect(listeners.size).toBe(0);
  });
});
