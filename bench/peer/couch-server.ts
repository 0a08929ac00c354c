/**
 * The peer: a CouchDB-protocol server (express-pouchdb over in-memory PouchDB 9) on 127.0.0.1, in its own
 * process. Seeds a database with `bulkDocs` (the documents as a client would store them: the primary key
 * in `_id`), counts documents, and reports its CPU time. Run by `peer-bench.ts`, never on its own.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { type ChildRequest, ownCpuSeconds, serveBench } from './child';
import { seedSale } from './docs';

/** What this file uses of a PouchDB database (the packages ship no types). */
interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<{ ok?: boolean; error?: string }[]>;
  info(): Promise<{ doc_count: number }>;
  get(id: string): Promise<object>;
}
type PouchConstructor = { new (name: string): PouchDatabase; plugin(p: unknown): PouchConstructor };
type PouchStatic = PouchConstructor & { defaults(o: object): PouchConstructor };
type ExpressApp = { use(path: string, handler: unknown): void; listen(port: number, host: string): Server };

const require = createRequire(import.meta.url);
const express = require('express') as () => ExpressApp;
const expressPouchDB = require('express-pouchdb') as (pouch: unknown, options: object) => unknown;
const PouchDB = (require('pouchdb-core') as PouchStatic)
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication')) as PouchStatic;
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' }) as PouchStatic;

const app = express();
// The smallest route set PouchDB and RxDB need; configuration kept in memory (no files written).
app.use('/', expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));

/** Databases opened by this process, by name (the same objects the HTTP routes use are looked up by name). */
const opened = new Map<string, PouchDatabase>();
const open = (name: string) => opened.get(name) ?? opened.set(name, new MemoryPouch(name)).get(name)!;

async function handle(request: ChildRequest): Promise<unknown> {
  switch (request.op) {
    case 'cpu':
      return ownCpuSeconds();
    case 'count':
      return (await open(request.scope).info()).doc_count;
    case 'has':
      return open(request.scope)
        .get(request.saleId)
        .then(() => true)
        .catch(() => false);
    case 'seed': {
      const db = open(request.scope);
      for (let from = 0; from < request.count; from += 5_000) {
        const docs = Array.from({ length: Math.min(5_000, request.count - from) }, (_, i) => {
          const { id, ...rest } = seedSale(request.storeId, from + i);
          return { _id: id, ...rest };
        });
        const results = await db.bulkDocs(docs);
        const failed = results.find((r) => r.error);
        if (failed) throw new Error(`bulkDocs: ${failed.error}`);
      }
      return request.count;
    }
    default:
      throw new Error(`unsupported request ${request.op}`);
  }
}

serveBench((server.address() as AddressInfo).port, handle, async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
