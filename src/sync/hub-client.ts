/**
 * The register's HTTP client for the hub's sync API (DESIGN.md §3). `fetch` is passed in so the same code
 * runs in Chromium and under Node. The token is read through a getter each call and never logged.
 */
import type { CollectionName } from '@till/shared/sync/protocol';

/** A document the hub refused, as named in its 400 (DESIGN.md §2). */
export interface RejectedDocument {
  id: string;
  code: string;
  message: string;
}

/** An error talking to the hub: `status` 0 means the network failed (the hub is unreachable). */
export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly documents: RejectedDocument[] = [],
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** What the client needs. */
export interface HubClientOptions {
  baseUrl: string;
  /** Returns the register token; called on every request so re-enrollment takes effect at once. */
  token: () => string | null;
  fetch: typeof globalThis.fetch;
  /** Per-request timeout; a hung request must not stall replication forever. */
  timeoutMs?: number;
  /** Told of every exchange's outcome, for the sync status (last success, offline detection). */
  onExchange?: (outcome: { ok: true } | { ok: false; error: HubError }) => void;
}

/** A page of pulled documents and the checkpoint to continue from (opaque to the register). */
export interface PullPage<T> {
  documents: T[];
  checkpoint: unknown;
}

/** One push row: what the register believes the hub has, and the new state. */
export interface PushRow<T> {
  assumedMasterState: T | null;
  newDocumentState: T;
}

/** Result of enrolling a register with a code. */
export interface Enrollment {
  registerId: string;
  storeId: string;
  token: string;
}

/** Creates a client for one hub. */
export function createHubClient(options: HubClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request<T>(path: string, init: RequestInit & { auth?: boolean } = {}): Promise<T> {
    try {
      const value = await send<T>(path, init);
      options.onExchange?.({ ok: true });
      return value;
    } catch (error) {
      if (error instanceof HubError) options.onExchange?.({ ok: false, error });
      throw error;
    }
  }

  async function send<T>(path: string, init: RequestInit & { auth?: boolean }): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.auth !== false) {
      const token = options.token();
      if (!token) throw new HubError(401, 'not_enrolled', 'this register is not enrolled with a hub');
      headers.authorization = `Bearer ${token}`;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`, { ...init, headers, signal: controller.signal });
    } catch (cause) {
      const timedOut = controller.signal.aborted;
      throw new HubError(
        0,
        timedOut ? 'timeout' : 'unreachable',
        timedOut ? 'the hub did not answer in time' : `the hub cannot be reached (${String(cause)})`,
      );
    } finally {
      clearTimeout(timer);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      // The connection dropped mid-answer: for the caller that is the same as no answer.
      throw new HubError(0, 'unreachable', `the hub's answer was cut off (${String(cause)})`);
    }
    const body = parseJson(text);
    if (!response.ok) {
      const error = (
        body as { error?: { code?: string; message?: string; documents?: RejectedDocument[] } } | null
      )?.error;
      throw new HubError(
        response.status,
        error?.code ?? `http_${response.status}`,
        error?.message ?? `the hub answered ${response.status}`,
        Array.isArray(error?.documents) ? error.documents : [],
      );
    }
    return body as T;
  }

  return {
    /** `GET /health`. */
    health: () => request<{ ok: boolean; db: string }>('/health', { auth: false }),
    /** Exchanges an enrollment code for a store-scoped token. */
    enroll: (code: string, name: string) =>
      request<Enrollment>('/api/v1/registers/enroll', {
        method: 'POST',
        auth: false,
        body: JSON.stringify({ code, name }),
      }),
    /** One page of changes after `checkpoint`. */
    pull: async <T>(collection: CollectionName, checkpoint: unknown, limit: number): Promise<PullPage<T>> => {
      const cp =
        checkpoint === undefined || checkpoint === null ? '' : encodeURIComponent(JSON.stringify(checkpoint));
      const page = await request<PullPage<T>>(
        `/api/v1/sync/${collection}/pull?checkpoint=${cp}&limit=${limit}`,
      );
      if (!page || !Array.isArray(page.documents)) throw badResponse('pull');
      return page;
    },
    /** Pushes rows; returns the hub's master state of each conflicting document. */
    push: async <T>(collection: CollectionName, rows: PushRow<T>[]): Promise<T[]> => {
      const conflicts = await request<T[]>(`/api/v1/sync/${collection}/push`, {
        method: 'POST',
        body: JSON.stringify(rows),
      });
      if (!Array.isArray(conflicts)) throw badResponse('push');
      return conflicts;
    },
    /** The event stream URL (the caller's EventSource factory adds the token). */
    streamUrl: () => `${base}/api/v1/sync/stream`,
  };
}

/** A hub client. */
export type HubClient = ReturnType<typeof createHubClient>;

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A 2xx answer that is not what the contract says: treated like a hub failure, retried later. */
function badResponse(what: string): HubError {
  return new HubError(502, 'bad_response', `the hub's ${what} answer does not follow the sync contract`);
}
