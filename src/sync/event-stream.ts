/**
 * The hub's sync event stream (SSE), shared by every collection's replication. The factory that opens the
 * underlying stream is passed in (an `eventsource` instance with a fetch that adds the token, in Chromium and
 * in Node alike), so this module stays free of platform code.
 *
 * Every frame is parsed with the protocol's `parseStreamEvent`: a frame that is neither `RESYNC` nor a
 * well-formed change of a known collection is dropped, so a hub bug or a proxy's garbage never reaches a
 * replica. A change for a collection nobody listens to is ignored.
 */
import { Subject } from 'rxjs';
import {
  type Checkpoint,
  type CollectionName,
  RESYNC,
  type WireDocument,
  parseStreamEvent,
} from '@till/shared/sync/protocol';

/** The part of the WHATWG EventSource the register uses. */
export interface EventStreamLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  /** 2 (CLOSED) once the source has given up for good (a non-200 answer); it is then reopened here. */
  readonly readyState?: number;
  close(): void;
}

/** Opens an event stream to `url` sending `Authorization: Bearer <token>`. */
export type OpenEventStream = (url: string, token: string) => EventStreamLike;

/** A replicated document as RxDB wants it: with `_deleted`. */
export type ReplicatedDocument = WireDocument & { _deleted: boolean };

/** What a collection's `pull.stream$` receives. */
export type StreamItem = typeof RESYNC | { documents: ReplicatedDocument[]; checkpoint: Checkpoint };

/** Connection state of the stream. */
export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Options of the shared stream. */
export interface SyncStreamOptions {
  /** Delay before reopening a stream the source closed for good; doubles up to 30 s. Default 1 s. */
  reopenMs?: number;
}

const EVENT_SOURCE_CLOSED = 2;
const MAX_REOPEN_MS = 30_000;

/**
 * Opens one stream and fans its events out per collection. On every (re)connect the hub sends `RESYNC`,
 * which makes every collection pull from its checkpoint, so nothing missed while disconnected is lost.
 */
export function createSyncStream(
  open: OpenEventStream,
  url: string,
  token: string,
  options: SyncStreamOptions = {},
) {
  const perCollection = new Map<CollectionName, Subject<StreamItem>>();
  const state$ = new Subject<StreamState>();
  const subjectFor = (name: CollectionName) => {
    let s = perCollection.get(name);
    if (!s) {
      s = new Subject<StreamItem>();
      perCollection.set(name, s);
    }
    return s;
  };

  const baseReopenMs = options.reopenMs ?? 1_000;
  let reopenMs = baseReopenMs;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let source = connect();

  function connect(): EventStreamLike {
    const next = open(url, token);
    state$.next('connecting');
    next.onopen = () => {
      reopenMs = baseReopenMs;
      state$.next('open');
    };
    next.onerror = () => {
      state$.next('reconnecting');
      // An EventSource retries network failures by itself but gives up on a non-200 answer (a hub that is
      // starting, a proxy error): then this stream opens a new one, later and later.
      if (next.readyState === EVENT_SOURCE_CLOSED && !closed && reopenTimer === undefined) {
        // close() clears this timer, so it never fires on a closed stream.
        reopenTimer = setTimeout(() => {
          reopenTimer = undefined;
          next.close();
          source = connect();
        }, reopenMs);
        reopenMs = Math.min(reopenMs * 2, MAX_REOPEN_MS);
      }
    };
    next.onmessage = (ev) => receive(ev.data);
    return next;
  }

  function receive(data: unknown): void {
    const event = typeof data === 'string' ? parseStreamEvent(data) : null;
    if (event === null) return;
    if (event === RESYNC) {
      for (const s of perCollection.values()) s.next(RESYNC);
      return;
    }
    perCollection.get(event.collection)?.next({
      documents: event.documents.map(withDeletedFlag),
      checkpoint: event.checkpoint,
    });
  }

  return {
    /** The stream for one collection's `pull.stream$`. */
    for: (name: CollectionName) => subjectFor(name).asObservable(),
    state$: state$.asObservable(),
    close() {
      closed = true;
      clearTimeout(reopenTimer);
      source.close();
      state$.next('closed');
      for (const s of perCollection.values()) s.complete();
      state$.complete();
    },
  };
}

/** A running shared stream. */
export type SyncStream = ReturnType<typeof createSyncStream>;

/** RxDB needs `_deleted` on every replicated document; the hub never deletes, so it is false. */
export function withDeletedFlag<T extends WireDocument>(doc: T): T & { _deleted: boolean } {
  return { ...doc, _deleted: doc._deleted === true };
}
