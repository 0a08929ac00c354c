import { describe, expect, it } from 'vitest';
import { parseSaleLookup } from './lookup-code';

describe('parseSaleLookup', () => {
  it('reads a typed or scanned receipt number, whatever its case and spaces', () => {
    expect(parseSaleLookup(' s1-r2-000001 ')).toEqual({ by: 'number', number: 'S1-R2-000001' });
  });

  it('reads the receipt’s QR code and a bare sale id', () => {
    const id = '0190a5c4-8b2e-7c3d-9e4f-0123456789ab';
    expect(parseSaleLookup(`till:sale:${id}`)).toEqual({ by: 'id', id });
    expect(parseSaleLookup(id.toUpperCase())).toEqual({ by: 'id', id });
  });

  it('finds nothing to look for in blank text or a QR code without a sale id', () => {
    expect(parseSaleLookup('   ')).toBeNull();
    expect(parseSaleLookup('till:sale:nope')).toBeNull();
  });
});
