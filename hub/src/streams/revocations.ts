/**
 * This process's subscription to revoked registers (`till_revocations`, raised by a trigger on commit:
 * repositories/registers.ts). Each one is dropped from the token cache and its open streams are closed,
 * so a revocation made through any hub process — or by hand in SQL — holds in every process at once.
 */
import type { Db } from '../db/port';
import type { RegisterAuth } from '../domain/register-auth';
import { REVOCATIONS_CHANNEL, RegistersRepository } from '../repositories/registers';
import type { SyncStreams } from './sync-streams';

/** Revocations of one hub process. */
export class Revocations {
  private unlisten: (() => Promise<void>) | null = null;

  private constructor(
    private readonly auth: RegisterAuth,
    private readonly streams: SyncStreams,
  ) {}

  /** Starts listening on `db`. */
  static async start(
    db: Db,
    auth: RegisterAuth,
    streams: SyncStreams,
    registers: Pick<RegistersRepository, 'inactiveAmong'> = new RegistersRepository(db),
  ): Promise<Revocations> {
    const revocations = new Revocations(auth, streams);
    revocations.unlisten = await db.listen(
      REVOCATIONS_CHANNEL,
      (registerId) => revocations.revoked(registerId),
      // Notifications may have been lost while the listening connection was down: trust no cached token,
      // and close the open streams of registers revoked meanwhile.
      () => void revocations.recheck(registers),
    );
    return revocations;
  }

  /** After lost notifications: forgets every cached token and closes streams of registers now inactive. */
  private async recheck(registers: Pick<RegistersRepository, 'inactiveAmong'>): Promise<void> {
    this.auth.forgetAll();
    try {
      for (const id of await registers.inactiveAmong(this.streams.openRegisters())) this.revoked(id);
    } catch {
      // The database went away again: the next reconnect rechecks. Requests re-authenticate meanwhile.
    }
  }

  /**
   * A register's token stopped working: forget it and close its streams. Called by the notification, and
   * directly by the process that revoked (so its own next request does not wait for the notification).
   */
  revoked(registerId: string): void {
    this.auth.forget(registerId);
    this.streams.closeRegister(registerId);
  }

  /** Stops listening. */
  async close(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = null;
  }
}
