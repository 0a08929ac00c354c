/**
 * Pins that a checkpoint with a transaction id that is only partly digits is refused cleanly (a failed
 * parse, never an exception), with both reasons, so a corrupt checkpoint sent by a register gets a 400.
 */
import { describe, expect, it } from 'vitest';
import { checkpointSchema } from './protocol';

describe('checkpointSchema xid', () => {
  it('refuses digits with junk before or after them without throwing', () => {
    for (const xid of ['abc1', '1abc', '12 34']) {
      const parsed = checkpointSchema.safeParse({ xid, seq: 0 });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toEqual([
        'a decimal transaction id',
        'a transaction id fits in 64 bits',
      ]);
    }
  });
});
