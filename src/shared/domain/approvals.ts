/**
 * Which parts of a cart need a manager: discounts and price overrides above the store's thresholds.
 * The register asks for a manager PIN for each; the approvals are recorded on the sale document.
 */
import type { ApprovalThresholds } from '../schemas/settings';
import { BP, type CartInput, discountAmount } from './pricing';

/** One thing a manager must approve before the sale can complete. */
export interface ApprovalNeed {
  kind: 'line_discount' | 'cart_discount' | 'price_override';
  /** The line concerned; absent for the cart discount. */
  lineId?: string;
  message: string;
}

/** Lists every approval the cart needs under `thresholds` (empty: the clerk may go ahead alone). */
export function approvalsNeeded(cart: CartInput, thresholds: ApprovalThresholds): ApprovalNeed[] {
  const needs: ApprovalNeed[] = [];
  let subtotal = 0;
  for (const line of cart.lines) {
    const price = line.override ? line.override.unitPrice : line.unitPrice;
    const extended = Math.abs(line.qty * price);
    if (line.override && line.unitPrice > 0) {
      const dropBp = Math.ceil(((line.unitPrice - line.override.unitPrice) * BP) / line.unitPrice);
      if (dropBp > thresholds.overrideDropBp) {
        needs.push({
          kind: 'price_override',
          lineId: line.lineId,
          message: `price of ${line.name} lowered by more than ${thresholds.overrideDropBp / 100}%`,
        });
      }
    }
    const discount = discountAmount(extended, line.discount);
    const amount = discount.ok ? discount.value : extended;
    if (exceeds(amount, extended, thresholds.lineDiscountBp, thresholds.discountAmount)) {
      needs.push({
        kind: 'line_discount',
        lineId: line.lineId,
        message: `discount on ${line.name} above the limit`,
      });
    }
    subtotal += extended - amount;
  }
  if (cart.cartDiscount) {
    const discount = discountAmount(subtotal, cart.cartDiscount);
    const amount = discount.ok ? discount.value : subtotal;
    if (exceeds(amount, subtotal, thresholds.cartDiscountBp, thresholds.discountAmount)) {
      needs.push({ kind: 'cart_discount', message: 'cart discount above the limit' });
    }
  }
  return needs;
}

/** A discount exceeds the limit when its share of the base or its amount is above the threshold. */
function exceeds(amount: number, base: number, limitBp: number, limitAmount: number): boolean {
  if (amount <= 0) return false;
  return amount * BP > base * limitBp || amount > limitAmount;
}
