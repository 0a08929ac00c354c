/**
 * Enrollment codes are typed by hand at a register: four groups of four characters from Crockford's
 * base 32, so none can be misread (no I, L, O or U). Issuing, claiming and expiring them against a real
 * hub is tested in hub/test/enrollment-access.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { newEnrollmentCode } from './enrollment';

describe('newEnrollmentCode', () => {
  it('draws four groups of four unambiguous characters, every one of the 32 in use', () => {
    const codes = Array.from({ length: 400 }, newEnrollmentCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // 6,400 draws from 32 characters: each turns up (a character missing would be ~1e-88 by chance).
    const seen = new Set(codes.join('').replace(/-/g, ''));
    expect(seen.size).toBe(32);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
