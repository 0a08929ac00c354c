/**
 * Scanner timing for this register: the defaults of the scan detector suit real scanners on real machines;
 * a slow machine (or a test driving the keyboard under load) may need more tolerant gaps. A technician sets
 * them in the page's storage under `till.scanner` as JSON, e.g. `{"maxGapMs":60,"timeoutMs":150}`; a value
 * that does not validate is ignored (defaults apply).
 */
import { z } from 'zod';

const tuningSchema = z.strictObject({
  maxGapMs: z.int().min(5).max(200).optional(),
  timeoutMs: z.int().min(10).max(500).optional(),
});

/** Detector timing overrides. */
export type ScannerTuning = z.infer<typeof tuningSchema>;

/** The storage key of the tuning. */
export const SCANNER_TUNING_KEY = 'till.scanner';

/** Reads the tuning; `{}` when none is set or it does not validate. */
export function readScannerTuning(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): ScannerTuning {
  try {
    const raw = storage?.getItem(SCANNER_TUNING_KEY);
    if (!raw) return {};
    const parsed = tuningSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return {};
    // The silence that ends a burst must outlast the longest gap inside one.
    const { maxGapMs, timeoutMs } = parsed.data;
    if (maxGapMs !== undefined && (timeoutMs ?? 50) <= maxGapMs) return { maxGapMs, timeoutMs: maxGapMs * 2 };
    return parsed.data;
  } catch {
    return {};
  }
}
