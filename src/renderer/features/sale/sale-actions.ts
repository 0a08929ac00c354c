/**
 * The cart changes that may need a manager: line and cart discounts, price overrides and voids. Each tries
 * the change on a copy of the cart first (priced with the store's settings, so a discount bigger than the
 * line is refused before anything changes), asks `approvalsNeeded` whether it goes above the store's
 * thresholds, asks for a manager's PIN when it does, then applies it, records the approval on the cart and
 * writes the audit entries (`manager_approval`, `discount`, `price_override`, `void_line`).
 */
import { type ApprovalNeed, approvalsNeeded } from '@till/shared/domain/approvals';
import { type CartInput, type Discount, priceCart } from '@till/shared/domain/pricing';
import { type Result, fail, ok } from '@till/shared/result';
import type { StoreSettings } from '@till/shared/schemas/settings';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { useActiveClerk } from '../session/session-store';
import type { StaffChoice } from '../session/queries';
import { type Approval, type CartLine, useCartStore } from './cart-store';
import { useStoreSettings } from './queries';
import type { AuditEntry } from '@till/shared/schemas/audit';
import { recordAudit } from '../../../sync/record-audit';

/** The sale screen's actions worth an audit entry. */
type SaleAuditAction = Extract<
  AuditEntry['action'],
  'manager_approval' | 'price_override' | 'discount' | 'void_line'
>;

/** The flat record an audit entry's details are. */
type Details = Record<string, string | number | boolean | null>;

/** What an attempt came to: done, cancelled at the PIN dialog, or refused with words for the clerk. */
export type ActionOutcome = Result<'done' | 'cancelled'>;

/** The approval a need becomes on the sale document. */
function approvalOf(need: ApprovalNeed | { kind: 'other' }, staffId: string): Approval {
  return { kind: need.kind, staffId, at: new Date().toISOString() };
}

/**
 * Whether voiding `line` needs a manager: a void gives the customer nothing, but removing a line worth more
 * than the store's discount-amount limit is as sensitive as a discount of that size, so the same limit
 * applies.
 */
export function voidNeedsApproval(line: CartLine, settings: StoreSettings): boolean {
  const price = line.override ? line.override.unitPrice : line.unitPrice;
  return line.qty * price > settings.approvals.discountAmount;
}

