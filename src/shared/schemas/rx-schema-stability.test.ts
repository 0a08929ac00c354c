/**
 * The register's RxDB schemas are derived from the zod schemas of this folder, and every register keeps a
 * replica made with them. RxDB refuses to open a collection whose schema changed under the same version,
 * so a change of a derived schema needs its collection's `version` bumped in collections.ts and a
 * migration strategy in src/sync/migrations.ts. This test notices any change; update a fingerprint only
 * together with that bump.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { collectionNames } from '../sync/protocol';
import { collections, rxSchemaOf } from './collections';

/** Fingerprints of each collection's derived schema at its current version. */
const fingerprints: Record<string, { version: number; sha256: string }> = {
  products: { version: 0, sha256: '9038d5d7aaf707cb' },
  stock: { version: 0, sha256: '3181783c5ba5e053' },
  // Version 1: the points tender.
  sales: { version: 1, sha256: '4cbf9817a2c1e99c' },
  // Version 1: picking, picked and expired; pickups, notifications, expiresAt and shipment.
  orders: { version: 1, sha256: '7efe6e058bd1c3a1' },
  customers: { version: 0, sha256: 'efd3926147ad6645' },
  staff: { version: 0, sha256: 'd125f84ee9ab14d1' },
  // Version 1: cash movements and the closing count by denomination (src/sync/migrations.ts).
  shifts: { version: 1, sha256: '33a34442eb3d6c09' },
  // Version 1: the paid_in and paid_out actions; 2: customer_lookup.
  audit: { version: 2, sha256: '5d535f49f8a9e566' },
  // Version 1: the optional idleLockMinutes and cashVarianceApproval; 2: the optional loyalty rules.
  settings: { version: 2, sha256: 'eb8fca9b40ebbf65' },
};

describe('derived RxDB schemas', () => {
  it.each(collectionNames)('%s is unchanged at its version', (name) => {
    const sha256 = createHash('sha256')
      .update(JSON.stringify(rxSchemaOf(name)))
      .digest('hex')
      .slice(0, 16);
    expect({ version: collections[name].version, sha256 }).toEqual(fingerprints[name]);
  });
});
