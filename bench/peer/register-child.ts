/**
 * A second register of store-1 in its own process (another till, as in a store; its RxDB database also
 * needs a process of its own): on the hub (`<hubUrl>`) it enrolls with `DEMO-S1-R2`; on the CouchDB peer
 * (`--couch=<dbUrl>`) it replicates that database. It catches up, then reports every sale that lands in its
 * replica with the moment it landed (epoch milliseconds). Both sides of W2 run one, so each server serves
 * two replicating clients on the same two cores. Run by `peer-bench.ts`, never on its own.
 */
import { PUSH_BATCH, couchReplica, enroll, hubReplica } from './replicas';
import { epochNow } from './watchers';

const target = process.argv[2] ?? '';
const couch = target.startsWith('--couch=') ? target.slice('--couch='.length) : null;
const replica = couch
  ? await couchReplica(couch)
  : await hubReplica(target, await enroll(target, 'DEMO-S1-R2'), PUSH_BATCH);
replica.start();
await replica.awaitInitial();
replica.db.sales.insert$.subscribe((e) => process.send?.({ id: e.documentId, at: epochNow() }));
process.on('message', () => {
  void replica.close().finally(() => process.exit(0));
});
process.send?.({ ready: true });
