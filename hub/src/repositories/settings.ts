/** Store settings documents (currency, tax rates, receipt texts) and the list of stores. */
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { Queryable } from '../db/port';

/** Reads store settings. */
export class SettingsRepository {
  constructor(private readonly db: Queryable) {}

  /** A store's settings document, or null when there is no such store. */
  async forStore(storeId: string, tx: Queryable = this.db): Promise<StoreSettings | null> {
    const rows = await tx.query<{ doc: StoreSettings }>(
      'SELECT doc FROM store_settings WHERE store_id = $1',
      [storeId],
    );
    return rows[0]?.doc ?? null;
  }

  /** The first store by id (ship orders are priced with its settings), or null when there is none. */
  async firstStoreId(tx: Queryable = this.db): Promise<string | null> {
    const rows = await tx.query<{ id: string }>('SELECT id FROM stores ORDER BY id LIMIT 1');
    return rows[0]?.id ?? null;
  }
}
