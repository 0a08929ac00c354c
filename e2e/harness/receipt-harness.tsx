/**
 * Mounts the register's real `ReceiptView` into the real register page, for receipt.browser.spec.ts. The
 * sale screen that will show receipts comes in the next slice; until then this is how the component is
 * exercised in Chromium without a dev-only route in the shipped app. The spec bundles this file and
 * serves it from the page's own origin, so the page's Content Security Policy applies unchanged, and the
 * component reaches the register host through the page's own `window.till`.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { ReceiptView } from '../../src/renderer/features/receipt/receipt-view';
import './receipt-harness-api';

let root: ReturnType<typeof createRoot> | null = null;

window.renderReceipt = (props) => {
  if (!root) {
    const container = document.createElement('div');
    container.id = 'receipt-harness';
    document.body.append(container);
    root = createRoot(container);
  }
  root.render(
    <QueryClientProvider client={new QueryClient()}>
      <ReceiptView {...props} />
    </QueryClientProvider>,
  );
};
