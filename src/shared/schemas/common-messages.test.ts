/**
 * The building blocks' refusals: the message and `text_invalid` code a bad string gets, the range message of
 * a bounded integer, the description of a money field, and the exact length limits of an identifier.
 */
import { describe, expect, it } from 'vitest';
import { boundedInt, ident, identText, minor, text } from './common';

const firstIssue = (r: { success: boolean; error?: { issues: unknown[] } }) => r.error?.issues[0];

describe('schema building blocks', () => {
  it('refuses NUL in free text with a coded, readable message', () => {
    expect(firstIssue(text().safeParse('a\u0000b'))).toEqual(
      expect.objectContaining({
        message: 'must not contain NUL or an unpaired UTF-16 surrogate',
        params: { code: 'text_invalid' },
      }),
    );
  });

  it('refuses a control character in an identifier with its own message', () => {
    expect(firstIssue(identText().safeParse('a\tb'))).toEqual(
      expect.objectContaining({
        message: 'must not contain control characters or an unpaired UTF-16 surrogate',
        params: { code: 'text_invalid' },
      }),
    );
  });

  it('states the bound an out-of-range integer broke', () => {
    expect(firstIssue(boundedInt(100).safeParse(101))).toEqual(
      expect.objectContaining({ message: 'must be within ±100', params: { code: 'out_of_range' } }),
    );
  });

  it('describes a money field as minor units (the description reaches the JSON schema)', () => {
    expect(minor().description).toBe('integer amount in minor units');
  });

  it('accepts identifiers of 1 to 64 characters and no others', () => {
    expect(ident().safeParse('').success).toBe(false);
    expect(ident().safeParse('a').success).toBe(true);
    expect(ident().safeParse('ab').success).toBe(true);
    expect(ident().safeParse('x'.repeat(64)).success).toBe(true);
    expect(ident().safeParse('x'.repeat(65)).success).toBe(false);
  });
});
