/**
 * Completing a sale at the counter: the tenders settled against the total (change only from cash), the
 * document built with `buildSale`, numbered after the highest receipt number this register can see, with
 * the register's open shift, and recorded through `recordSale` into the replica — from where replication
 * pushes it when it can (docs/architecture.md, "A sale's journey"). Nothing here waits for the network.
 */
import type { PricedCart } from '@till/shared/domain/pricing';
import { formatReceiptNumber, nextReceiptSeq } from '@till/shared/domain/receipt-number';
import { buildSale } from '@till/shared/domain/sale-builder';
import type { TenderInput } from '@till/shared/domain/tenders';
import { type Result, fail } from '@till/shared/result';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { TillDatabase } from '../../../sync/database';
import { recordSale } from '../../../sync/record-sale';
import type { Approval } from '../sale/cart-store';
import { openShiftId, registerReceiptNumbers } from './queries';
import { registerCodeOf } from './tender-math';

/** Everything a completed sale is made of. */
export interface CompleteSaleInput {
  db: TillDatabase;
  /** The sale's id: the one the card terminal was charged under. */
  saleId: string;
  storeId: string;
  storeCode: string;
  registerId: string;
  clerkId: string;
  customerId: string | null;
  currency: string;
  priced: PricedCart;
  tenders: readonly TenderInput[];
  approvals: readonly Approval[];
}

/** Builds, numbers and records the sale; answers the recorded document or why it was refused. */
export async function completeSale(input: CompleteSaleInput): Promise<Result<SaleDocument>> {
  const { db } = input;
  const registerCode = registerCodeOf(input.registerId);
  const [shiftId, numbers] = await Promise.all([
    openShiftId(db, input.registerId),
    registerReceiptNumbers(db, input.registerId),
  ]);
  let number: string;
  try {
    number = formatReceiptNumber(
      input.storeCode,
      registerCode,
      nextReceiptSeq(input.storeCode, registerCode, 0, numbers),
    );
  } catch (error) {
    return fail('receipt_number_invalid', (error as Error).message);
  }
  const built = buildSale({
    id: input.saleId,
    context: {
      storeId: input.storeId,
      registerId: input.registerId,
      clerkId: input.clerkId,
      customerId: input.customerId,
      shiftId,
      currency: input.currency,
    },
    priced: input.priced,
    tenders: input.tenders,
    number,
    ...(input.approvals.length > 0 ? { approvals: [...input.approvals] } : {}),
  });
  if (!built.ok) return built;
  return recordSale(db, built.value);
}
