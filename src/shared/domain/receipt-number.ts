/**
 * Receipt numbers `S<store>-R<register>-<seq>`: printed on the receipt, searched at the counter, and never
 * repeated on a register. The sequence lives with the register's data; after a crash or a restore the
 * register resumes after the highest number it can still see, so a number is never handed out twice.
 */

const pattern = /^S([A-Za-z0-9]{1,8})-R([A-Za-z0-9]{1,8})-(\d{6,})$/;

/** Formats a receipt number; the sequence is zero-padded to six digits and grows beyond when needed. */
export function formatReceiptNumber(storeCode: string, registerCode: string, seq: number): string {
  if (!/^[A-Za-z0-9]{1,8}$/.test(storeCode) || !/^[A-Za-z0-9]{1,8}$/.test(registerCode)) {
    throw new RangeError('store and register codes are 1–8 letters or digits');
  }
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`receipt sequence must be ≥ 1 (${seq})`);
  return `S${storeCode}-R${registerCode}-${String(seq).padStart(6, '0')}`;
}

/** Parses a receipt number, or returns null when it is not one. */
export function parseReceiptNumber(
  text: string,
): { storeCode: string; registerCode: string; seq: number } | null {
  const m = pattern.exec(text.trim());
  if (!m) return null;
  return { storeCode: m[1] as string, registerCode: m[2] as string, seq: Number(m[3]) };
}

/**
 * The next sequence number for a register: one more than both its stored counter and the highest
 * sequence among the receipt numbers it can see for itself (the counter may have been lost in a crash
 * while the sales survived). Numbers of other registers are ignored.
 */
export function nextReceiptSeq(
  storeCode: string,
  registerCode: string,
  storedCounter: number,
  knownNumbers: Iterable<string> = [],
): number {
  let highest = Math.max(0, storedCounter);
  for (const number of knownNumbers) {
    const parsed = parseReceiptNumber(number);
    if (parsed && parsed.storeCode === storeCode && parsed.registerCode === registerCode) {
      highest = Math.max(highest, parsed.seq);
    }
  }
  return highest + 1;
}
