import { describe, expect, it } from 'vitest';
import {
  connectionWord,
  downloadWords,
  lastExchangeWords,
  quarantineWords,
  waitingSentence,
  waitingWords,
} from './indicator-words';

describe('sync indicator words', () => {
  it('names the connection', () => {
    expect(connectionWord('online')).toBe('Online');
    expect(connectionWord('offline')).toBe('Offline');
    expect(connectionWord('reconnecting')).toBe('Reconnecting');
  });

  it('counts waiting sales with the oldest one’s time of day', () => {
    expect(waitingWords({ count: 0, oldest: null })).toBe('No sales waiting');
    const oldest = new Date(2026, 11, 1, 10, 42, 13).toISOString();
    expect(waitingWords({ count: 1, oldest }, 'en-GB')).toBe('1 sale waiting (oldest 10:42)');
    expect(waitingWords({ count: 3, oldest }, 'en-GB')).toBe('3 sales waiting (oldest 10:42)');
    expect(waitingSentence({ count: 2, oldest }, 'en-GB')).toContain(
      '2 sales are waiting to reach the hub, the oldest from 10:42',
    );
  });

  it('says when the last exchange was, or that there was none', () => {
    expect(lastExchangeWords(null)).toBe('No exchange yet');
    expect(lastExchangeWords(new Date(2026, 0, 5, 9, 3).toISOString(), 'en-GB')).toBe('Last exchange 9:03');
  });

  it('tells the clerk the register is usable while the catalogue downloads', () => {
    const received = { products: 80 } as Record<string, number>;
    expect(downloadWords({ received, caughtUp: [], done: false } as never)).toBe(
      'Downloading from the hub: 80 products so far. The register is usable as soon as products are in.',
    );
    expect(downloadWords({ received: { products: 1 }, caughtUp: [], done: true } as never)).toBe(
      'First download complete: 1 product received.',
    );
  });

  it('counts refused documents', () => {
    expect(quarantineWords(0)).toContain('refused nothing');
    expect(quarantineWords(2)).toMatch(/^2 documents were refused by the hub/);
  });
});
