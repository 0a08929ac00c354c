/**
 * The register's HTTP client for the hub's sync API (docs/architecture.md, "Sync protocol"). Paths, request
 * bodies and answers are those of `src/shared/sync/protocol.ts`: every answer is checked with the protocol's
 * schemas, so a hub that drifts from the contract is a coded `bad_response`, never a half-read document.
 * `fetch` is passed in so the same code runs in Chromium and under Node. The token is read through a getter
 * each call and never logged.
 */
import { z } from 'zod';
import {
  type Checkpoint,
  type CollectionName,
  type DocumentProblem,
  type EnrollRequest,
  type EnrollResponse,
  type PullPage,
  type PushRow,
  type WireDocument,
  enrollResponseSchema,
  errorBodySchema,
  pullPageSchema,
  pushResponseSchema,
  syncPaths,
} from '@till/shared/sync/protocol';

/** An error talking to the hub: `status` 0 means the network failed (the hub is unreachable). */
export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The documents a 400 or 403 names, each with the rule it breaks. */
    readonly documents: DocumentProblem[] = [],
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

// The protocol leaves /health's body loose (it is for people and load balancers); these two fields are all
// the register reads.
const healthSchema = z.object({ ok: z.boolean(), db: z.string() });

/** `GET /health`'s answer: whether the hub is up, and which database it runs on. */
export type HubHealth = z.infer<typeof healthSchema>;

type RequestInitWithAuth = RequestInit & { auth?: boolean };

/** A JSON object (not null, not an array): what the protocol's `wireDocumentSchema` accepts. */
const isWireDocument = (value: unknown): value is WireDocument =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// The protocol's pull page, with each document checked in place: `wireDocumentSchema` (a record) builds a
// copy of every document, which in a 100,000-product initial sync cost more than parsing the JSON. What is
// accepted is the same; each document's fields are the collection schema's business, as before.
const pullPageInPlace = pullPageSchema.extend({
  documents: z.array(z.custom<WireDocument>(isWireDocument)),
});

/** Creates a client for one hub. */
export function createHubClient(options: HubClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');

  /** Sends one request and checks a 2xx answer against `schema`; reports the outcome either way. */
  async function request<S extends z.ZodType>(
    what: string,
    path: string,
    schema: S,
    init: RequestInitWithAuth = {},
  ): Promise<z.output<S>> {
    try {
      const body = await send(path, init);
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw badResponse(what);
      options.onExchange?.({ ok: true });
      return parsed.data;
    } catch (error) {
      if (error instanceof HubError) options.onExchange?.({ ok: false, error });
      throw error;
    }
  }

  async function send(path: string, init: RequestInitWithAuth): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.auth !== false) {
      const token = options.token();
      if (!token) throw new HubError(401, 'not_enrolled', 'this register is not enrolled with a hub');
      headers.authorization = `Bearer ${token}`;
    }
    // The time limit covers the whole exchange, the answer's body included: a hub that sends its headers and
    // then stalls must not hold replication up any more than one that never answers.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
    let response: Response;
    let text: string;
    try {
      try {
        response = await options.fetch(`${base}${path}`, { ...init, headers, signal: controller.signal });
      } catch (cause) {
        if (controller.signal.aborted) throw timedOut();
        throw new HubError(0, 'unreachable', `the hub cannot be reached (${String(cause)})`);
      }
      try {
        text = await response.text();
      } catch (cause) {
        if (controller.signal.aborted) throw timedOut();
        // The connection dropped mid-answer: for the caller that is the same as no answer.
        throw new HubError(0, 'unreachable', `the hub's answer was cut off (${String(cause)})`);
      }
    } finally {
      clearTimeout(timer);
    }
    const body = parseJson(text);
    if (!response.ok) {
      // An error body outside the contract (a proxy's HTML page, say) still tells its status.
      const parsed = errorBodySchema.safeParse(body);
      const error = parsed.success ? parsed.data.error : null;
      throw new HubError(
        response.status,
        error?.code ?? `http_${response.status}`,
        error?.message ?? `the hub answered ${response.status}`,
        error?.documents ?? [],
      );
    }
    return body;
  }

  return {
    /** `GET /health`. */
    health: (): Promise<HubHealth> => request('health', syncPaths.health, healthSchema, { auth: false }),
    /**
     * Exchanges an enrollment code for a store-scoped token and the store's staff key. A register that
     * enrolls again passes its current token as `replacesToken`, which the hub then revokes.
     */
    enroll: (code: string, name: string, replacesToken?: string): Promise<EnrollResponse> => {
      const body: EnrollRequest = { code, name, ...(replacesToken && { replacesToken }) };
      return request('enrollment', syncPaths.enroll, enrollResponseSchema, {
        method: 'POST',
        auth: false,
        body: JSON.stringify(body),
      });
    },
    /** One page of changes after `checkpoint` (none: from the start). */
    pull: (
      collection: CollectionName,
      checkpoint: Checkpoint | null | undefined,
      limit: number,
    ): Promise<PullPage> => {
      const cp = checkpoint ? encodeURIComponent(JSON.stringify(checkpoint)) : '';
      return request(
        'pull',
        `${syncPaths.pull(collection)}?checkpoint=${cp}&limit=${limit}`,
        pullPageInPlace,
      );
    },
    /** Pushes rows; returns the hub's master state of each conflicting document. */
    push: (collection: CollectionName, rows: readonly PushRow[]): Promise<WireDocument[]> =>
      request('push', syncPaths.push(collection), pushResponseSchema, {
        method: 'POST',
        body: JSON.stringify(rows),
      }),
    /** The event stream URL (the caller's EventSource factory adds the token). */
    streamUrl: () => `${base}${syncPaths.stream}`,
  };
}

/** The error of an exchange the hub did not finish within the client's time limit. */
function timedOut(): HubError {
  return new HubError(0, 'timeout', 'the hub did not answer in time');
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
