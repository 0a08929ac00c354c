/**
 * The receipt number of a return: the register's next number `S<store>-R<register>-<seq>`, after the
 * highest this register can see among its own sales and returns in the replica (src/shared/domain/
 * receipt-number.ts), so returns and sales share one sequence and a number never repeats on a register.
 * The register's code is the tender screen's (`registerCodeOf`), so both number alike.
 */
import { formatReceiptNumber, nextReceiptSeq } from '@till/shared/domain/receipt-number';
import type { TillDatabase } from '../../../sync/database';
import { registerCodeOf } from '../tender/tender-math';
import { ownNumbers } from './queries';

/** The next receipt number of this register. */
export async function nextReturnNumber(
  db: TillDatabase,
  storeCode: string,
  registerId: string,
): Promise<string> {
  const registerCode = registerCodeOf(registerId);
  const seq = nextReceiptSeq(storeCode, registerCode, 0, await ownNumbers(db, registerId));
  return formatReceiptNumber(storeCode, registerCode, seq);
}
