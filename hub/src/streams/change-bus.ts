/**
 * This process's subscription to the change channel (repositories/changes.ts), fanned out to in-process
 * listeners: the register streams and the storefront stock stream.
 */
import type { Db } from '../db/port';
import { CHANGES_CHANNEL, type Change, parseChange } from '../repositories/changes';

/** Someone interested in committed changes. */
export interface ChangeListener {
  onChange(change: Change): void;
  /** Notifications may have been lost (the listening connection dropped): resynchronise. */
  onGap(): void;
}

/** The change channel of one hub process. */
export class ChangeBus {
  private readonly listeners = new Set<ChangeListener>();
  private unlisten: (() => Promise<void>) | null = null;

  /** Starts listening on `db`. */
  static async start(db: Db): Promise<ChangeBus> {
    const bus = new ChangeBus();
    bus.unlisten = await db.listen(
      CHANGES_CHANNEL,
      (payload) => bus.dispatch(payload),
      () => bus.listeners.forEach((l) => l.onGap()),
    );
    return bus;
  }

  /** Adds a listener; returns its removal. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private dispatch(payload: string): void {
    const change = parseChange(payload);
    if (!change) return;
    for (const listener of this.listeners) listener.onChange(change);
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.unlisten?.();
    this.unlisten = null;
  }
}
