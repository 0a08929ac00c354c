/**
 * An RxJS observable as React state, through `useSyncExternalStore`: the sync engine publishes its status
 * and progress as observables, and components read the latest value without tearing.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Observable } from 'rxjs';

/** An external store over one observable: subscribes when React does, and remembers the latest value. */
export function observableStore<T, I = T>(source: Observable<T>, initial: I) {
  let latest: T | I = initial;
  return {
    subscribe(onChange: () => void): () => void {
      const subscription = source.subscribe((value) => {
        latest = value;
        onChange();
      });
      return () => subscription.unsubscribe();
    },
    getSnapshot: (): T | I => latest,
  };
}

/**
 * The latest value of `source` (`initial` until it emits; a BehaviorSubject emits at once). Pass a stable
 * observable: a new one starts over from `initial`.
 */
export function useObservable<T, I = T>(source: Observable<T> | null, initial: I): T | I {
  const store = useMemo(() => (source ? observableStore(source, initial) : null), [source, initial]);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? (() => initial));
}

const noSubscription = () => () => {};
