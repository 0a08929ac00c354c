/**
 * A stand-in for the register's SSE connection that a test drives by hand, and the shared sync stream built
 * on it (test-only). The stream code under test is the real one; only the EventSource is replaced.
 */
import { type EventStreamLike, createSyncStream } from '../../src/sync/event-stream';

/** A fake EventSource: the test fires its callbacks. */
export class FakeEventSource implements EventStreamLike {
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  readyState = 0;
  closed = false;
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}
  /** Delivers one frame (a string as it is, anything else as JSON). */
  frame(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  /** The source gives up for good, as on a 503 from a hub that is still starting. */
  refuse() {
    this.readyState = 2;
    this.onerror?.({});
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

/** A sync stream over fake sources: every source it opens, and the latest. */
export function fakeSyncStream(reopenMs: number) {
  const sources: FakeEventSource[] = [];
  const stream = createSyncStream(
    (url, token) => {
      const source = new FakeEventSource(url, token);
      sources.push(source);
      return source;
    },
    'http://hub.test/api/v1/sync/stream',
    'tok_test_0123456789',
    { reopenMs },
  );
  return { stream, sources, latest: () => sources.at(-1) as FakeEventSource };
}
