/**
 * PostgreSQL stopped for 6 s under load, the hub left running: while the database is down every push and
 * pull must be answered at once with 503 `db_unavailable` and `Retry-After` (never hang, never a bare 500);
 * once it is back the same hub process must serve again by itself, and every sale — those acknowledged
 * before the outage and those refused during it and re-sent — must be stored exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { type Attempt, AttemptLog, ChaosRegister, printFigures, sleep } from './chaos-client';
import { type ChaosStage, startChaosStage } from './chaos-hub';
import { checkLedger, openForChecks, readLevels } from './ledger-checks';

const CODES = ['DEMO-S1-R1', 'DEMO-S1-R2', 'DEMO-S2-R1', 'DEMO-S2-R1'];
const OUTAGE_MS = 6_000;
const BATCH = 5;
const SKUS = Array.from({ length: 120 }, (_, i) => `SKU-${String(i + 1).padStart(5, '0')}`);
/** Liveness bound: no request may stay unanswered this long (a hang, not a slow answer). */
const HANG_MS = 5_000;
/** The hub must serve pushes again within this long after PostgreSQL accepts connections. */
const RECOVERY_MS = 20_000;

describe.runIf(process.env.TILL_CHAOS === '1')('chaos: PostgreSQL stopped for 6 s under load', () => {
  let stage: ChaosStage | undefined;

  beforeAll(async () => {
    stage = await startChaosStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('answers 503 at once while down, recovers without a restart, and loses nothing', async (ctx) => {
    const s = stage!;
    ctx.onTestFailed(async () => console.error(await s.diagnostics()));
    const log = new AttemptLog();
    // The client gives up on a request after twice the liveness bound, so a hang is seen, not waited out.
    const options = { requestTimeoutMs: 2 * HANG_MS, maxBackoffMs: 250 };
    const registers = await Promise.all(
      CODES.map((code) => ChaosRegister.enroll(() => s.base, code, log, options)),
    );
    const checks = await openForChecks(s.databaseUrl);
    const before = await readLevels(checks);
    await checks.close();
    const hubPid = s.hub.pid;

    const started = performance.now();
    const deadline = started + 90_000;
    const sent: SaleDocument[] = [];
    const refused = new Set<string>();
    let loading = true;
    const pushing = registers.map(async (register) => {
      while (loading) {
        const batch = register.sales(BATCH, SKUS);
        sent.push(...batch);
        const tries = await register.pushUntilAccepted(batch, deadline);
        if (tries.length > 1) for (const sale of batch) refused.add(sale.id);
      }
    });
    const pulling = registers.map(async (register) => {
      while (loading) {
        await register.pullOnce();
        await sleep(100);
      }
    });

    await sleep(2_000);
    const stopping = performance.now();
    await s.postgres.stop();
    const down = performance.now();
    await sleep(OUTAGE_MS);
    const starting = performance.now();
    await s.postgres.start();
    const up = performance.now();
    let recovered: Attempt | undefined;
    while (!recovered && performance.now() < up + RECOVERY_MS) {
      await sleep(20);
      recovered = log.attempts.find((a) => a.kind === 'push' && a.start >= up && a.status === 200);
    }
    await sleep(1_000);
    loading = false;
    const settled = await Promise.allSettled([...pushing, ...pulling]);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;

    const verdict = await checkLedger(s.databaseUrl, sent, before);
    const whileDown = log.within(down, starting);
    const transition = log.attempts.filter(
      (a) => (a.start < down && a.end > stopping) || (a.start < up && a.end > starting),
    );
    const notServed = (a: Attempt) =>
      !(a.status === 503 && a.retryAfter !== null && a.code === 'db_unavailable');
    printFigures('PostgreSQL stopped for 6 s under load', {
      'outage (s)': ((up - stopping) / 1000).toFixed(1),
      'back to serving after PostgreSQL up (ms)': recovered ? Math.round(recovered.end - up) : 'never',
      'requests answered while down': whileDown.length,
      'their outcomes': AttemptLog.outcomes(whileDown),
      'their Retry-After values': [...new Set(whileDown.map((a) => a.retryAfter))],
      'slowest answer while down (ms)': Math.round(AttemptLog.slowest(whileDown)),
      'outcomes across the stop and start': AttemptLog.outcomes(transition),
      'slowest push of the run (ms)': Math.round(
        AttemptLog.slowest(log.attempts.filter((a) => a.kind === 'push')),
      ),
      'slowest pull of the run (ms)': Math.round(
        AttemptLog.slowest(log.attempts.filter((a) => a.kind === 'pull')),
      ),
      'sales sent': verdict.sent,
      'sales refused at least once and re-sent': refused.size,
      'sales stored': verdict.stored,
      'sales lost': verdict.lost.length,
      'sales doubled (movements ≠ lines)': verdict.doubled.length,
      'levels ≠ ledger': verdict.ledgerMismatches.length,
      'levels ≠ opening − sold': verdict.levelMismatches.length,
      'hub restarted': s.hub.pid !== hubPid || !s.hub.alive(),
    });

    // The same process served throughout: no restart, never unreachable.
    expect(s.hub.pid).toBe(hubPid);
    expect(s.hub.alive()).toBe(true);
    expect(AttemptLog.describe(log.attempts.filter((a) => a.failure !== null))).toEqual([]);
    // While down: pushes and pulls were both tried, and every one was a prompt, coded 503.
    expect(whileDown.some((a) => a.kind === 'push')).toBe(true);
    expect(whileDown.some((a) => a.kind === 'pull')).toBe(true);
    expect(AttemptLog.describe(whileDown.filter(notServed))).toEqual([]);
    // No request of the run hung; and none, even across the stop, ended in anything but 200 or 503.
    expect(AttemptLog.describe(log.attempts.filter((a) => a.end - a.start >= HANG_MS))).toEqual([]);
    expect(AttemptLog.describe(log.attempts.filter((a) => a.status !== 200 && notServed(a)))).toEqual([]);
    // Back by itself, and nothing lost or doubled.
    expect(recovered).toBeDefined();
    expect(refused.size).toBeGreaterThan(0);
    expect(verdict.stored).toBe(sent.length);
    expect(verdict.lost).toEqual([]);
    expect(verdict.unexpected).toEqual([]);
    expect(verdict.doubled).toEqual([]);
    expect(verdict.ledgerMismatches).toEqual([]);
    expect(verdict.levelMismatches).toEqual([]);
  });
});
