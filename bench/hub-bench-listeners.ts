/**
 * Child process of the hub benchmark: opens the storefront stock listeners away from the process that
 * drives the registers, so a busy load generator does not add its own delay to the measured latency.
 * Sends `[storeId|sku|onHand, arrival time]` pairs (absolute ms) of the measured listeners in batches.
 */
import { openListeners } from './hub-bench-lib';

const [base = '', count = '100', measured = '3'] = process.argv.slice(2);
const parentPort = { postMessage: (msg: unknown) => process.send?.(msg) };
let batch: [string, number][] = [];
const now = () => performance.timeOrigin + performance.now();

const close = await openListeners(base, Number(count), Number(measured), (e) => {
  batch.push([`${e.storeId}|${e.sku}|${e.onHand}`, now()]);
});
const timer = setInterval(() => {
  if (batch.length === 0) return;
  parentPort.postMessage({ type: 'events', events: batch });
  batch = [];
}, 50);
parentPort.postMessage({ type: 'ready' });
process.on('message', (msg: { type: string }) => {
  if (msg.type !== 'stop') return;
  clearInterval(timer);
  parentPort.postMessage({ type: 'events', events: batch });
  close();
  parentPort.postMessage({ type: 'stopped' });
  process.disconnect?.();
});
