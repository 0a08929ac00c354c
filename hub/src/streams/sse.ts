/**
 * Server-Sent Events over a hijacked reply. Written by hand rather than with a plugin because the hub
 * broadcasts one pre-serialised frame to hundreds of listeners and needs to drop a listener that stops
 * reading (bounded memory) — a few lines over the raw response do exactly that.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A listener whose buffered output passes this is disconnected; it reconnects and resynchronises. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const KEEPALIVE_MS = 15_000;

/** One open event stream. */
export interface SseConnection {
  /** Sends one event whose data is `data` (a single line: JSON or a bare word). */
  send(data: string): void;
  /** Sends an already formatted frame (`data: …\n\n`), shared between listeners. */
  sendFrame(frame: string): void;
  /** Called every keepalive interval while open. */
  onKeepalive(fn: () => void): void;
  readonly closed: boolean;
  /** The register whose token opened the stream (null for the storefront's), to close it on revocation. */
  readonly registerId: string | null;
  onClose(fn: () => void): void;
  close(): void;
}

/** Formats one SSE frame. */
export function frame(data: string): string {
  return `data: ${data}\n\n`;
}

/** Takes over the response and opens an event stream. */
export function openSse(request: FastifyRequest, reply: FastifyReply): SseConnection {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    // Headers set by hooks (CORS) live on the reply, which a hijacked response no longer sends by itself.
    ...(reply.getHeaders() as OutgoingHttpHeaders),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.socket?.setNoDelay(true);
  let closed = false;
  const closeFns: (() => void)[] = [];
  const keepaliveFns: (() => void)[] = [];
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    for (const fn of closeFns) fn();
  };
  const timer = setInterval(() => {
    conn.sendFrame(': keepalive\n\n');
    for (const fn of keepaliveFns) fn();
  }, KEEPALIVE_MS);
  timer.unref();
  request.raw.on('close', finish);
  raw.on('close', finish);
  raw.on('error', finish);

  const conn: SseConnection = {
    send: (data) => conn.sendFrame(frame(data)),
    sendFrame(text) {
      if (closed) return;
      if (raw.writableLength > MAX_BUFFERED_BYTES) {
        conn.close();
        return;
      }
      raw.write(text);
    },
    onKeepalive: (fn) => keepaliveFns.push(fn),
    get closed() {
      return closed;
    },
    registerId: request.identity?.registerId ?? null,
    onClose: (fn) => closeFns.push(fn),
    close() {
      if (closed) return;
      raw.end();
      finish();
    },
  };
  // A comment first, so clients (and proxies) see the stream open at once.
  raw.write(': open\n\n');
  return conn;
}
