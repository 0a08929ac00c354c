import { describe, expect, it } from 'vitest';
import { parseOrderLookup } from './order-lookup';

describe('parseOrderLookup', () => {
  it('reads order numbers, QR codes, e-mails and phones', () => {
    expect(parseOrderLookup(' w000012 ')).toEqual({ by: 'number', value: 'W000012' });
    expect(parseOrderLookup('till:order:W000012')).toEqual({ by: 'qr', value: 'W000012' });
    expect(parseOrderLookup('Ann@Example.com')).toEqual({ by: 'email', value: 'ann@example.com' });
    expect(parseOrderLookup('+1 555 0199')).toEqual({ by: 'phone', value: '+1 555 0199' });
  });

  it('leaves receipt numbers, sale QR codes and junk to the sale look-up', () => {
    expect(parseOrderLookup('S1-R1-000042')).toBeNull();
    expect(parseOrderLookup('till:sale:0190c0de-0000-7000-8000-000000000001')).toBeNull();
    expect(parseOrderLookup('till:order:')).toBeNull();
    expect(parseOrderLookup('12')).toBeNull();
    expect(parseOrderLookup('')).toBeNull();
  });
});
