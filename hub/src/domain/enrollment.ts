/**
 * Enrolling a register: a code (single-use, or reusable for the demo) becomes a register of the code's
 * store with a fresh bearer token. The token is returned once; the hub keeps only its hash.
 */
import { randomUUID } from 'node:crypto';
import type { EnrollRequest, EnrollResponse } from '@till/shared/sync/protocol';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { hashToken, newToken } from './secrets';

/** Enrolls a register; throws `invalid_code` for an unknown or used code (nothing is stored then). */
export async function enrollRegister(ctx: DomainContext, request: EnrollRequest): Promise<EnrollResponse> {
  const token = newToken();
  const registerId = `reg-${randomUUID()}`;
  const storeId = await ctx.db.transaction(async (tx) => {
    const store = await ctx.repos.registers.claimCode(request.code, tx);
    if (!store) throw new DomainError('invalid_code', 'unknown or already used enrollment code');
    await ctx.repos.registers.insert(
      { id: registerId, storeId: store, name: request.name, tokenHash: hashToken(token) },
      tx,
    );
    return store;
  });
  return { registerId, storeId, token };
}
