/**
 * Scans from the scanners the device service drives (USB HID POS, serial), as the `scanner:scan` event
 * delivers them. They carry the barcode's content already decoded (no suffix, no AIM prefix), so they go
 * straight to the function a keyboard-wedge scan reaches (useWedgeScanner's `onScan`).
 */

/** The longest barcode passed on: the event allows more, but no product code is this long. */
const maxCodeLength = 256;

/** Calls `onScan(code)` for every driver scan; returns what unsubscribes. */
export function onDriverScan(onScan: (code: string) => void): () => void {
  // A page without the register API (a component rendered on its own) has no driven scanners.
  const till = (window as Partial<Window>).till;
  if (!till) return () => {};
  return till.on('scanner:scan', (scan) => {
    const code = scan.data.trim();
    if (code === '' || code.length > maxCodeLength) return;
    onScan(code);
  });
}
