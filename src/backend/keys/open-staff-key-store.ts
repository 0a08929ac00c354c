/**
 * Picks the key store for this process: sealed by the OS when Electron main passes `safeStorage` and the
 * OS can seal, the plain 0600 file otherwise — saying so, since that file is then as readable as the
 * rest of the disk to whoever logs in as this account or takes the disk (docs/security.md).
 */
import type { IpcEventPayload } from '@till/shared/ipc/contract';
import {
  type KeyEncryptor,
  type StaffKeyStore,
  fileStaffKeyStore,
  safeStorageStaffKeyStore,
} from './staff-key-store';

/** What choosing a key store needs. */
export interface OpenStaffKeyStoreOptions {
  dataDir: string;
  /** Electron's `safeStorage` (main passes it after the app is ready); absent in browser mode. */
  encryptor?: KeyEncryptor;
  /** Told each time a key is saved without the OS's protection although Electron was asked for it. */
  onNotice?: (notice: IpcEventPayload<'app:notice'>) => void;
  log?: (line: string) => void;
}

/** The notice for a key kept in the plain file because the OS offers no keyring. */
export const UNPROTECTED_KEY_NOTICE: IpcEventPayload<'app:notice'> = {
  level: 'warning',
  code: 'staff_key_unprotected',
  message:
    'This computer has no keyring for Till, so the store’s staff key is kept in a file only this account can read. Anyone with this disk can then try staff PINs offline.',
};

/** The key store for one process's data folder. */
export function openStaffKeyStore(options: OpenStaffKeyStoreOptions): StaffKeyStore {
  const log = options.log ?? console.warn;
  const { encryptor } = options;
  if (!encryptor) return fileStaffKeyStore(options.dataDir, log);
  const why = whyNotSealing(encryptor);
  if (why === null) return safeStorageStaffKeyStore(options.dataDir, encryptor, log);
  log(`[keys] ${why}: staff keys are kept in a file of mode 0600 instead.`);
  const store = fileStaffKeyStore(options.dataDir, log);
  return {
    ...store,
    async put(hubUrl, storeId, staffKey) {
      await store.put(hubUrl, storeId, staffKey);
      options.onNotice?.(UNPROTECTED_KEY_NOTICE);
    },
  };
}

/** Null when the encryptor really seals; otherwise why not. */
function whyNotSealing(encryptor: KeyEncryptor): string | null {
  if (!encryptor.isEncryptionAvailable()) return 'safeStorage cannot encrypt on this system';
  let backend: string | undefined;
  try {
    backend = encryptor.getSelectedStorageBackend?.();
  } catch {
    // Not Linux: the method says nothing there.
  }
  return backend === 'basic_text' ? 'safeStorage has no keyring here (basic_text)' : null;
}
