/**
 * `useWedgeScanner(onScan, options)`: while the calling component is mounted (and `enabled`), barcodes
 * from a keyboard-wedge scanner call `onScan(code)` and never land in a text field, while a person's typing
 * reaches the focused field as usual. Scans of the scanners the device service drives (`scanner:scan`)
 * call the same `onScan`. See wedge-listener.ts for how keys are held and replayed.
 *
 * ```tsx
 * function SaleScreen() {
 *   useWedgeScanner((code) => addScannedItem(parseBarcode(code, layouts)));
 *   …
 * }
 * ```
 *
 * Mount it once per screen (one listener per window). `onScan` may change on every render; the listener is
 * recreated only when an option changes.
 */
import { useEffect, useEffectEvent } from 'react';
import type { ScanDetectorOptions } from '@till/shared/domain/scan-detector';
import { onDriverScan } from '../hardware/driver-scans';
import { createWedgeListener } from './wedge-listener';

/** Detector tuning, plus `enabled` to pause scanning (e.g. while a dialog wants every key). */
export interface WedgeScannerOptions extends ScanDetectorOptions {
  enabled?: boolean;
}

/** Listens on `window` for scans while mounted; see the module comment. */
export function useWedgeScanner(onScan: (code: string) => void, options: WedgeScannerOptions = {}): void {
  const { enabled = true, maxGapMs, minLength, suffix, timeoutMs } = options;
  const handleScan = useEffectEvent((code: string) => onScan(code));
  useEffect(() => {
    if (!enabled) return undefined;
    return createWedgeListener(window, (code) => handleScan(code), {
      maxGapMs,
      minLength,
      suffix,
      timeoutMs,
    });
  }, [enabled, maxGapMs, minLength, suffix, timeoutMs]);
  // USB HID POS and serial scanners (the device service's `scanner:scan`) reach the same `onScan`.
  useEffect(() => (enabled ? onDriverScan((code) => handleScan(code)) : undefined), [enabled]);
}
