/**
 * Publishes what the customer display shows, from the register page (mounted once in the shell): the
 * priced cart as it changes, the change due once a sale is recorded, and a welcome when idle. Only the
 * register page holds the replica; the display is sent the state over `window.till` (`display:publish`).
 */
import { useEffect, useRef, useState } from 'react';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { useEnrollment } from '../../app/sync-provider';
import { usePricedCart } from '../sale/priced-cart';
import { useStoreSettings } from '../sale/queries';
import { displayStateOf } from './display-state';
import { publishDisplay, useLatestSale } from './queries';

/** How long the change due stays up without a new sale starting. */
const CHANGE_SHOWN_MS = 90_000;

/** Renders nothing; keeps the customer display current. */
export function DisplayPublisher() {
  const enrollment = useEnrollment();
  if (!enrollment) return null;
  return <Publisher storeId={enrollment.storeId} registerId={enrollment.registerId} />;
}

function Publisher({ storeId, registerId }: { storeId: string; registerId: string }) {
  const { priced } = usePricedCart();
  const settings = useStoreSettings(storeId).data ?? null;
  const latest = useLatestSale(registerId).data;
  const hasLines = (priced?.lines.length ?? 0) > 0;

  // The newest sale when the page opened is not "just sold": only one recorded since counts. Its change
  // shows once the cart is empty, and goes when the next sale starts or after a while. (State adjusted
  // while rendering: React's pattern for state that follows changing inputs.)
  const latestId = latest === undefined ? undefined : (latest?.id ?? null);
  const [baseline, setBaseline] = useState<string | null | undefined>(undefined);
  const [shownId, setShownId] = useState<string | null>(null);
  const [dismissedId, setDismissedId] = useState<string | null>(null);
  if (baseline === undefined && latestId !== undefined) setBaseline(latestId);
  const candidate = latest && baseline !== undefined && latest.id !== baseline ? latest : null;
  if (candidate && !hasLines && shownId !== candidate.id) setShownId(candidate.id);
  if (candidate && hasLines && shownId === candidate.id && dismissedId !== candidate.id) {
    setDismissedId(candidate.id);
  }
  const justSold: SaleDocument | null =
    candidate && !hasLines && dismissedId !== candidate.id ? candidate : null;

  const justSoldId = justSold?.id ?? null;
  useEffect(() => {
    if (!justSoldId) return undefined;
    const timer = setTimeout(() => setDismissedId(justSoldId), CHANGE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [justSoldId]);

  const store = settings
    ? { name: settings.name, currency: settings.currency, locale: settings.locale }
    : null;
  const text = JSON.stringify(displayStateOf({ priced, justSold, store }));
  const published = useRef<string | null>(null);
  useEffect(() => {
    if (published.current === text) return;
    published.current = text;
    void publishDisplay(JSON.parse(text) as DisplayState);
  }, [text]);
  return null;
}
