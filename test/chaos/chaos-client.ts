/**
 * Protocol-level registers for the chaos tests: they speak the sync protocol over HTTP (no replica) and
 * re-send a batch until the hub answers 200, as the register's replication does, recording every attempt
 * so a test can say what the hub answered, when, and how long it took.
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import { makeSale } from '../support/sales';

/** What one HTTP request came to. */
export interface Attempt {
  kind: 'push' | 'pull';
  registerId: string;
  /** `performance.now()` when the request was sent and when its answer (or error) arrived. */
  start: number;
  end: number;
  /** HTTP status, or 0 when there was no answer. */
  status: number;
  /** The `Retry-After` header, if the hub sent one. */
  retryAfter: string | null;
  /** The error code of the answer's body (`db_unavailable`, …), if any. */
  code: string | null;
  /** Why there was no answer: `connection` (refused, reset) or `timeout` (the client gave up waiting). */
  failure: 'connection' | 'timeout' | null;
}

/** Every attempt of every register of a test, in order of completion. */
export class AttemptLog {
  readonly attempts: Attempt[] = [];
  /** Requests sent and not yet answered. */
  inFlight = 0;

  /** Attempts that started at or after `from` and ended before `to`. */
  within(from: number, to: number): Attempt[] {
    return this.attempts.filter((a) => a.start >= from && a.end <= to);
  }

  /** The longest attempt of `attempts`, in ms. */
  static slowest(attempts: readonly Attempt[]): number {
    return attempts.reduce((max, a) => Math.max(max, a.end - a.start), 0);
  }

