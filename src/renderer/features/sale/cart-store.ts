/**
 * The cart being rung up: lines, cart discount, customer and managers' approvals, in zustand (small UI
 * state the sale and tender screens share). It is mirrored into the replica as the local document
 * `sale-in-progress` by `useCartPersistence` (cart-persistence.ts), so a reload or crash restores it; park
 * and resume go through the same replica (src/sync/sale-in-progress.ts).
 *
 * Actions that can refuse their input return a `Result` and change nothing on refusal. Whether a change
 * needs a manager is the screen's question (`approvalsNeeded`), asked before it calls the action.
 */
import { create } from 'zustand';
import type { CartLineInput, Discount, PriceOverride } from '@till/shared/domain/pricing';
import { newDocumentId } from '@till/shared/domain/sale-builder';
import { type CodedError, type Result, fail, ok } from '@till/shared/result';
import { MAX_MINOR, MAX_QTY } from '@till/shared/schemas/common';
import type { Product } from '@till/shared/schemas/product';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { TillDatabase } from '../../../sync/database';
import {
  type CartSnapshot,
  type ParkedSale,
  emptyCart,
  parkSale,
  resumeParkedSale,
} from '../../../sync/sale-in-progress';

/** A manager's approval as the sale document records it. */
export type Approval = NonNullable<SaleDocument['approvals']>[number];

/** An approval on the cart: given for one line (`lineId`) or for the whole sale. */
export type CartApproval = CartSnapshot['approvals'][number];

/** A cart line: the shared pricing's input, plus the weight of a weighed item for the screen. */
export type CartLine = CartLineInput & { grams?: number };

/** A line added from a price- or weight-embedded barcode (never merged with another line). */
export type NewLine = Omit<CartLine, 'lineId'>;

interface CartState {
  lines: CartLine[];
  cartDiscount: Discount | null;
  customerId: string | null;
  approvals: CartApproval[];
  /** False until the cart saved in the replica has been restored (nothing may be added before). */
  restored: boolean;
  /**
   * Adds `qty` of a product; the same SKU again (no override, no discount) adds to that line. An open-price
   * product is refused with `price_required`: it goes through `addOpenPrice`.
   */
  addProduct: (product: Product, qty?: number) => Result<string>;
  /** Adds one unit of an open-price product at the price the clerk typed (a line of its own). */
  addOpenPrice: (product: Product, unitPrice: number) => Result<string>;
  /** Adds a line as it is (a scale label's package); returns its id. */
  addLine: (line: NewLine) => Result<string>;
  /** Sets a line's quantity (a whole number from 1 to the maximum). */
  setQty: (lineId: string, qty: number) => Result<void>;
  /** Removes a line, and the approvals given for it (they approved something no longer sold). */
  voidLine: (lineId: string) => Result<void>;
  /** Sets or removes a line's discount. */
  setLineDiscount: (lineId: string, discount: Discount | null) => Result<void>;
  /** Sets or removes the cart discount. */
  setCartDiscount: (discount: Discount | null) => Result<void>;
  /** Overrides a line's unit price with a reason, or removes the override (null). */
  overridePrice: (lineId: string, override: PriceOverride | null) => Result<void>;
  /** Records a manager's approval on the cart; `lineId` ties it to the line it was given for. */
  addApproval: (approval: Approval, lineId?: string) => void;
  /** Sets the customer of the sale. */
  setCustomer: (customerId: string | null) => void;
  /** Empties the cart (after a sale is recorded, or to start again). */
  clear: () => void;
  /** Sets the cart aside in the replica under `name` and empties it. */
  park: (name?: string, clerkId?: string | null) => Promise<Result<ParkedSale>>;
  /** Brings a parked cart back; refused while the cart holds lines. */
  resume: (id: string) => Promise<Result<ParkedSale>>;
}

// The replica park and resume write to; set by useCartPersistence while the replica is open.
let replica: TillDatabase | null = null;

/** Binds the replica park/resume use (cart-persistence.ts); null unbinds. */
export function bindCartReplica(db: TillDatabase | null): void {
  replica = db;
}

const notFound = (lineId: string): { ok: false; error: CodedError } =>
  fail('line_not_found', `there is no line ${lineId} in the cart`);

function checkQty(qty: number): Result<void> {
  if (!Number.isSafeInteger(qty) || qty < 1 || qty > MAX_QTY) {
    return fail('qty_invalid', `a quantity is a whole number from 1 to ${MAX_QTY}`);
  }
  return ok(undefined);
}

function checkDiscount(discount: Discount | null): Result<void> {
  if (!discount) return ok(undefined);
  if (discount.kind === 'percent') {
    if (!Number.isSafeInteger(discount.bp) || discount.bp < 0 || discount.bp > 10_000) {
      return fail('discount_invalid', 'a percentage discount is between 0 and 100 %');
    }
  } else if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) {
    return fail('discount_invalid', 'a discount amount is zero or more');
  }
  return ok(undefined);
}

/** The persisted part of the state. */
export function cartSnapshot(state: Pick<CartState, keyof CartSnapshot>): CartSnapshot {
  return {
    lines: state.lines,
    cartDiscount: state.cartDiscount,
    customerId: state.customerId,
    approvals: state.approvals,
  };
}

