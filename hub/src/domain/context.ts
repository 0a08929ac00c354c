/** What every domain operation works with: the database (for transactions) and the repositories. */
import type { Db } from '../db/port';
import type { Repositories } from '../repositories/repositories';

/** The database and its repositories. The hub (hub.ts) is one; tests may build a smaller one. */
export interface DomainContext {
  db: Db;
  repos: Repositories;
}
