/**
 * A slow-body client: one register opens a push and trickles its body a byte at a time. Meanwhile other
 * registers push and pull normally and must be served; the slow one must be cut off by the hub's request
 * timeout (a short one, set through the hub's environment) instead of holding its connection for good,
 * and its half-sent sale must not be stored.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { AttemptLog, ChaosRegister, printFigures, sleep } from './chaos-client';
import { type ChaosStage, startChaosStage } from './chaos-hub';
import { checkLedger, openForChecks, readLevels } from './ledger-checks';

/** The hub's time limit for receiving a whole request, in ms (short, for the test). */
const REQUEST_TIMEOUT_MS = 3_000;
const HUB_ENV = { HUB_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) };
/**
 * Liveness bound for the cut: Node checks request timeouts periodically (the hub sets the interval to a
 * fraction of the timeout), and a busy machine adds its own delay.
 */
const CUT_WITHIN_MS = REQUEST_TIMEOUT_MS + 10_000;
/** The slow client sends one byte this often: far slower than any real register, never idle. */
const TRICKLE_MS = 200;
const SKUS = Array.from({ length: 60 }, (_, i) => `SKU-${String(i + 1).padStart(5, '0')}`);

/** What happened to the slow client. */
interface SlowOutcome {
  /** ms from the request's first byte to the hub closing the connection (null: we gave up first). */
  cutAfterMs: number | null;
  bytesSent: number;
  bodyBytes: number;
  /** The status line the hub answered with, if it answered at all. */
  answer: string | null;
}

/** Sends a push whose body trickles in one byte every `TRICKLE_MS`; resolves when the hub ends it. */
function trickledPush(base: string, token: string, body: string, giveUpMs: number): Promise<SlowOutcome> {
  const { hostname, port } = new URL(base);
  const bytes = Buffer.from(body);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const started = performance.now();
    let sent = 0;
    let received = '';
    let trickle: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => finish(null), giveUpMs);
    const finish = (cutAfterMs: number | null) => {
      clearInterval(trickle);
      clearTimeout(giveUp);
      socket.destroy();
      const answer = received.split('\r\n')[0] || null;
      resolve({ cutAfterMs, bytesSent: sent, bodyBytes: bytes.length, answer });
    };
    socket.on('connect', () => {
      socket.write(
        [
          'POST /api/v1/sync/sales/push HTTP/1.1',
          `Host: ${hostname}:${port}`,
          `Authorization: Bearer ${token}`,
          'Content-Type: application/json',
          `Content-Length: ${bytes.length}`,
          '',
          '',
        ].join('\r\n'),
      );
      trickle = setInterval(() => {
        if (sent < bytes.length && socket.writable) socket.write(bytes.subarray(sent, ++sent));
      }, TRICKLE_MS);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
    });
    // A write after the hub hung up fails with EPIPE/ECONNRESET: that is the cut we wait for.
    socket.on('error', () => undefined);
    socket.on('close', () => finish(performance.now() - started));
  });
}

describe.runIf(process.env.TILL_CHAOS === '1')('chaos: a slow-body client while others are served', () => {
  let stage: ChaosStage | undefined;

  beforeAll(async () => {
    stage = await startChaosStage(HUB_ENV);
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('cuts the slow push off at the request timeout while serving everyone else', async (ctx) => {
    const s = stage!;
    ctx.onTestFailed(async () => console.error(await s.diagnostics()));
    const log = new AttemptLog();
    const slowRegister = await ChaosRegister.enroll(() => s.base, 'DEMO-S1-R1', log);
    const others = await Promise.all(
      ['DEMO-S1-R2', 'DEMO-S2-R1', 'DEMO-S2-R1'].map((code) => ChaosRegister.enroll(() => s.base, code, log)),
    );
    const checks = await openForChecks(s.databaseUrl);
    const before = await readLevels(checks);
    await checks.close();

    const [slowSale] = slowRegister.sales(1, SKUS);
    const slowBody = JSON.stringify([{ assumedMasterState: null, newDocumentState: slowSale }]);
    const deadline = performance.now() + 90_000;
    const sent: SaleDocument[] = [];
    let slowOpen = true;
    const slowStarted = performance.now();
    const slow = trickledPush(s.base, slowRegister.token, slowBody, CUT_WITHIN_MS + 5_000).finally(() => {
      slowOpen = false;
    });
    const serving = others.map(async (register) => {
      while (slowOpen) {
        const batch = register.sales(5, SKUS);
        sent.push(...batch);
        await register.pushUntilAccepted(batch, deadline);
        await register.pullOnce();
        await sleep(50);
      }
    });
    const outcome = await slow;
    const slowEnded = performance.now();
    const settled = await Promise.allSettled(serving);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;

    const verdict = await checkLedger(s.databaseUrl, sent, before);
    const meanwhile = log.within(slowStarted, slowEnded);
    printFigures('a slow-body push while three registers are served', {
      'request timeout (ms)': REQUEST_TIMEOUT_MS,
      'slow push cut after (ms)': outcome.cutAfterMs === null ? 'not cut' : Math.round(outcome.cutAfterMs),
      'slow push body sent': `${outcome.bytesSent} of ${outcome.bodyBytes} bytes`,
      'slow push answer': outcome.answer ?? 'none (connection closed)',
      'requests served meanwhile': AttemptLog.outcomes(meanwhile),
      'slowest of them (ms)': Math.round(AttemptLog.slowest(meanwhile)),
      'sales sent by the others': verdict.sent,
      'sales stored': verdict.stored,
      'sales lost': verdict.lost.length,
      'slow sale stored': verdict.unexpected.includes(slowSale!.id),
    });

    // The hub, not the client, ended the slow push: a 408 or a closed connection, soon after the timeout.
    expect(outcome.cutAfterMs).not.toBeNull();
    expect(outcome.cutAfterMs!).toBeLessThan(CUT_WITHIN_MS);
    expect(outcome.bytesSent).toBeLessThan(outcome.bodyBytes);
    expect(outcome.answer === null || outcome.answer.includes(' 408 ')).toBe(true);
    // Everyone else was served meanwhile, every time.
    expect(meanwhile.filter((a) => a.kind === 'push').length).toBeGreaterThan(10);
    expect(meanwhile.filter((a) => a.kind === 'pull').length).toBeGreaterThan(10);
    expect(AttemptLog.describe(log.attempts.filter((a) => a.status !== 200))).toEqual([]);
    expect(s.hub.alive()).toBe(true);
    // The half-sent sale changed nothing; the others' sales all landed once.
    expect(verdict.unexpected).toEqual([]);
    expect(verdict.lost).toEqual([]);
    expect(verdict.doubled).toEqual([]);
    expect(verdict.ledgerMismatches).toEqual([]);
    expect(verdict.levelMismatches).toEqual([]);
  });
});