/** The cart store; select single fields (`useCartStore((s) => s.lines)`). */
export const useCartStore = create<CartState>()((set, get) => {
  const updateLine = (lineId: string, change: (line: CartLine) => CartLine): Result<void> => {
    const lines = get().lines;
    if (!lines.some((l) => l.lineId === lineId)) return notFound(lineId);
    set({ lines: lines.map((l) => (l.lineId === lineId ? change(l) : l)) });
    return ok(undefined);
  };

  return {
    ...emptyCart(),
    restored: false,
    addProduct: (product, qty = 1) => {
      if (product.openPrice) {
        return fail('price_required', `${product.name} has no fixed price: type its price`);
      }
      const checked = checkQty(qty);
      if (!checked.ok) return checked;
      const lines = get().lines;
      const same = lines.find(
        (l) => l.sku === product.sku && !l.override && !l.discount && l.grams === undefined,
      );
      if (same) {
        const more = checkQty(same.qty + qty);
        if (!more.ok) return more;
        set({ lines: lines.map((l) => (l === same ? { ...l, qty: l.qty + qty } : l)) });
        return ok(same.lineId);
      }
      const lineId = newDocumentId();
      const line: CartLine = {
        lineId,
        sku: product.sku,
        name: product.name,
        qty,
        unitPrice: product.price,
        taxCode: product.taxCode,
      };
      set({ lines: [...lines, line] });
      return ok(lineId);
    },
    addOpenPrice: (product, unitPrice) => {
      if (!product.openPrice) {
        return fail('not_open_price', `${product.name} has a shelf price; it cannot be typed`);
      }
      if (!Number.isSafeInteger(unitPrice) || unitPrice <= 0 || unitPrice > MAX_MINOR) {
        return fail('price_invalid', 'an open price is above zero');
      }
      // Its own line, never merged: two of the same open-price item may cost different amounts.
      const lineId = newDocumentId();
      const line: CartLine = {
        lineId,
        sku: product.sku,
        name: product.name,
        qty: 1,
        unitPrice,
        taxCode: product.taxCode,
      };
      set({ lines: [...get().lines, line] });
      return ok(lineId);
    },
    addLine: (input) => {
      const checked = checkQty(input.qty);
      if (!checked.ok) return checked;
      const lineId = newDocumentId();
      set({ lines: [...get().lines, { ...input, lineId }] });
      return ok(lineId);
    },
    setQty: (lineId, qty) => {
      const checked = checkQty(qty);
      if (!checked.ok) return checked;
      return updateLine(lineId, (l) => ({ ...l, qty }));
    },
    voidLine: (lineId) => {
      const lines = get().lines;
      if (!lines.some((l) => l.lineId === lineId)) return notFound(lineId);
      set({
        lines: lines.filter((l) => l.lineId !== lineId),
        approvals: get().approvals.filter((a) => a.lineId !== lineId),
      });
      return ok(undefined);
    },
    setLineDiscount: (lineId, discount) => {
      const checked = checkDiscount(discount);
      if (!checked.ok) return checked;
      return updateLine(lineId, (l) => ({ ...l, discount }));
    },
    setCartDiscount: (discount) => {
      const checked = checkDiscount(discount);
      if (!checked.ok) return checked;
      set({ cartDiscount: discount });
      return ok(undefined);
    },
    overridePrice: (lineId, override) => {
      if (override) {
        if (!Number.isSafeInteger(override.unitPrice) || override.unitPrice < 0) {
          return fail('price_invalid', 'a price is zero or more');
        }
        if (override.reason.trim() === '') return fail('reason_missing', 'say why the price changes');
      }
      return updateLine(lineId, (l) => ({ ...l, override }));
    },
    addApproval: (approval, lineId) =>
      set({ approvals: [...get().approvals, lineId ? { ...approval, lineId } : approval].slice(-20) }),
    setCustomer: (customerId) => set({ customerId }),
    clear: () => set(emptyCart()),
    park: async (name, clerkId = null) => {
      if (!replica) return fail('replica_closed', 'this register’s data is not open yet');
      const state = get();
      if (state.lines.length === 0) return fail('cart_empty', 'an empty cart cannot be parked');
      const parkedAt = new Date();
      const label = name?.trim() || `Sale of ${parkedAt.toLocaleTimeString()}`;
      const parked = await parkSale(replica, {
        id: newDocumentId(),
        name: label.slice(0, 60),
        parkedAt: parkedAt.toISOString(),
        clerkId,
        cart: cartSnapshot(state),
      });
      if (parked.ok) set(emptyCart());
      return parked;
    },
    resume: async (id) => {
      if (!replica) return fail('replica_closed', 'this register’s data is not open yet');
      if (get().lines.length > 0) {
        return fail('cart_not_empty', 'park or finish the sale in progress before resuming another');
      }
      const resumed = await resumeParkedSale(replica, id);
      if (resumed.ok) set({ ...resumed.value.cart });
      return resumed;
    },
  };
});
