/**
 * Derives RxDB JSON schemas from the zod schemas, so a document's shape is written once.
 * zod's JSON Schema output is draft 2020-12; RxDB wants its own top-level keys (`version`, `primaryKey`)
 * and indexed fields with bounds, which this adds. Validation proper stays with zod.
 */
import { z } from 'zod';

/** The subset of RxDB's schema type this module produces (kept local: src/shared imports no RxDB). */
export interface RxJsonSchemaLike {
  title: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  indexes?: (string | string[])[];
  additionalProperties?: boolean;
}

/** Options for one collection's schema. */
export interface RxSchemaOptions {
  title: string;
  /** Schema version: bump with a migration strategy when the shape changes. */
  version: number;
  /** A required string field with a `maxLength`. */
  primaryKey: string;
  /** Indexed fields (each must be required; strings need maxLength, numbers bounds). */
  indexes?: (string | string[])[];
}

/**
 * Converts a zod object schema into an RxDB JSON schema. Throws when the primary key or an index points at
 * a field that is optional or unbounded, because RxDB would refuse it at runtime on the register.
 */
export function toRxJsonSchema(schema: z.ZodObject, options: RxSchemaOptions): RxJsonSchemaLike {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const required = json.required ?? [];
  const fields = [options.primaryKey, ...(options.indexes ?? []).flat()];
  for (const field of fields) {
    const prop = json.properties[field];
    if (!prop) throw new Error(`${options.title}: no field "${field}" to index`);
    if (!required.includes(field))
      throw new Error(`${options.title}: indexed field "${field}" must be required`);
    if (prop.type === 'string' && typeof prop.maxLength !== 'number') {
      throw new Error(`${options.title}: indexed string "${field}" needs a maxLength`);
    }
    if (prop.type === 'integer' || prop.type === 'number') {
      prop.multipleOf ??= 1;
      if (typeof prop.minimum !== 'number' || typeof prop.maximum !== 'number') {
        throw new Error(`${options.title}: indexed number "${field}" needs bounds`);
      }
    }
    // Patterns on indexed strings make RxDB's index key computation no stricter; drop the heavy ones.
    delete prop.format;
  }
  return {
    title: options.title,
    version: options.version,
    primaryKey: options.primaryKey,
    type: 'object',
    properties: json.properties,
    required,
    ...(options.indexes ? { indexes: options.indexes } : {}),
  };
}
