/**
 * The sale screen: scan (keyboard wedge), search as you type (F2) or tap a quick key to add items (an
 * open-price item asks its price first, sale-dialogs.tsx); change
 * quantities, discounts and prices (a manager approves above the store's thresholds); park and resume;
 * attach a customer (F3, features/customer);
 * Pay (F10) goes to tender. The cart lives in cart-store.ts and survives a reload (cart-persistence.ts).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Product } from '@till/shared/schemas/product';
import { useEnrollment, useProductIndex } from '../../app/sync-provider';
import { CustomerBar } from '../customer/customer-bar';
import { useNavStore } from '../navigation/nav-store';
import { playUnknownBarcodeSound } from '../scan/unknown-barcode-sound';
import { useWedgeScanner } from '../scan/use-wedge-scanner';
import { useManagerApproval } from '../session/manager-approval-dialog';
import { useActiveClerk } from '../session/session-store';
import { useCartSaveStore } from './cart-persistence';
import { CartLines } from './cart-lines';
import { useCartStore } from './cart-store';
import { CartTotals } from './cart-totals';
import { useMoney } from './money';
import { usePricedCart } from './priced-cart';
import { ProductSearch } from './product-search';
import { useCartStock, useStoreSettings } from './queries';
import { QuickKeys } from './quick-keys';
import { useSaleActions } from './sale-actions';
import { type Editing, SaleDialogs } from './sale-dialogs';
import { type ScanOutcome, scanToCart } from './scan-to-cart';
import { readScannerTuning } from './scanner-tuning';

/** What the clerk should know after the last action. */
type Notice = { tone: 'ok' | 'problem'; text: string; searchCode?: string } | null;

