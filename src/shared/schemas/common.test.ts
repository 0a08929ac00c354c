import { describe, expect, it } from 'vitest';
import { MAX_MINOR, MAX_QTY, ident, isIdentifierText, isStorableText, minor, quantity, text } from './common';

describe('storable text', () => {
  it('refuses NUL and unpaired surrogates in any text, and control characters in identifiers', () => {
    expect(isStorableText('Crème brûlée 🍮\tline\nbreak')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('\ud800')).toBe(false);
    expect(isStorableText('x\udc00')).toBe(false);
    expect(isStorableText('\udc00\ud800')).toBe(false);
    expect(isStorableText('\ud83c\udf6e')).toBe(true);
    expect(isIdentifierText("x'); DROP TABLE sales; --")).toBe(true);
    expect(isIdentifierText('SKU\t1')).toBe(false);
    expect(isIdentifierText('SKU\u007f')).toBe(false);
    expect(isIdentifierText('SKU-\ud800')).toBe(false);
  });

  it('codes a refusal as text_invalid', () => {
    const r = ident().safeParse('store\u0000');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'text_invalid' } });
    expect(text().safeParse('line one\nline two').success).toBe(true);
  });
});

describe('bounded integers', () => {
  it('keeps money and quantities within what the hub stores and sums', () => {
    expect(minor().safeParse(MAX_MINOR).success).toBe(true);
    expect(minor().safeParse(-MAX_MINOR).success).toBe(true);
    expect(minor().safeParse(MAX_MINOR + 1).error?.issues[0]).toMatchObject({
      params: { code: 'out_of_range' },
    });
    expect(quantity().safeParse(MAX_QTY).success).toBe(true);
    expect(quantity().safeParse(-MAX_QTY - 1).success).toBe(false);
    expect(quantity().safeParse(3_000_000_000).success).toBe(false);
    // Every sum over 500 lines stays a safe integer.
    expect(Number.isSafeInteger(500 * MAX_MINOR)).toBe(true);
  });
});
