/**
 * The `register` area of the IPC contract: the register's enrollment with a hub. The process host keeps the
 * enrollment (a file in its data folder), so what belongs to the store and not to the page can stay outside
 * the renderer's replica; the renderer asks for it to start replicating (docs/architecture.md, "Processes"
 * and "Sync protocol").
 */
import { z } from 'zod';

/** How many former register ids an enrollment remembers (the oldest are dropped first). */
export const MAX_FORMER_REGISTER_IDS = 20;

/** What a register remembers about its enrollment: which hub, who it is there, and its bearer token. */
export const storedEnrollmentSchema = z.object({
  /** The hub's base URL, e.g. `http://localhost:4000` (no trailing slash). */
  hubUrl: z.string().min(1).max(2048),
  registerId: z.string().min(1).max(64),
  storeId: z.string().min(1).max(64),
  /** The register's bearer token for the sync API. Never logged. */
  token: z.string().min(16).max(200),
  /** The register's name as given at enrollment. */
  name: z.string().min(1).max(120),
  /** When it enrolled (ISO 8601). */
  enrolledAt: z.string(),
  /**
   * The ids this register had before re-enrolling with the same hub and store, oldest first: it keeps its
   * replica, whose unsent sales may still name one of them, and they count as waiting until the hub has them.
   */
  formerRegisterIds: z.array(z.string().min(1).max(64)).max(MAX_FORMER_REGISTER_IDS).optional(),
});

/** A stored enrollment. */
export type StoredEnrollment = z.infer<typeof storedEnrollmentSchema>;

const hubUrlMessage = 'the hub address is an http:// or https:// URL, e.g. http://hub.local:4000';

/** A hub base URL: http or https, no credentials, query or fragment. */
export const hubUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, error: hubUrlMessage }))
  .refine((url) => !/[?#]/.test(url) && !/^[a-z]+:\/\/[^/]*@/i.test(url), hubUrlMessage);

/** `register:enroll`: enroll (or re-enroll) with a code from a hub. */
export const registerEnrollRequestSchema = z.strictObject({
  hubUrl: hubUrlSchema,
  /** The enrollment code; its format is checked by the handler (`code_invalid`), so a typo gets words. */
  code: z.string().max(200),
  /** The register's name on the hub. */
  name: z.string().trim().min(1).max(120),
  /** Sales in the current replica that have not reached the hub: moving to another store or hub waits. */
  pendingSales: z.int().min(0),
});

/** Request channels of the `register` area. */
export const registerChannels = {
  /**
   * The stored enrollment, or null. When none is stored and the process was started with a demo enrollment,
   * it enrolls with that first (`hub_unreachable` while the demo hub is not up yet: ask again later).
   */
  'register:enrollment': { request: z.undefined(), response: storedEnrollmentSchema.nullable() },
  /**
   * Enrolls with a code and stores the enrollment. Errors: `code_invalid`, `code_refused`, `hub_unreachable`,
   * `sales_pending` (moving to another store or hub is refused while sales wait).
   */
  'register:enroll': { request: registerEnrollRequestSchema, response: storedEnrollmentSchema },
} as const;

/** Events of the `register` area. */
export const registerEvents = {
  /** `register:enroll` stored a new enrollment: replicate with it (a new hub origin needs a page reload). */
  'register:enrollment-changed': storedEnrollmentSchema,
} as const;
