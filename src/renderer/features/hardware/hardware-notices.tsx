/**
 * Puts hardware trouble in the notice strip, in words: a receipt printer fault as it appears (out of paper,
 * cover open, not answering…) and the cash drawer left open too long. Each fault is told once when it
 * appears, not again on every status change while it lasts.
 */
import { useEffect, useRef } from 'react';
import { useNoticeStore } from '../notices/notice-store';
import { fetchPrinterStatus } from './queries';

/** Listens while mounted (once, in the shell); renders nothing itself. */
export function HardwareNotices() {
  const add = useNoticeStore((s) => s.add);
  const known = useRef(new Set<string>());

  useEffect(
    () =>
      window.till.on('drawer:open-too-long', (state) => {
        const minutes = Math.max(1, Math.round(state.openSeconds / 60));
        add({
          level: 'warning',
          code: 'drawer_open_too_long',
          message: `The cash drawer has been left open (${minutes} min): close it.`,
        });
      }),
    [add],
  );

  useEffect(() => {
    let alive = true;
    const check = async () => {
      const status = await fetchPrinterStatus().catch(() => null);
      if (!alive || !status) return;
      const now = new Set(status.faults.map((f) => f.code));
      for (const fault of status.faults) {
        if (!known.current.has(fault.code)) {
          add({
            level: 'warning',
            code: `printer_${fault.code}`,
            message: `Receipt printer: ${fault.message}`,
          });
        }
      }
      known.current = now;
    };
    void check();
    const off = window.till.on('hardware:changed', (change) => {
      if (change.what === 'devices' || change.what === 'jobs') void check();
    });
    return () => {
      alive = false;
      off();
    };
  }, [add]);

  return null;
}
