/**
 * The keys (sale ids) the cash drawer was kicked for, kept on disk so that a sale asked to open the drawer
 * twice — a retried request, a restarted service — opens it once. Only the most recent keys are kept: a
 * retry comes within moments, not after hundreds of sales.
 */
import { z } from 'zod';
import { jsonFile } from './json-file';

/** How many keys are remembered. */
export const rememberedKickKeys = 500;

const kickKeysSchema = z.object({ keys: z.array(z.string().min(1).max(64)).max(rememberedKickKeys) });

/** Remembers kick keys. */
export interface KickKeys {
  /** Whether `key` kicked the drawer before. */
  has(key: string): Promise<boolean>;
  /** Records `key` (dropping the oldest beyond the limit), durably. */
  add(key: string): Promise<void>;
}

/** The keys of `dataDir` (`drawer-kicks.json`). */
export function createKickKeys(dataDir: string, log: (message: string) => void): KickKeys {
  const file = jsonFile(dataDir, 'drawer-kicks.json', kickKeysSchema, (path, aside) =>
    log(`${path} was unreadable; moved to ${aside}`),
  );
  let cache: string[] | null = null;
  const keys = async (): Promise<string[]> => (cache ??= (await file.read())?.keys ?? []);
  return {
    has: async (key) => (await keys()).includes(key),
    async add(key) {
      const next = [...(await keys()).filter((k) => k !== key), key].slice(-rememberedKickKeys);
      await file.write({ keys: next });
      cache = next;
    },
  };
}