/** The sale screen. */
export function SaleScreen() {
  const enrollment = useEnrollment();
  const storeId = enrollment?.storeId ?? '';
  const index = useProductIndex();
  const clerk = useActiveClerk();
  const settings = useStoreSettings(enrollment?.storeId ?? null).data ?? null;
  const currency = settings?.currency ?? 'USD';
  const money = useMoney();
  const go = useNavStore((s) => s.go);
  const queryClient = useQueryClient();

  const lines = useCartStore((s) => s.lines);
  const cartDiscount = useCartStore((s) => s.cartDiscount);
  const restored = useCartStore((s) => s.restored);
  const saveProblem = useCartSaveStore((s) => s.problem);
  const saved = useCartSaveStore((s) => s.saved);
  const { priced, error: priceError } = usePricedCart();
  const skus = [...new Set(lines.map((l) => l.sku))].sort();
  const stock = useCartStock(storeId, enrollment?.registerId ?? '', skus).data;

  const approval = useManagerApproval(storeId);
  const actions = useSaleActions(approval.requestApproval);
  const [editing, setEditing] = useState<Editing>(null);
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [tuning] = useState(() => readScannerTuning());
  const dialogOpen = editing !== null || approval.open;

  const say = (outcome: { ok: boolean; error?: { message: string } }) => {
    if (!outcome.ok && outcome.error) setNotice({ tone: 'problem', text: outcome.error.message });
  };

  const onScan = async (code: string) => {
    if (!index || !restored) {
      setNotice({ tone: 'problem', text: 'The catalogue is still opening — scan again in a moment.' });
      return;
    }
    const outcome: ScanOutcome = await scanToCart(index, code, currency);
    if (outcome.kind === 'added') {
      setNotice({ tone: 'ok', text: `Added ${outcome.name}.` });
      return;
    }
    if (outcome.kind === 'needs-price') {
      setEditing({ kind: 'open-price', product: outcome.product });
      return;
    }
    playUnknownBarcodeSound();
    setNotice({
      tone: 'problem',
      text: outcome.message,
      searchCode: outcome.kind === 'unknown' ? outcome.code : undefined,
    });
  };
  useWedgeScanner((code) => void onScan(code), { ...tuning, enabled: !dialogOpen });

  const addProduct = (product: Product) => {
    if (!restored) return;
    if (product.openPrice) {
      setEditing({ kind: 'open-price', product });
      return;
    }
    const added = useCartStore.getState().addProduct(product);
    if (added.ok) setNotice({ tone: 'ok', text: `Added ${product.name}.` });
    else say(added);
  };

  const canPay = lines.length > 0 && priced !== null && !dialogOpen;
  const pay = () => {
    if (lines.length === 0) {
      setNotice({ tone: 'problem', text: 'The cart is empty: add an item before paying.' });
      return;
    }
    if (priced) go('tender');
    else if (priceError) setNotice({ tone: 'problem', text: priceError.message });
  };

  const park = async () => {
    const parked = await useCartStore.getState().park(undefined, clerk?.id ?? null);
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes('parked-sales') });
    if (parked.ok) setNotice({ tone: 'ok', text: `Parked as “${parked.value.name}”.` });
    else say(parked);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen) return;
      if (event.key === 'F2') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'F3') {
        event.preventDefault();
        setEditing({ kind: 'customer' });
      } else if (event.key === 'F10') {
        event.preventDefault();
        pay();
      } else if (
        event.key.length === 1 &&
        event.key !== ' ' &&
        !event.ctrlKey &&
        !event.altKey &&
        !event.metaKey &&
        !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)
      ) {
        // Typing with no field focused searches: a person's keys (or a scan too slow to be one) never vanish.
        event.preventDefault();
        setSearch((text) => text + event.key);
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="sale-screen">
      {/* The screen's heading for screen readers; the top bar shows the clerk to everyone else. */}
      <h2 className="visually-hidden">Signed in as {clerk?.name ?? 'nobody'}: sale</h2>
      <section className="sale-find" aria-label="Find items">
        <ProductSearch
          text={search}
          onText={setSearch}
          onPick={addProduct}
          inputRef={searchRef}
          formatPrice={money}
        />
        <div
          className={`sale-notice sale-notice-${notice?.tone ?? 'ok'}`}
          role="alert"
          aria-label="Scan message"
        >
          {notice?.text}
          {notice?.searchCode && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setSearch(notice.searchCode ?? '');
                searchRef.current?.focus();
              }}
            >
              Search for {notice.searchCode}
            </button>
          )}
        </div>
        {search.trim() === '' && <QuickKeys onPick={addProduct} formatPrice={money} />}
      </section>

      <section className="sale-cart" aria-label="Sale">
        <div className="sale-cart-head">
          <h2>Sale</h2>
          <span className="save-state" role="status" aria-label="Sale saved">
            {saveProblem ??
              (!restored
                ? 'Restoring the sale…'
                : lines.length === 0
                  ? ''
                  : saved
                    ? 'Saved on this register'
                    : 'Saving…')}
          </span>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setEditing({ kind: 'parked' })}
          >
            Parked sales
          </button>
        </div>
        <CustomerBar onOpen={() => setEditing({ kind: 'customer' })} locale={settings?.locale ?? 'en-US'} />
        <div className="cart-scroll">
          <CartLines
            lines={lines}
            priced={priced}
            stock={stock}
            formatMoney={money}
            actions={{
              setQty: (lineId, qty) => say(useCartStore.getState().setQty(lineId, qty)),
              discount: (line) => setEditing({ kind: 'line-discount', line }),
              override: (line) => setEditing({ kind: 'override', line }),
              void: (line) => void actions.voidLine(line.lineId).then(say),
            }}
          />
        </div>
        {priceError && lines.length > 0 && (
          <p className="sale-notice sale-notice-problem" role="alert" aria-label="Pricing problem">
            {priceError.message}
          </p>
        )}
        <CartTotals priced={priced} cartDiscount={cartDiscount} formatMoney={money} />
        <div className="sale-actions">
          <button
            type="button"
            className="button button-quiet"
            disabled={lines.length === 0}
            onClick={() => setEditing({ kind: 'cart-discount' })}
          >
            Cart discount
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={lines.length === 0}
            onClick={() => void park()}
          >
            Park sale
          </button>
          <button type="button" className="button button-pay" disabled={!canPay} onClick={pay}>
            Pay <kbd>F10</kbd>
          </button>
        </div>
      </section>

      <SaleDialogs
        editing={editing}
        currency={currency}
        actions={actions}
        money={money}
        onAdded={(name) => setNotice({ tone: 'ok', text: `Added ${name}.` })}
        onClose={() => setEditing(null)}
      />
      {approval.dialog}
    </div>
  );
}
