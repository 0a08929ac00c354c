/**
 * Indexed number fields in derived RxDB schemas: RxDB needs both bounds and a `multipleOf`, and a number
 * field is not asked for a string's `maxLength`.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toRxJsonSchema } from './rx-schema';

const derive = (n: z.ZodType) =>
  toRxJsonSchema(z.object({ id: z.string().max(36), n }), {
    title: 't',
    version: 0,
    primaryKey: 'id',
    indexes: ['n'],
  });

describe('indexed numbers in RxDB schemas', () => {
  it('accepts a bounded integer and a bounded number, defaulting multipleOf to 1', () => {
    expect(derive(z.int().min(0).max(10)).properties.n).toEqual(expect.objectContaining({ multipleOf: 1 }));
    expect(derive(z.number().min(0).max(10)).properties.n).toEqual(
      expect.objectContaining({ type: 'number', minimum: 0, maximum: 10, multipleOf: 1 }),
    );
  });

  it('refuses an indexed number missing either bound', () => {
    const why = 't: indexed number "n" needs bounds';
    expect(() => derive(z.number())).toThrow(why);
    expect(() => derive(z.number().min(0))).toThrow(why);
    expect(() => derive(z.number().max(10))).toThrow(why);
  });
});
