/**
 * Who may open the register host's WebSocket: a request to our path, carrying this launch's token, from our
 * own page's origin, addressed to our own loopback host name. Everything else is refused before the upgrade,
 * so another local program, another tab's page or a DNS-rebinding site never reaches a handler.
 */
import { timingSafeEqual } from 'node:crypto';
import { wsPath, wsTokenParam } from '@till/shared/ipc/ws-protocol';

/** The facts of an upgrade request. */
export interface UpgradeRequest {
  /** The request target, e.g. `/till?token=…`. */
  url: string | undefined;
  /** The `Origin` header (browsers always send one on WebSocket upgrades). */
  origin: string | undefined;
  /** The `Host` header. */
  host: string | undefined;
}

/** What this host accepts. */
export interface GatePolicy {
  token: string;
  /** Exact origins of our own page, e.g. `http://127.0.0.1:5173`. */
  origins: ReadonlySet<string>;
  /** Exact `Host` header values we answer to, e.g. `127.0.0.1:5173`. */
  hosts: ReadonlySet<string>;
}

/** The gate's verdict; a refusal carries the HTTP status to answer with. */
export type GateVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

/** Decides on one upgrade request. */
export function checkUpgrade(request: UpgradeRequest, policy: GatePolicy): GateVerdict {
  if (!request.host || !policy.hosts.has(request.host)) {
    return { ok: false, status: 403, reason: 'unexpected Host' };
  }
  let url: URL;
  try {
    url = new URL(request.url ?? '', 'http://placeholder');
  } catch {
    return { ok: false, status: 400, reason: 'bad request target' };
  }
  if (url.pathname !== wsPath) return { ok: false, status: 404, reason: 'no such endpoint' };
  if (!request.origin || !policy.origins.has(request.origin)) {
    return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  if (!tokensMatch(url.searchParams.get(wsTokenParam), policy.token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  return { ok: true };
}

/** The origins and Host values a host on this loopback port answers to. */
export function loopbackPolicy(port: number, token: string): GatePolicy {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return { token, hosts: new Set(hosts), origins: new Set(hosts.map((host) => `http://${host}`)) };
}

// Constant-time, so the token cannot be guessed a character at a time from response timings.
function tokensMatch(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
