/**
 * Where the process host keeps the register's enrollment: `<dataDir>/enrollment.json`, readable by this OS
 * account only (mode 0600). Written atomically (a temp file, flushed, then renamed over the old one), so a
 * crash or power cut leaves the old enrollment or the new one, never half of either.
 */
import { type StoredEnrollment, storedEnrollmentSchema } from '@till/shared/ipc/channels/register';
import { privateJsonFile } from '../files/private-json-file';

/** The enrollment file's name inside the data folder. */
export const ENROLLMENT_FILE = 'enrollment.json';

/** Loads and saves one data folder's enrollment. */
export interface EnrollmentFile {
  /** The file's full path. */
  readonly path: string;
  /** The stored enrollment; null when there is none (or only an unreadable one, which is set aside). */
  load(): Promise<StoredEnrollment | null>;
  /** Replaces the stored enrollment atomically. */
  save(enrollment: StoredEnrollment): Promise<void>;
}

/** The enrollment file of `dataDir`. Nothing touches the disk until `load` or `save` is called. */
export function enrollmentFile(dataDir: string, log: (line: string) => void = console.warn): EnrollmentFile {
  // A damaged file must not stop the register for good: it enrolls again, and the old file stays for
  // whoever wants to know what happened.
  const file = privateJsonFile(dataDir, ENROLLMENT_FILE, storedEnrollmentSchema, (name, aside) =>
    log(`[enrollment] ${name} was unreadable; moved it to ${aside}. The register must enroll again.`),
  );
  return { path: file.path, load: () => file.read(), save: (enrollment) => file.write(enrollment) };
}
