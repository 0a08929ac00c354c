/**
 * Enrolling and revoking registers. A code (single-use and expiring, or reusable for the demo) becomes a
 * register of the code's store with a fresh bearer token and the store's staff key; the token is returned
 * once and the hub keeps only its hash. A register that enrolls again names its current token, which is
 * revoked in the same transaction. Operators issue codes and revoke registers (routes/admin.ts).
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { EnrollRequest, EnrollResponse } from '@till/shared/sync/protocol';
import type { IssuedCode, RegisterListing } from '../repositories/registers';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { hashToken, newToken } from './secrets';

/** An enrollment's answer, and the register it replaced (revoked), if any. */
export interface Enrollment {
  answer: EnrollResponse;
  replaced: string | null;
}

/**
 * Enrolls a register; throws `invalid_code` for an unknown, used or expired code (nothing is stored
 * then). With `replacesToken`, the live register of the same store holding it is revoked in the same
 * transaction; a token of another store, or one that no longer works, is left alone.
 */
export async function enrollRegister(ctx: DomainContext, request: EnrollRequest): Promise<Enrollment> {
  const token = newToken();
  const registerId = `reg-${randomUUID()}`;
  return ctx.db.transaction(async (tx) => {
    const storeId = await ctx.repos.registers.claimCode(request.code, tx);
    if (!storeId) throw new DomainError('invalid_code', 'unknown, used or expired enrollment code');
    const staffKey = await ctx.repos.stores.staffKey(storeId, tx);
    if (!staffKey) throw new Error(`store ${storeId} of an enrollment code has no staff key`);
    await ctx.repos.registers.insert(
      { id: registerId, storeId, name: request.name, tokenHash: hashToken(token) },
      tx,
    );
    const replaced = request.replacesToken
      ? await ctx.repos.registers.revokeByTokenHash(hashToken(request.replacesToken), storeId, tx)
      : null;
    return { answer: { registerId, storeId, token, staffKey }, replaced };
  });
}

/** Unambiguous characters of issued codes (Crockford's base 32: no I, L, O or U). */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new code: four groups of four, 80 random bits (`7KQ2-M9XD-…`), typed by hand at a register. */
export function newEnrollmentCode(): string {
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Issues a single-use code for a store, valid for `ttlHours`; throws `unknown_store`. */
export async function issueEnrollmentCode(
  ctx: DomainContext,
  storeId: string,
  ttlHours: number,
): Promise<IssuedCode> {
  if (!(await ctx.repos.stores.exists(storeId)))
    throw new DomainError('unknown_store', `no store ${storeId}`);
  // 80 random bits do not collide in practice; a taken code is drawn again rather than reported.
  for (let attempt = 0; attempt < 5; attempt++) {
    const issued = await ctx.repos.registers.insertCode(newEnrollmentCode(), storeId, ttlHours);
    if (issued) return issued;
  }
  throw new Error('could not draw a free enrollment code');
}

/** Revokes a register: its token answers 401 from now on. Null when there is no such register. */
export async function revokeRegister(
  ctx: DomainContext,
  registerId: string,
): Promise<RegisterListing | null> {
  return ctx.repos.registers.revoke(registerId);
}
