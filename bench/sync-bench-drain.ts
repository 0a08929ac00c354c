/**
 * The drain of `npm run bench:sync`: 10,000 sales rung while the hub is unreachable (through the fault
 * proxy), then the time from reconnecting until the hub has acknowledged all of them (then checked on the
 * hub), with the register's own CPU time. First the hub alone takes another register's 10,000 sales over HTTP, 500 a request: the floor
 * under the drain, and it warms the hub's push path (JIT, PGlite caches).
 */
import { makeSale } from '../test/support/sales';
import { startFaultProxy } from '../test/support/fault-proxy';
import { startTestRegister, startTestRegisterOverHttp } from '../test/support/register';
import { saleLines } from './sync-bench-catalogue';

const QUEUED_SALES = 10_000;
/** One drain by a newly enrolled register (each enrollment is a register of its own on the hub). */
export async function measureDrain(hubUrl: string, hubSales: (registerId: string) => Promise<number>) {
  const other = await startTestRegisterOverHttp(hubUrl, 'DEMO-S1-R1');
  const pushStart = performance.now();
  for (let i = 0; i < QUEUED_SALES; i += 500)
    await other.push(Array.from({ length: 500 }, (_, j) => makeSale('store-1', saleLines(i + j))));
  const pushOnlyMs = performance.now() - pushStart;
  const proxy = await startFaultProxy(hubUrl);
  const till = await startTestRegister({ hubUrl: proxy.url, code: 'DEMO-S1-R2' });
  await till.replication.awaitInitial();
  proxy.set({ down: true });
  proxy.cutStreams();
  const ringStart = performance.now();
  for (let i = 0; i < QUEUED_SALES; i++) await till.sell(saleLines(i));
  const ringMs = performance.now() - ringStart;
  if ((await hubSales(till.enrolled.registerId)) !== 0)
    throw new Error('a sale reached the hub while it was down');
  // Timed by the hub's acknowledgements as the register receives them (each one follows the hub's commit):
  // polling the hub's sales table instead would compete with the drain for the hub's one database thread.
  let acknowledged = 0;
  let firstMs: number | undefined;
  let allAcknowledged!: () => void;
  const done = new Promise<void>((resolve) => (allAcknowledged = resolve));
  const reconnect = performance.now();
  const cpu = process.cpuUsage();
  const watching = till.replication.states.sales.sent$.subscribe(() => {
    firstMs ??= performance.now() - reconnect;
    if (++acknowledged === QUEUED_SALES) allAcknowledged();
  });
  proxy.set({ down: false });
  till.replication.reSync();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the drain: ${acknowledged} acknowledged after 300 s`)),
      300_000,
    );
  });
  await Promise.race([done, timeout]).finally(() => clearTimeout(timer));
  const drainMs = performance.now() - reconnect;
  const used = process.cpuUsage(cpu);
  watching.unsubscribe();
  const onHub = await hubSales(till.enrolled.registerId);
  if (onHub !== QUEUED_SALES) throw new Error(`the hub holds ${onHub} of the ${QUEUED_SALES} sales`);
  await till.close();
  await proxy.close();
  return {
    drainMs,
    firstMs: firstMs ?? drainMs,
    ringMs,
    pushOnlyMs,
    registerCpuMs: (used.user + used.system) / 1000,
  };
}
