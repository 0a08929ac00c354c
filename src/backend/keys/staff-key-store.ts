/**
 * Where the register keeps its stores' staff keys (docs/security.md): one interface, two
 * implementations over the same file (`key-file.ts`). Under Electron each key is sealed by the OS through
 * `safeStorage` (Keychain, DPAPI, or a Linux keyring), so a copy of the disk alone does not yield it; in
 * browser mode, or where the OS offers no keyring, the key sits in a file readable by this account only.
 */
import { staffKeySchema } from '@till/shared/schemas/staff';
import { type KeyEntry, type KeyFile, keyFile } from './key-file';

/** How the keys a store writes now are protected. */
export type KeyProtection = 'safe-storage' | 'file';

/** The staff keys of the stores this register has enrolled with, by hub and store. */
export interface StaffKeyStore {
  /** `safe-storage`: sealed by the OS; `file`: a file of mode 0600 only. */
  readonly protection: KeyProtection;
  /** The key file's full path. */
  readonly path: string;
  /** The store's staff key; null when none is held, or the one held cannot be unsealed here. */
  get(hubUrl: string, storeId: string): Promise<string | null>;
  /** Keeps the store's staff key, replacing the one held before. Throws for a key that is not 32 bytes. */
  put(hubUrl: string, storeId: string, staffKey: string): Promise<void>;
}

/**
 * What seals keys with the OS: Electron main passes `safeStorage` itself (the methods are Electron's). The
 * backend never imports Electron, so this is all it knows of it.
 */
export interface KeyEncryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means no keyring, keys sealed with a password built into Electron. */
  getSelectedStorageBackend?(): string;
}

/** How one implementation turns a key into an entry and back (null: cannot be read here). */
interface Sealer {
  protection: KeyProtection;
  seal(staffKey: string): Pick<KeyEntry, 'protection' | 'key'>;
  unseal(entry: KeyEntry): string | null;
}

/** Browser mode (or no keyring): keys in the 0600 file as they are. */
export function fileStaffKeyStore(
  dataDir: string,
  log: (line: string) => void = console.warn,
): StaffKeyStore {
  return staffKeyStore(keyFile(dataDir, log), log, {
    protection: 'file',
    seal: (staffKey) => ({ protection: 'none', key: staffKey }),
    unseal: (entry) => (entry.protection === 'none' ? entry.key : null),
  });
}

/**
 * Electron with an OS keyring: each key sealed by `safeStorage`. A key stored plain earlier (while no
 * keyring was available) is still read, and sealed the next time it is saved.
 */
export function safeStorageStaffKeyStore(
  dataDir: string,
  encryptor: KeyEncryptor,
  log: (line: string) => void = console.warn,
): StaffKeyStore {
  return staffKeyStore(keyFile(dataDir, log), log, {
    protection: 'safe-storage',
    seal: (staffKey) => ({
      protection: 'safe-storage',
      key: encryptor.encryptString(staffKey).toString('base64'),
    }),
    unseal: (entry) => {
      if (entry.protection === 'none') return entry.key;
      try {
        return encryptor.decryptString(Buffer.from(entry.key, 'base64'));
      } catch {
        // Sealed for another OS account, or the keyring was reset: as good as no key.
        return null;
      }
    },
  });
}

function staffKeyStore(file: KeyFile, log: (line: string) => void, sealer: Sealer): StaffKeyStore {
  // Read-modify-write of one file: one change at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const same = (entry: KeyEntry, hubUrl: string, storeId: string) =>
    entry.hubUrl === hubUrl && entry.storeId === storeId;

  return {
    protection: sealer.protection,
    path: file.path,
    get: (hubUrl, storeId) =>
      serially(async () => {
        const entry = (await file.read()).find((e) => same(e, hubUrl, storeId));
        if (!entry) return null;
        const key = sealer.unseal(entry);
        if (key !== null && staffKeySchema.safeParse(key).success) return key;
        log(`[keys] the staff key of ${storeId} at ${hubUrl} cannot be read here; enroll again.`);
        return null;
      }),
    put: (hubUrl, storeId, staffKey) =>
      serially(async () => {
        if (!staffKeySchema.safeParse(staffKey).success) throw new Error('not a 32-byte staff key');
        const others = (await file.read()).filter((e) => !same(e, hubUrl, storeId));
        const entry = { hubUrl, storeId, ...sealer.seal(staffKey), savedAt: new Date().toISOString() };
        await file.write([...others, entry]);
      }),
  };
}
