/**
 * A fault-injecting HTTP proxy for replication tests: sits between a register and a real hub and can
 * refuse connections (hub down), drop a response after the hub has committed (a lost acknowledgement),
 * delay requests, and silently cut open event streams. Test-only (excluded from the sync project).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with the next requests. */
export interface FaultMode {
  /** Refuse every request (the socket is destroyed), as if the hub were down. */
  down?: boolean;
  /** Refuse only the requests whose path matches, as if that route alone were unreachable. */
  refusePath?: RegExp;
  /** Forward the request, let the hub answer, then destroy the client socket: the ack is lost. */
  dropResponses?: number;
  /** Extra milliseconds before forwarding each request. */
  delayMs?: number;
  /** Only apply `dropResponses` to requests whose path matches. */
  dropPath?: RegExp;
}

/** Starts a proxy on 127.0.0.1 in front of `target` (e.g. `http://127.0.0.1:4000`). */
export async function startFaultProxy(target: string) {
  const upstream = new URL(target);
  const mode: FaultMode = {};
  const streams = new Set<http.ServerResponse>();
  const stats = { forwarded: 0, dropped: 0, refused: 0 };
  /** Every request that reached the proxy, refused or not, as `METHOD /path?query`. */
  const requests: string[] = [];

  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (mode.down || mode.refusePath?.test(req.url ?? '')) {
      stats.refused += 1;
      req.socket.destroy();
      return;
    }
    const forward = () => {
      const drop =
        (mode.dropResponses ?? 0) > 0 &&
        (!mode.dropPath || mode.dropPath.test(req.url ?? '')) &&
        req.method === 'POST';
      if (drop) mode.dropResponses = (mode.dropResponses ?? 0) - 1;
      const proxied = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (up) => {
          stats.forwarded += 1;
          if (drop) {
            // The hub has answered (and committed); the register never hears it.
            stats.dropped += 1;
            up.resume();
            up.on('end', () => req.socket.destroy());
            return;
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          if ((up.headers['content-type'] ?? '').includes('text/event-stream')) {
            streams.add(res);
            res.on('close', () => streams.delete(res));
          }
          up.pipe(res);
        },
      );
      proxied.on('error', () => req.socket.destroy());
      req.pipe(proxied);
    };
    if (mode.delayMs) setTimeout(forward, mode.delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    mode,
    stats,
    requests,
    /** Sets the fault mode (merged into the current one). */
    set(next: FaultMode) {
      Object.assign(mode, next);
    },
    /** Silently cuts every open event stream (no close frame, like a dead NAT mapping). */
    cutStreams() {
      for (const res of streams) res.socket?.destroy();
      streams.clear();
    },
    async close() {
      this.cutStreams();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
