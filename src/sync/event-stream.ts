/**
 * The hub's sync event stream (SSE), shared by every collection's replication. The factory that opens the
 * underlying stream is passed in (an `eventsource` instance with a fetch that adds the token, in Chromium and
 * in Node alike), so this module stays free of platform code.
 */
import { Subject } from 'rxjs';
import type { CollectionName } from '@till/shared/sync/protocol';

/** The part of the WHATWG EventSource the register uses. */
export interface EventStreamLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(): void;
}

/** Opens an event stream to `url` sending `Authorization: Bearer <token>`. */
export type OpenEventStream = (url: string, token: string) => EventStreamLike;

/** What a collection's `pull.stream$` receives. */
export type StreamItem = 'RESYNC' | { documents: Record<string, unknown>[]; checkpoint: unknown };

/** Connection state of the stream. */
export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * Opens one stream and fans its events out per collection. On every (re)connect the hub sends `RESYNC`,
 * which makes every collection pull from its checkpoint, so nothing missed while disconnected is lost.
 */
export function createSyncStream(open: OpenEventStream, url: string, token: string) {
  const perCollection = new Map<string, Subject<StreamItem>>();
  const state$ = new Subject<StreamState>();
  const subjectFor = (name: CollectionName) => {
    let s = perCollection.get(name);
    if (!s) {
      s = new Subject<StreamItem>();
      perCollection.set(name, s);
    }
    return s;
  };

  const source = open(url, token);
  state$.next('connecting');
  source.onopen = () => state$.next('open');
  source.onerror = () => state$.next('reconnecting');
  source.onmessage = (ev) => {
    let data: unknown;
    try {
      data = JSON.parse(ev.data);
    } catch {
      data = ev.data;
    }
    if (data === 'RESYNC') {
      for (const s of perCollection.values()) s.next('RESYNC');
      return;
    }
    const event = data as { collection?: string; documents?: unknown; checkpoint?: unknown };
    if (typeof event?.collection !== 'string' || !Array.isArray(event.documents)) return;
    perCollection.get(event.collection)?.next({
      documents: (event.documents as Record<string, unknown>[]).map(withDeletedFlag),
      checkpoint: event.checkpoint,
    });
  };

  return {
    /** The stream for one collection's `pull.stream$`. */
    for: (name: CollectionName) => subjectFor(name).asObservable(),
    state$: state$.asObservable(),
    close() {
      source.close();
      state$.next('closed');
      for (const s of perCollection.values()) s.complete();
      state$.complete();
    },
  };
}

/** RxDB needs `_deleted` on every replicated document; the hub never deletes, so it is false. */
export function withDeletedFlag<T extends Record<string, unknown>>(doc: T): T & { _deleted: boolean } {
  return { ...doc, _deleted: doc._deleted === true };
}
