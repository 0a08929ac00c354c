import { describe, expect, it } from 'vitest';
import { canTransition, orderStatusSchema } from './web-order';

describe('web order state machine', () => {
  it('allows the pickup path and refuses going back', () => {
    expect(canTransition('placed', 'ready')).toBe(true);
    expect(canTransition('ready', 'collected')).toBe(true);
    expect(canTransition('collected', 'returned')).toBe(true);
    expect(canTransition('collected', 'ready')).toBe(false);
    expect(canTransition('cancelled', 'ready')).toBe(false);
    expect(canTransition('placed', 'collected')).toBe(false);
  });

  it('has no status without a row in the transition table', () => {
    for (const status of orderStatusSchema.options) {
      expect(() => canTransition(status, 'cancelled')).not.toThrow();
    }
  });
});
