/**
 * This process's subscription to revoked registers (`till_revocations`, raised by a trigger on commit:
 * repositories/registers.ts). Each one is dropped from the token cache and its open streams are closed,
 * so a revocation made through any hub process — or by hand in SQL — holds in every process at once.
 */
import type { Db } from '../db/port';
import type { RegisterAuth } from '../domain/register-auth';
import { REVOCATIONS_CHANNEL } from '../repositories/registers';
import type { SyncStreams } from './sync-streams';

/** Revocations of one hub process. */
export class Revocations {
  private unlisten: (() => Promise<void>) | null = null;

  private constructor(
    private readonly auth: RegisterAuth,
    private readonly streams: SyncStreams,
  ) {}

  /** Starts listening on `db`. */
  static async start(db: Db, auth: RegisterAuth, streams: SyncStreams): Promise<Revocations> {
    const revocations = new Revocations(auth, streams);
    revocations.unlisten = await db.listen(
      REVOCATIONS_CHANNEL,
      (registerId) => revocations.revoked(registerId),
      // Notifications may have been lost while the listening connection was down: trust no cached token.
      () => auth.forgetAll(),
    );
    return revocations;
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
