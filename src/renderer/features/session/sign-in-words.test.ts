import { describe, expect, it } from 'vitest';
import { durationWords, signInErrorWords } from './sign-in-words';

const now = new Date('2026-12-01T09:00:00.000Z');
const at = (minutes: number, seconds = 0) => new Date(now.getTime() + minutes * 60_000 + seconds * 1000);

describe('signInErrorWords', () => {
  it('says how many tries are left after a wrong PIN', () => {
    expect(signInErrorWords({ code: 'pin_wrong', message: '', details: { attemptsLeft: 3 } }, now)).toBe(
      'Wrong PIN. 3 tries left.',
    );
    expect(signInErrorWords({ code: 'pin_wrong', message: '', details: { attemptsLeft: 1 } }, now)).toBe(
      'Wrong PIN. 1 try left.',
    );
    expect(signInErrorWords({ code: 'pin_wrong', message: '' }, now)).toBe('Wrong PIN.');
  });

  it('says how long a lock lasts, rounded up to whole minutes', () => {
    const locked = (until: Date) =>
      signInErrorWords({ code: 'locked', message: '', details: { until: until.toISOString() } }, now);
    expect(locked(at(5))).toBe('Locked for 5 minutes after too many wrong PINs. Ask a manager.');
    expect(locked(at(4, 1))).toBe('Locked for 5 minutes after too many wrong PINs. Ask a manager.');
    expect(locked(at(0, 5))).toContain('Locked for 1 minute ');
    expect(locked(at(60))).toContain('Locked for 1 hour ');
  });

  it('says what to do when the register has no staff key', () => {
    expect(signInErrorWords({ code: 'staff_key_missing', message: '' }, now)).toContain('enroll it again');
  });
});

describe('durationWords', () => {
  it('never says zero', () => {
    expect(durationWords(at(-1), now)).toBe('1 minute');
    expect(durationWords(at(120), now)).toBe('2 hours');
    expect(durationWords(at(90), now)).toBe('90 minutes');
  });
});