  /** Attempts grouped as `push 500 internal, no Retry-After ×12`: a short failure message. */
  static describe(attempts: readonly Attempt[]): string[] {
    const counts = new Map<string, number>();
    for (const a of attempts) {
      const what =
        a.failure ?? `${a.status} ${a.code ?? ''}${a.retryAfter === null ? ', no Retry-After' : ''}`;
      const key = `${a.kind} ${what}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([key, n]) => `${key} ×${n}`);
  }

  /** `{ '200': 12, '503': 40, connection: 3 }`: how the attempts ended. */
  static outcomes(attempts: readonly Attempt[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const a of attempts) {
      const key = a.failure ?? String(a.status);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }
}

/** Options of a chaos register. */
export interface RegisterOptions {
  /** A request unanswered this long is abandoned and recorded as a `timeout` (default 10 s). */
  requestTimeoutMs?: number;
  /** The longest pause between two re-sends, whatever `Retry-After` says (default 500 ms). */
  maxBackoffMs?: number;
}

/** A register speaking the sync protocol over HTTP. */
export class ChaosRegister {
  private counter = 0;
  private checkpoint = '';

  private constructor(
    private readonly base: () => string,
    readonly token: string,
    readonly registerId: string,
    readonly storeId: string,
    private readonly log: AttemptLog,
    private readonly options: Required<RegisterOptions>,
  ) {}

  /** Enrolls with a demo code; `base` is read on every request (a restarted hub keeps its address). */
  static async enroll(
    base: () => string,
    code: string,
    log: AttemptLog,
    options: RegisterOptions = {},
  ): Promise<ChaosRegister> {
    const res = await fetch(`${base()}/api/v1/registers/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'chaos' }),
    });
    if (res.status !== 201) throw new Error(`enroll ${code}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { token: string; registerId: string; storeId: string };
    return new ChaosRegister(base, body.token, body.registerId, body.storeId, log, {
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      maxBackoffMs: options.maxBackoffMs ?? 500,
    });
  }

  /** Authorization and JSON headers. */
  headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  /** `count` valid sales of one to three distinct SKUs of `skus` (quantities 1–2). */
  sales(count: number, skus: readonly string[]): SaleDocument[] {
    return Array.from({ length: count }, () => {
      const n = this.counter++;
      const lineCount = 1 + (n % 3);
      const lines = Array.from({ length: lineCount }, (_, k) => ({
        sku: skus[(n * 7 + k * 13) % skus.length]!,
        qty: 1 + ((n + k) % 2),
      }));
      const distinct = lines.filter((l, i) => lines.findIndex((o) => o.sku === l.sku) === i);
      return makeSale(
        this.storeId,
        distinct,
        {
          registerId: this.registerId,
          number: `C-${this.registerId.slice(-6)}-${n}`,
          clerkId: 'staff-chaos',
        },
        { unitPrice: 1000, taxPerUnit: 89 },
      );
    });
  }

  /** One push of `sales`; resolves with what it came to (never throws). */
  pushOnce(sales: readonly SaleDocument[]): Promise<Attempt> {
    const body = JSON.stringify(sales.map((s) => ({ assumedMasterState: null, newDocumentState: s })));
    return this.request('push', '/api/v1/sync/sales/push', { method: 'POST', headers: this.headers(), body });
  }

  /** One pull of this store's stock levels from the last checkpoint (never throws). */
  pullOnce(): Promise<Attempt> {
    const query = `limit=100&checkpoint=${encodeURIComponent(this.checkpoint)}`;
    return this.request('pull', `/api/v1/sync/stock/pull?${query}`, { headers: this.headers() }, (body) => {
      this.checkpoint = JSON.stringify((body as { checkpoint: unknown }).checkpoint);
    });
  }

  /**
   * Pushes `sales` until the hub answers 200 with no conflicts, re-sending the same batch after a
   * connection error or a 5xx (waiting as `Retry-After` asks, at most `maxBackoffMs`). Any other answer
   * is a failed test. Gives up when `deadline` (a `performance.now()` time) passes.
   */
  async pushUntilAccepted(sales: readonly SaleDocument[], deadline: number): Promise<Attempt[]> {
    const tries: Attempt[] = [];
    for (;;) {
      const attempt = await this.pushOnce(sales);
      tries.push(attempt);
      if (attempt.status === 200) return tries;
      if (attempt.status !== 0 && attempt.status < 500) {
        throw new Error(`push refused: ${attempt.status} ${attempt.code ?? ''}`);
      }
      if (performance.now() > deadline) {
        throw new Error(`push not accepted before the deadline (last: ${attempt.failure ?? attempt.status})`);
      }
      await sleep(this.backoff(attempt));
    }
  }

  private backoff(attempt: Attempt): number {
    const asked = Number(attempt.retryAfter);
    const ms = Number.isFinite(asked) && asked > 0 ? asked * 1000 : 100;
    return Math.min(ms, this.options.maxBackoffMs);
  }

  private async request(
    kind: Attempt['kind'],
    path: string,
    init: RequestInit,
    onOk?: (body: unknown) => void,
  ): Promise<Attempt> {
    const start = performance.now();
    const attempt: Attempt = {
      kind,
      registerId: this.registerId,
      start,
      end: start,
      status: 0,
      retryAfter: null,
      code: null,
      failure: null,
    };
    this.log.inFlight += 1;
    let text = '';
    try {
      const res = await fetch(`${this.base()}${path}`, {
        ...init,
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      text = await res.text();
      attempt.status = res.status;
      attempt.retryAfter = res.headers.get('retry-after');
    } catch (err) {
      attempt.failure = (err as Error).name === 'TimeoutError' ? 'timeout' : 'connection';
    } finally {
      this.log.inFlight -= 1;
      attempt.end = performance.now();
      this.log.attempts.push(attempt);
    }
    const body = parseJson(text);
    attempt.code = (body as { error?: { code?: string } } | null)?.error?.code ?? null;
    // Fresh sales never conflict: a 200 with documents in it is a hub bug, not a fault to retry.
    if (attempt.status === 200 && kind === 'push' && text !== '[]') {
      throw new Error(`push answered conflicts: ${text.slice(0, 300)}`);
    }
    if (attempt.status === 200) onOk?.(body);
    return attempt;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Sleeps. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Prints a test's figures as one block, so `npm run test:chaos` shows them together. */
export function printFigures(title: string, figures: Record<string, unknown>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(
    ([k, v]) => `  ${k.padEnd(width)}  ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
  );
  console.log(`\n[chaos] ${title}\n${lines.join('\n')}\n`);
}
