/**
 * The sync protocol between a register and the hub, in one file: which collections replicate and in which
 * direction, the pull page and its checkpoint, push rows and their answer, the event stream's frames, the
 * 400 that names refused documents, the error codes, and enrollment. The hub validates what it receives
 * with these schemas and the register checks what it receives with the same ones, so the two ends cannot
 * drift apart. (The hub's HTTP API is described in docs/architecture.md.)
 */
import { z } from 'zod';
import { identText, text } from '../schemas/common';

// ---------------------------------------------------------------------------------------------------------
// Collections

/** How a collection replicates: pulled from the hub, pushed to it, or both. */
export type Direction = 'pull' | 'push' | 'both';

/**
 * Every replicated collection and its direction. `shifts` is push-only: a shift belongs to the register
 * that opened it, and a conflict (a shift the hub already holds as closed) comes back in the push answer,
 * so no register needs to pull shifts.
 */
export const syncCollections = {
  products: 'pull',
  stock: 'pull',
  sales: 'both',
  orders: 'both',
  customers: 'both',
  staff: 'pull',
  shifts: 'push',
  audit: 'push',
  settings: 'pull',
} as const satisfies Record<string, Direction>;

/** A replicated collection's name. */
export type CollectionName = keyof typeof syncCollections;

/** Every collection name, in a stable order. */
export const collectionNames = Object.keys(syncCollections) as CollectionName[];

/** A `:collection` path parameter. */
export const collectionNameSchema = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);

/** Whether `name` is a replicated collection (not something inherited from Object). */
export function isCollectionName(name: unknown): name is CollectionName {
  return typeof name === 'string' && Object.hasOwn(syncCollections, name);
}

/** Whether registers pull `name` from the hub. */
export const isPulled = (name: CollectionName): boolean => syncCollections[name] !== 'push';

/** Whether registers push `name` to the hub. */
export const isPushed = (name: CollectionName): boolean => syncCollections[name] !== 'pull';

// ---------------------------------------------------------------------------------------------------------
// Documents on the wire

/** A replicated document as JSON: its fields are checked by the collection's own schema. */
export const wireDocumentSchema = z.record(z.string(), z.unknown());

/** A replicated document. */
export type WireDocument = z.infer<typeof wireDocumentSchema>;

// ---------------------------------------------------------------------------------------------------------
// Pull

const MAX_XID8 = 18_446_744_073_709_551_615n;

/**
 * Where a puller has got to: the last row's PostgreSQL transaction id (`xid8`, as a decimal string so
 * it survives JSON) and its sequence number. Opaque to registers; pages are ordered by `(xid, seq)`.
 */
