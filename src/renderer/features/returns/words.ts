/** Words for the returns screen: tenders as a clerk says them. */
import type { Tender } from '@till/shared/schemas/sale';

const methodWords: Record<Tender['method'], string> = {
  cash: 'Cash',
  card: 'Card',
  gift_card: 'Gift card',
  store_credit: 'Store credit',
  other: 'Other',
  points: 'Points',
};

/** "Card", "Card + Cash": the methods of `tenders`, each once, in order. */
export function tenderWords(tenders: readonly Pick<Tender, 'method'>[]): string {
  return [...new Set(tenders.map((t) => methodWords[t.method]))].join(' + ');
}
