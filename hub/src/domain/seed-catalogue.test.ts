/**
 * The demo catalogue reads like a shop's: every item in sizes that suit it, a bigger size dearer but
 * never dearer per unit, equal sizes (colours, clothing) at one price, shelf prices ending in 9, and the
 * same SKUs and barcodes on every run.
 */
import { describe, expect, it } from 'vitest';
import { isValidEan13 } from '@till/shared/schemas/product';
import { demoCatalogue } from './seed-catalogue';

const catalogue = demoCatalogue(3000);

describe('the demo catalogue', () => {
  it('makes as many products as asked, with stable SKUs and valid, unique barcodes', () => {
    expect(catalogue).toHaveLength(3000);
    expect(demoCatalogue(40)).toEqual(catalogue.slice(0, 40));
    expect(catalogue[0]).toMatchObject({ sku: 'SKU-00001', barcode: '2000000000015' });
    expect(catalogue.every((p, i) => p.sku === `SKU-${String(i + 1).padStart(5, '0')}`)).toBe(true);
    expect(catalogue.every((p) => isValidEan13(p.barcode))).toBe(true);
    expect(new Set(catalogue.map((p) => p.barcode)).size).toBe(3000);
    expect(new Set(catalogue.map((p) => p.name)).size).toBe(3000);
  });

  it('prices no variant above a bigger one, nor a bigger one higher per unit', () => {
    const families = new Map<string, typeof catalogue>();
    for (const p of catalogue) families.set(p.family, [...(families.get(p.family) ?? []), p]);
    let compared = 0;
    for (const variants of families.values()) {
      for (const a of variants) {
        for (const b of variants) {
          if (a.units < b.units) {
            expect(a.price, `${a.name} vs ${b.name}`).toBeLessThan(b.price);
            expect(b.price / b.units, `${b.name} per unit`).toBeLessThanOrEqual(a.price / a.units);
            compared++;
          } else if (a.units === b.units) expect(a.price, `${a.name} vs ${b.name}`).toBe(b.price);
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('names sizes that suit the item and prices like a shop', () => {
    const named = (text: string) => catalogue.filter((p) => p.name.includes(text));
    expect(named('Batteries').every((p) => / \d+ Pack$/.test(p.name))).toBe(true);
    expect(named('Whole Milk').every((p) => / \d L$/.test(p.name))).toBe(true);
    expect(named('Cable').every((p) => / \d m$/.test(p.name))).toBe(true);
    expect(named('T-Shirt').every((p) => / (S|M|L|XL)$/.test(p.name))).toBe(true);
    expect(catalogue.every((p) => p.price % 10 === 9 && p.price > 0 && p.price < 20_000)).toBe(true);
  });
});
