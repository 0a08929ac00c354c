/**
 * A second register of store-1 in its own process (another till, as in a store; its RxDB database also
 * needs a process of its own): enrolls with `DEMO-S1-R2`, catches up, then reports every sale that lands
 * in its replica with the moment it landed (epoch milliseconds). Run by `peer-bench.ts`, never on its own.
 */
import { PUSH_BATCH, enroll, hubReplica } from './replicas';
import { epochNow } from './watchers';

const hubUrl = process.argv[2] ?? '';
const replica = await hubReplica(hubUrl, await enroll(hubUrl, 'DEMO-S1-R2'), PUSH_BATCH);
replica.start();
await replica.awaitInitial();
replica.db.sales.insert$.subscribe((e) => process.send?.({ id: e.documentId, at: epochNow() }));
process.on('message', () => {
  void replica.close().finally(() => process.exit(0));
});
process.send?.({ ready: true });
