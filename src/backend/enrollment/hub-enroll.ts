/**
 * `POST /api/v1/registers/enroll` from the process host, with the sync protocol's schemas: the request is
 * an `EnrollRequest`, a 201 must be an `EnrollResponse`, and an error body is read as the protocol's
 * `{"error":{code,message}}`. Plain `fetch`: the backend does not import the renderer's sync code.
 */
import {
  type EnrollResponse,
  enrollRequestSchema,
  enrollResponseSchema,
  errorBodySchema,
  syncPaths,
} from '@till/shared/sync/protocol';

/** How a hub answered an enrollment. */
export type HubEnrollOutcome =
  | { ok: true; value: EnrollResponse }
  | {
      ok: false;
      /** `refused`: the hub does not take the code; `unreachable`: no answer, or one outside the protocol. */
      reason: 'refused' | 'unreachable';
      message: string;
    };

/** What an enrollment call needs. */
export interface HubEnrollRequest {
  /** The hub's base URL, without a trailing slash. */
  hubUrl: string;
  code: string;
  name: string;
  /** The register's current token with this hub, when it enrolls again: the hub revokes it. */
  replacesToken?: string;
  fetch?: typeof globalThis.fetch;
  /** How long to wait for the hub; a hub that hangs must not hang the page's request. Default 10 s. */
  timeoutMs?: number;
}

/** Asks the hub for a register token (and the store's staff key). Never throws. */
export async function enrollWithHub(request: HubEnrollRequest): Promise<HubEnrollOutcome> {
  const doFetch = request.fetch ?? globalThis.fetch;
  const body = enrollRequestSchema.parse({
    code: request.code,
    name: request.name,
    ...(request.replacesToken && { replacesToken: request.replacesToken }),
  });
  let response: Response;
  let text: string;
  try {
    response = await doFetch(`${request.hubUrl}${syncPaths.enroll}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return unreachable(
      request.hubUrl,
      timedOut ? 'it did not answer in time' : 'nothing answers at that address',
    );
  }
  const json = parseJson(text);
  if (response.ok) {
    const parsed = enrollResponseSchema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : unreachable(request.hubUrl, 'its answer is not a Till hub’s enrollment');
  }
  const error = errorBodySchema.safeParse(json);
  if (response.status === 403) {
    return {
      ok: false,
      reason: 'refused',
      message: 'The hub does not accept this code (unknown, or already used).',
    };
  }
  const detail = error.success ? `${error.data.error.code}: ${error.data.error.message}` : 'no details';
  return unreachable(request.hubUrl, `it answered ${response.status} (${detail})`);
}

function unreachable(hubUrl: string, why: string): HubEnrollOutcome {
  return {
    ok: false,
    reason: 'unreachable',
    message: `The hub at ${hubUrl} cannot be used right now: ${why}. Check its address and the network.`,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
