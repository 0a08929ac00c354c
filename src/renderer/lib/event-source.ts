/**
 * Opens the hub's sync event stream from the page: the `eventsource` package over `fetch`, because the
 * browser's own EventSource cannot send the register's token in a header (and a token in the URL would end
 * up in logs).
 */
import { EventSource } from 'eventsource';
import type { EventStreamLike } from '../../sync/event-stream';

/** An `OpenEventStream` for src/sync: every request of the stream carries `Authorization: Bearer <token>`. */
export function openBrowserEventStream(url: string, token: string): EventStreamLike {
  const source = new EventSource(url, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token}` } }),
  });
  // Its handlers are typed with DOM events; src/sync reads only `data` and `readyState`, which it has.
  return source as unknown as EventStreamLike;
}
