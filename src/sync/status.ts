/**
 * The sync status the UI subscribes to: is the hub reachable, how many sales wait to reach it and since
 * when, when the last exchange succeeded, and per-collection problems in words a clerk understands.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { CollectionName } from '@till/shared/sync/protocol';
import { HubError } from './hub-client';
import type { PendingSales } from './pending-sales';

/** Whether the register can talk to the hub right now. */
export type Connection = 'online' | 'offline' | 'reconnecting';

/** A problem one collection has, for people. */
export interface CollectionProblem {
  collection: CollectionName;
  code: string;
  message: string;
}

/** Everything the sync status bar shows. */
export interface SyncStatus {
  connection: Connection;
  pending: PendingSales;
  /** ISO time of the last successful exchange with the hub. */
  lastExchangeAt: string | null;
  problems: CollectionProblem[];
  quarantined: number;
}

/** Says what a hub error means for the clerk, and what to do about it. */
export function describeHubError(error: HubError): { code: string; message: string } {
  if (error.status === 0 && error.code === 'timeout') {
    return {
      code: 'slow',
      message: 'The hub is slow to answer. Selling goes on; sales are sent when it answers.',
    };
  }
  if (error.status === 0) {
    return {
      code: 'offline',
      message:
        'The hub cannot be reached. Keep selling: sales are saved here and sent when the connection is back.',
    };
  }
  if (error.status === 401) {
    return {
      code: 'enrollment',
      message: 'This register is no longer enrolled. Ask a manager to enroll it again.',
    };
  }
  if (error.status === 403) {
    return {
      code: 'forbidden',
      message: 'The hub refused this register for this store. Ask a manager to check it.',
    };
  }
  if (error.status >= 500) {
    return { code: 'hub_error', message: 'The hub had a problem. Retrying by itself; keep selling.' };
  }
  return { code: error.code, message: error.message };
}

/** Finds the HubError inside an RxDB replication error (RxDB wraps handler errors). */
export function hubErrorOf(error: unknown): HubError | null {
  if (error instanceof HubError) return error;
  const e = error as { parameters?: { errors?: unknown[] }; cause?: unknown } | null;
  for (const inner of e?.parameters?.errors ?? []) if (inner instanceof HubError) return inner;
  return e?.cause instanceof HubError ? e.cause : null;
}

/** A status model fed by the hub client, the replication and the pending-sales tracker. */
export function createSyncStatus(now: () => Date = () => new Date()) {
  const state: SyncStatus = {
    connection: 'reconnecting',
    pending: { count: 0, oldest: null },
    lastExchangeAt: null,
    problems: [],
    quarantined: 0,
  };
  const status$ = new BehaviorSubject<SyncStatus>({ ...state });
  const publish = () => status$.next({ ...state, problems: [...state.problems] });

  return {
    status$: status$ as Observable<SyncStatus>,
    current: () => status$.getValue(),
    /** Hub client hook: every exchange's outcome. */
    exchange(outcome: { ok: true } | { ok: false; error: HubError }) {
      if (outcome.ok) {
        state.connection = 'online';
        state.lastExchangeAt = now().toISOString();
      } else if (outcome.error.status === 0) {
        state.connection = 'offline';
      }
      publish();
    },
    /** Event stream state: a dropped stream while requests still work is "reconnecting". */
    stream(streamState: 'connecting' | 'open' | 'reconnecting' | 'closed') {
      if (streamState === 'open') state.connection = 'online';
      else if (streamState === 'reconnecting' && state.connection === 'online')
        state.connection = 'reconnecting';
      publish();
    },
    /** A collection's replication failed (or recovered, with `error` null). */
    collection(collection: CollectionName, error: unknown | null) {
      state.problems = state.problems.filter((p) => p.collection !== collection);
      if (error !== null) {
        const hub = hubErrorOf(error);
        const described = hub
          ? describeHubError(hub)
          : { code: 'local_error', message: 'Something went wrong on this register; it will retry.' };
        state.problems.push({ collection, ...described });
      }
      publish();
    },
    pending(pending: PendingSales) {
      state.pending = pending;
      publish();
    },
    quarantined(count: number) {
      state.quarantined = count;
      publish();
    },
  };
}
