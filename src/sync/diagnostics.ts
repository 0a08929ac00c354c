/**
 * The diagnostics export a manager sends to support: what the register is, how its sync stands, and every
 * quarantined document with the hub's reason. The enrollment token never leaves the register.
 */
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { redactEnrollment } from './enrollment';
import type { QuarantineEntry } from './quarantine';
import type { SyncStatus } from './status';

/** A diagnostics report (JSON-serialisable). */
export interface Diagnostics {
  generatedAt: string;
  enrollment: ReturnType<typeof redactEnrollment> | null;
  status: SyncStatus;
  quarantine: QuarantineEntry[];
  counts: Record<string, number>;
}

/** Builds the report. `counts` is documents per collection in the replica. */
export function buildDiagnostics(args: {
  enrollment: StoredEnrollment | null;
  status: SyncStatus;
  quarantine: QuarantineEntry[];
  counts: Record<string, number>;
  now?: Date;
}): Diagnostics {
  return {
    generatedAt: (args.now ?? new Date()).toISOString(),
    enrollment: args.enrollment ? redactEnrollment(args.enrollment) : null,
    status: args.status,
    quarantine: args.quarantine,
    counts: args.counts,
  };
}