export const checkpointSchema = z.strictObject({
  xid: z
    .string()
    .regex(/^\d{1,20}$/, 'a decimal transaction id')
    .refine((x) => /^\d{1,20}$/.test(x) && BigInt(x) <= MAX_XID8, 'a transaction id fits in 64 bits'),
  seq: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** A pull checkpoint. */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** The checkpoint before any row. */
export const START_CHECKPOINT: Checkpoint = { xid: '0', seq: 0 };

/** `GET /api/v1/sync/:collection/pull?checkpoint=&limit=`: the checkpoint is URL-encoded JSON or empty. */
export const pullQuerySchema = z.object({
  checkpoint: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The most documents one pull page may ask for. */
export const MAX_PULL_LIMIT = 1000;

/** A pull answer: documents after the checkpoint, and the checkpoint to continue from. */
export const pullPageSchema = z.object({
  documents: z.array(wireDocumentSchema),
  checkpoint: checkpointSchema,
});

/** A pull answer. */
export type PullPage = z.infer<typeof pullPageSchema>;

// ---------------------------------------------------------------------------------------------------------
// Push

/** One push row: what the register believed the hub had (null for a new document), and what it wants now. */
export const pushRowSchema = z.object({
  assumedMasterState: wireDocumentSchema.nullable().optional(),
  newDocumentState: wireDocumentSchema,
});

/** A push row. */
export type PushRow = z.infer<typeof pushRowSchema>;

/** The most rows one push may carry (the body limit usually bites first). */
export const MAX_PUSH_ROWS = 10_000;

/** `POST /api/v1/sync/:collection/push`: an array of rows, applied in one transaction. */
export const pushRequestSchema = z.array(pushRowSchema).max(MAX_PUSH_ROWS);

/** The push answer: the hub's master state of every conflicting document (`[]` when none). */
export const pushResponseSchema = z.array(wireDocumentSchema);

// ---------------------------------------------------------------------------------------------------------
// Event stream (`GET /api/v1/sync/stream`, Server-Sent Events)

/** Sent on every (re)connect: pull every collection from its checkpoint. Sent as the bare word. */
export const RESYNC = 'RESYNC';

/** A frame of changed documents of one collection and the checkpoint after them. */
export const streamChangeSchema = z.object({
  collection: collectionNameSchema,
  documents: z.array(wireDocumentSchema),
  checkpoint: checkpointSchema,
});

/** A stream frame's data. */
export type StreamEvent = typeof RESYNC | z.infer<typeof streamChangeSchema>;

/** Parses one SSE `data` field; null when it is neither RESYNC nor a well-formed change frame. */
export function parseStreamEvent(data: string): StreamEvent | null {
  if (data === RESYNC) return RESYNC;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  if (json === RESYNC) return RESYNC;
  const parsed = streamChangeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------------------
// Errors

/** The codes the sync endpoints answer with (4xx unless noted). */
export const syncErrorCodes = [
  /** 400: some pushed documents break their contract; `documents` names each (nothing was applied). */
  'invalid_documents',
  /** 400: the pull checkpoint is not `{"xid":"<digits>","seq":<int>}`. */
  'invalid_checkpoint',
  /** 400: the request's envelope (query, path, body) is malformed. */
  'invalid_request',
  /** 400: the body is not JSON. */
  'malformed_json',
  /** 401: no token, or an unknown or revoked one (a revoked register must be enrolled again). */
  'unauthorized',
  /** 403: the documents belong to a store (or a register) other than the caller's. */
  'forbidden_store',
  /** 409: a pushed document reuses an id the hub holds with other content; `documents` names each. */
  'id_conflict',
  /** 403: the enrollment code is unknown, used or expired. */
  'invalid_code',
  /** 404: no such collection. */
  'unknown_collection',
  /** 405: the collection is push-only (pull) or written only by the hub (push). */
  'not_pullable',
  'not_pushable',
  /** 408: the request was not received within the hub's request timeout (the connection is closed). */
  'request_timeout',
  /** 413: the body is over the hub's limit; the register halves its batch. */
  'body_too_large',
  /** 414: a path parameter is too long. */
  'uri_too_long',
  /** 415: the body is not `application/json` in UTF-8. */
  'unsupported_media_type',
  /** 429: too many refused enrollment attempts; `Retry-After` (and `retryAfter`) say when to try again. */
  'rate_limited',
  /** 500: the hub failed; retried later, nothing to fix on the register. */
  'internal',
  /** 503: the hub's database does not answer; retried after `Retry-After`, nothing to fix. */
  'db_unavailable',
] as const;

/** A sync error code. */
export type SyncErrorCode = (typeof syncErrorCodes)[number];

/** A rule one document breaks, as named in a 400, 403 or 409. `id` is null when the document has no usable id. */
export const documentProblemSchema = z.object({
  id: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

/** A rule one document breaks. */
export type DocumentProblem = z.infer<typeof documentProblemSchema>;

/** Every error body: `{"error":{"code","message",…}}`; `documents` when specific documents are at fault. */
export const errorBodySchema = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    documents: z.array(documentProblemSchema).optional(),
  }),
});

/** An error body. */
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---------------------------------------------------------------------------------------------------------
// Enrollment

/** A register's bearer token as the hub hands it out. */
const tokenSchema = z.string().min(16).max(200);

/**
 * `POST /api/v1/registers/enroll`: a one-time code (the demo's are reusable) and the register's name.
 * A register that enrolls again sends its current token as `replacesToken`: if it is a live token of the
 * same store, the hub revokes it in the same transaction, so a register never holds two working tokens.
 */
export const enrollRequestSchema = z.object({
  code: identText().min(1).max(64),
  name: text().min(1).max(120),
  replacesToken: tokenSchema.optional(),
});

/** An enrollment request. */
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

/**
 * `201`: the register's identity, its bearer token (shown once; the hub keeps only its hash) and the
 * store's staff key — 32 random bytes in base64url, the pepper of the store's staff PIN verifiers (the
 * shape of `staffKeySchema` in schemas/staff.ts), which a register keeps outside its replica.
 */
export const enrollResponseSchema = z.object({
  registerId: z.string().min(1).max(64),
  storeId: z.string().min(1).max(64),
  token: tokenSchema,
  staffKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte key in base64url'),
});

/** An enrollment answer. */
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

// ---------------------------------------------------------------------------------------------------------
// Paths

/** The sync API's paths, relative to the hub's base URL. */
export const syncPaths = {
  health: '/health',
  enroll: '/api/v1/registers/enroll',
  pull: (collection: CollectionName) => `/api/v1/sync/${collection}/pull`,
  push: (collection: CollectionName) => `/api/v1/sync/${collection}/push`,
  stream: '/api/v1/sync/stream',
} as const;
