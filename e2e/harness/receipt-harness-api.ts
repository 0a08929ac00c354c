/** What the receipt harness (receipt-harness.tsx) adds to the page, for the spec that drives it. */
import type { ReceiptViewProps } from '../../src/renderer/features/receipt/receipt-view';

declare global {
  interface Window {
    /** Renders a receipt at the end of the page (replacing the previous one). */
    renderReceipt?: (props: ReceiptViewProps) => void;
  }
}

/** The URL path the spec serves the bundled harness at, on the page's own origin. */
export const receiptHarnessPath = '/e2e-receipt-harness.js';
