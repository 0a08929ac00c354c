/**
 * The price of an open-price item (a product with `openPrice`, e.g. a gift card or a deli item priced at the
 * counter): the clerk types it in the store's currency and Enter adds the line at that price; Esc adds
 * nothing. The typed price is the line's own unit price, not a price override, so it needs no manager.
 */
import { useState } from 'react';
import type { Result } from '@till/shared/result';
import { parseMoneyInput } from './amount-input';
import { Actions, AmountField, DialogFrame, DialogMessage, useApply } from './dialog-frame';

/** Reads the typed price: a valid amount above zero, or the words saying what to type. */
export function readOpenPrice(text: string, currency: string): Result<number> {
  const parsed = parseMoneyInput(text, currency);
  if (!parsed.ok) return parsed;
  if (parsed.value === 0) {
    return { ok: false, error: { code: 'price_zero', message: 'Type a price above zero.' } };
  }
  return parsed;
}

/** Asks the price of `name`; `onAdd` adds the line and answers with words when it refuses. */
export function OpenPriceDialog({
  name,
  currency,
  onAdd,
  onClose,
}: {
  name: string;
  currency: string;
  onAdd: (unitPrice: number) => Result<unknown>;
  onClose: () => void;
}) {
  const [price, setPrice] = useState('');
  const { busy, message, setMessage, run } = useApply(onClose);
  const submit = () => {
    const parsed = readOpenPrice(price, currency);
    if (!parsed.ok) return setMessage(parsed.error.message);
    void run(() => Promise.resolve(onAdd(parsed.value)));
  };
  return (
    <DialogFrame title={`Price of ${name}`} onSubmit={submit} onCancel={onClose}>
      <AmountField label={`Price (${currency})`} value={price} onChange={setPrice} />
      <DialogMessage name="Price message">{message}</DialogMessage>
      <Actions busy={busy} onCancel={onClose} submitLabel="Add" />
    </DialogFrame>
  );
}