/** The sale screen's guarded cart actions. `requestApproval` shows the manager PIN dialog. */
export function useSaleActions(requestApproval: (reasons: string[]) => Promise<StaffChoice | null>) {
  const enrollment = useEnrollment();
  const db = useReplica();
  const clerk = useActiveClerk();
  const settings = useStoreSettings(enrollment?.storeId ?? null).data ?? null;

  const audit = (action: SaleAuditAction, details: Details, staffId = clerk?.id ?? null) =>
    void recordAudit(db, enrollment, { action, staffId, details });

  /** Tries `next`; asks for approval of the needs `concerns` picks; returns the approving manager. */
  const guard = async (
    next: CartInput,
    concerns: (need: ApprovalNeed) => boolean,
  ): Promise<Result<{ manager: StaffChoice | null; needs: ApprovalNeed[] } | 'cancelled'>> => {
    if (!settings)
      return fail('settings_missing', 'The store’s settings have not reached this register yet.');
    const priced = priceCart(next, settings);
    if (!priced.ok) return priced;
    const needs = approvalsNeeded(next, settings.approvals).filter(concerns);
    if (needs.length === 0) return ok({ manager: null, needs });
    const manager = await requestApproval(needs.map((n) => n.message));
    if (!manager) return ok('cancelled');
    return ok({ manager, needs });
  };

  /** Records approvals on the cart (tied to their line, if any) and in the audit trail. */
  const approve = (manager: StaffChoice, needs: ApprovalNeed[], details: Details) => {
    const store = useCartStore.getState();
    for (const need of needs) {
      store.addApproval(approvalOf(need, manager.id), need.lineId);
      audit('manager_approval', { ...details, kind: need.kind, clerkId: clerk?.id ?? null }, manager.id);
    }
  };

  const current = (): CartInput => {
    const s = useCartStore.getState();
    return { lines: s.lines, cartDiscount: s.cartDiscount };
  };

  const discountDetails = (d: Discount | null): Details =>
    d === null ? { removed: true } : d.kind === 'percent' ? { percentBp: d.bp } : { amount: d.amount };

  return {
    ready: settings !== null,

    /** Sets (or, with null, removes) a line's discount. */
    async setLineDiscount(lineId: string, discount: Discount | null): Promise<ActionOutcome> {
      const cart = current();
      const line = cart.lines.find((l) => l.lineId === lineId);
      if (!line) return fail('line_not_found', 'That line is no longer in the cart.');
      const next = { ...cart, lines: cart.lines.map((l) => (l.lineId === lineId ? { ...l, discount } : l)) };
      const checked = await guard(next, (n) => n.kind === 'line_discount' && n.lineId === lineId);
      if (!checked.ok) return checked;
      if (checked.value === 'cancelled') return ok('cancelled');
      const applied = useCartStore.getState().setLineDiscount(lineId, discount);
      if (!applied.ok) return applied;
      const details = { lineId, sku: line.sku, ...discountDetails(discount) };
      if (checked.value.manager) approve(checked.value.manager, checked.value.needs, details);
      audit('discount', { ...details, approvedBy: checked.value.manager?.id ?? null });
      return ok('done');
    },

    /** Sets (or removes) the cart discount. */
    async setCartDiscount(discount: Discount | null): Promise<ActionOutcome> {
      const next = { ...current(), cartDiscount: discount };
      const checked = await guard(next, (n) => n.kind === 'cart_discount');
      if (!checked.ok) return checked;
      if (checked.value === 'cancelled') return ok('cancelled');
      const applied = useCartStore.getState().setCartDiscount(discount);
      if (!applied.ok) return applied;
      const details = { scope: 'cart', ...discountDetails(discount) };
      if (checked.value.manager) approve(checked.value.manager, checked.value.needs, details);
      audit('discount', { ...details, approvedBy: checked.value.manager?.id ?? null });
      return ok('done');
    },

    /** Overrides a line's price with a reason (null removes the override). */
    async overridePrice(lineId: string, unitPrice: number | null, reason: string): Promise<ActionOutcome> {
      const cart = current();
      const line = cart.lines.find((l) => l.lineId === lineId);
      if (!line) return fail('line_not_found', 'That line is no longer in the cart.');
      if (unitPrice !== null && reason.trim() === '')
        return fail('reason_missing', 'Say why the price changes.');
      const override = unitPrice === null ? null : { unitPrice, reason: reason.trim(), approvedBy: null };
      const next = { ...cart, lines: cart.lines.map((l) => (l.lineId === lineId ? { ...l, override } : l)) };
      const checked = await guard(next, (n) => n.kind === 'price_override' && n.lineId === lineId);
      if (!checked.ok) return checked;
      if (checked.value === 'cancelled') return ok('cancelled');
      const manager = checked.value.manager;
      const applied = useCartStore
        .getState()
        .overridePrice(lineId, override ? { ...override, approvedBy: manager?.id ?? null } : null);
      if (!applied.ok) return applied;
      const details: Details = {
        lineId,
        sku: line.sku,
        originalUnitPrice: line.unitPrice,
        ...(override ? { unitPrice: override.unitPrice, reason: override.reason } : { removed: true }),
      };
      if (manager) approve(manager, checked.value.needs, details);
      audit('price_override', { ...details, approvedBy: manager?.id ?? null });
      return ok('done');
    },

    /** Removes a line; a manager approves a void above the store's discount-amount limit. */
    async voidLine(lineId: string): Promise<ActionOutcome> {
      if (!settings)
        return fail('settings_missing', 'The store’s settings have not reached this register yet.');
      const line = useCartStore.getState().lines.find((l) => l.lineId === lineId);
      if (!line) return fail('line_not_found', 'That line is no longer in the cart.');
      let manager: StaffChoice | null = null;
      if (voidNeedsApproval(line, settings)) {
        manager = await requestApproval([`void ${line.name} (${line.qty} ×)`]);
        if (!manager) return ok('cancelled');
      }
      const applied = useCartStore.getState().voidLine(lineId);
      if (!applied.ok) return applied;
      const details = { lineId, sku: line.sku, qty: line.qty, unitPrice: line.unitPrice };
      if (manager) {
        useCartStore.getState().addApproval(approvalOf({ kind: 'other' }, manager.id));
        audit('manager_approval', { ...details, kind: 'void_line', clerkId: clerk?.id ?? null }, manager.id);
      }
      audit('void_line', { ...details, approvedBy: manager?.id ?? null });
      return ok('done');
    },
  };
}
