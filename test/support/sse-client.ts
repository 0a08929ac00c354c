/** A small SSE client for tests and the bench: fetch + eventsource-parser, with "wait for an event". */
import { createParser } from 'eventsource-parser';

/** An open event stream. */
export interface StreamClient {
  /** Every event's data received so far. */
  readonly events: string[];
  /** Resolves with the first event (received or to come) whose data satisfies `test`. */
  waitFor(test: (data: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Called on every event as it arrives. */
  onEvent(fn: (data: string) => void): void;
  close(): void;
}

/** Opens an SSE stream; resolves once the response headers arrived. */
export async function openStream(url: string, headers: Record<string, string> = {}): Promise<StreamClient> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  if (!res.ok || !res.body) throw new Error(`stream ${url}: HTTP ${res.status} ${await res.text()}`);
  const events: string[] = [];
  const waiters = new Set<{ test: (d: string) => boolean; resolve: (d: string) => void }>();
  const listeners: ((d: string) => void)[] = [];
  const parser = createParser({
    onEvent(message) {
      events.push(message.data);
      for (const fn of listeners) fn(message.data);
      for (const w of waiters) {
        if (w.test(message.data)) {
          waiters.delete(w);
          w.resolve(message.data);
        }
      }
    },
  });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    events,
    onEvent: (fn) => listeners.push(fn),
    waitFor(test, timeoutMs = 5000) {
      const seen = events.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { test, resolve: (d: string) => (clearTimeout(timer), resolve(d)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching event within ${timeoutMs} ms (got ${events.length} events)`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => controller.abort(),
  };
}
