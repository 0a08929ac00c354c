/**
 * Pins that the hub address refuses credentials only where they would be credentials: in the part
 * before the path. An `@` in the path, even after another `scheme://`, is an ordinary path character.
 */
import { describe, expect, it } from 'vitest';
import { hubUrlSchema } from './register';

describe('hubUrlSchema credentials', () => {
  it('accepts an @ in the path, even after a scheme-like segment', () => {
    expect(hubUrlSchema.safeParse('http://hub.local/proxy/http://a@b').success).toBe(true);
    expect(hubUrlSchema.safeParse('https://hub.local/a@b').success).toBe(true);
  });

  it('refuses user and password before the host', () => {
    expect(hubUrlSchema.safeParse('http://a@hub.local/').success).toBe(false);
  });
});
