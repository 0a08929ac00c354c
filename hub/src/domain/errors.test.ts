/**
 * The domain's refusals: a `DomainError` says what it is in a log line or stack trace (its name, code and
 * message), carries its details, and only the listed codes count as the domain's. How each code becomes an
 * HTTP status is tested through the routes (hub/test/edge-errors.test.ts and the others).
 */
import { describe, expect, it } from 'vitest';
import { DomainError, domainErrorCodes, isDomainErrorCode } from './errors';

describe('DomainError', () => {
  it('names itself, its code and message, with details defaulting to none', () => {
    const error = new DomainError('unknown_order', 'no order W000042');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(String(error)).toBe('DomainError: no order W000042');
    expect(error.stack?.split('\n')[0]).toBe('DomainError: no order W000042');
    expect({ code: error.code, details: error.details }).toEqual({ code: 'unknown_order', details: {} });
    expect(new DomainError('insufficient_stock', 'short', { skus: ['SKU-1'] }).details).toEqual({
      skus: ['SKU-1'],
    });
  });
});

describe('isDomainErrorCode', () => {
  it('knows every listed code and nothing else', () => {
    for (const code of domainErrorCodes) expect(isDomainErrorCode(code)).toBe(true);
    for (const code of ['not_found', 'invalid_request', '', 'DomainError'])
      expect(isDomainErrorCode(code)).toBe(false);
  });
});
