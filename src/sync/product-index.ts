/**
 * The sale screen's product look-up: barcode → product in constant time and a word-prefix
 * name search that stays fast at 100,000 products. RxDB has no hash index on an array field, and a scan of
 * the products collection grows with the catalogue, so the register keeps a compact in-memory index instead
 * of another collection (the register stays at 9). It is built from the collection in batches at start-up
 * and kept current from the collection's change stream, so replication's inserts and updates show at once.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { RxChangeEventBulk, RxCollection } from 'rxdb';
import type { Product } from '@till/shared/schemas/product';

/** How far the start-up build has got. `total` is the collection's size when the build began (or more). */
export interface IndexProgress {
  indexed: number;
  total: number;
  ready: boolean;
}

/** The look-up the sale screen uses. */
export interface ProductIndex {
  /** Resolves when every product in the collection at start-up is indexed (later changes follow live). */
  readonly ready: Promise<void>;
  /** Build progress, for a "preparing the catalogue" indicator. */
  readonly progress$: Observable<IndexProgress>;
  /** The SKU a barcode belongs to, from the in-memory map: constant time, no I/O. */
  skuForBarcode(code: string): string | undefined;
  /** The product for a scanned barcode, or a SKU typed or scanned from a shelf label; null when unknown. */
  lookupBarcode(code: string): Promise<Product | null>;
  /** SKUs whose names match every word of `text` as a prefix, best first (synchronous, no I/O). */
  matchNames(text: string, limit?: number): string[];
  /** The products of `matchNames`, best first. */
  searchByName(text: string, limit?: number): Promise<Product[]>;
  /** Products in the index now. */
  size(): number;
  /** Stops following the change stream. */
  close(): void;
}

const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th' };
const folded = new Map<string, string>();
/** Score of a name the whole query opens; see `score`. */
const OPENS = 100_000;

/** One non-ASCII character without its accents ("é" → "e"), remembered: names reuse a few such letters. */
function fold(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    f = FOLD[c] ?? c.normalize('NFD').replace(/\p{M}+/gu, '');
    folded.set(c, f);
  }
  return f;
}

/** Lower-case words with accents removed: "Crème Brûlée 6×" → ["creme", "brulee", "6"]. */
export function wordsOf(text: string): string[] {
  // Folding character by character: normalising whole names dominated a 100,000-product build.
  const plain = text.toLowerCase().replace(/[\u{80}-\u{10ffff}]/gu, fold);
  return plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Builds the index of `collection` and keeps it current. `batchSize` bounds what one start-up read holds. */
export function createProductIndex(
  collection: RxCollection<Product>,
  options: { batchSize?: number } = {},
): ProductIndex {
  const batchSize = options.batchSize ?? 2_000;
  // One slot per SKU ever seen; per-slot data lives in parallel arrays to keep 100,000 products compact.
  const slotBySku = new Map<string, number>();
  const skus: string[] = [];
  // " word word …" with a leading space, so `includes(' ' + prefix)` tests a word prefix.
  const names: string[] = [];
  // The document's own (immutable) barcodes array, kept to unmap codes an update drops.
  const barcodesOf: (readonly string[])[] = [];
  const inactive = new Set<number>();
  const slotByBarcode = new Map<string, number>();
  // Word → slots of the names holding it; first word → slots of the names opening with it.
  const postings = new Map<string, number[]>();
  const openers = new Map<string, number[]>();
  let sortedWords: string[] = [];
  let wordsDirty = false;
  let marks = new Uint32Array(1024);
  let stamp = 0;
  let live = 0;
  let building = true;
  let closed = false;
  // SKUs changed through the stream while the build runs: their batch copy may be older, so it is skipped.
  const changedWhileBuilding = new Set<string>();
  const progress = new BehaviorSubject<IndexProgress>({ indexed: 0, total: 0, ready: false });

  function addPosting(map: Map<string, number[]>, word: string, slot: number) {
    const list = map.get(word);
    if (list) list.push(slot);
    else {
      map.set(word, [slot]);
      if (map === postings) wordsDirty = true;
    }
  }

  function removePosting(map: Map<string, number[]>, word: string | undefined, slot: number) {
    const list = word === undefined ? undefined : map.get(word);
    const at = list?.indexOf(slot) ?? -1;
    if (!list || at < 0) return;
    list.splice(at, 1);
    if (list.length > 0) return;
    map.delete(word as string);
    if (map === postings) wordsDirty = true;
  }

  function setName(slot: number, words: string[]) {
    const old = wordsOf(names[slot] ?? '');
    for (const w of new Set(old)) removePosting(postings, w, slot);
    removePosting(openers, old[0], slot);
    for (const w of words) addPosting(postings, w, slot);
    if (words[0] !== undefined) addPosting(openers, words[0], slot);
    // Built by join so it is one flat string: a search reads tens of thousands of these.
    names[slot] = words.length > 0 ? ['', ...words].join(' ') : ' ';
  }

  function put(doc: Product) {
    let slot = slotBySku.get(doc.sku);
    if (slot === undefined) {
      slot = skus.length;
      slotBySku.set(doc.sku, slot);
      skus.push(doc.sku);
      names.push('');
      barcodesOf.push([]);
    }
    if (names[slot] === '') live += 1;
    for (const old of barcodesOf[slot] ?? []) {
      // A barcode that moved to another product already points there; leave that mapping alone.
      if (!doc.barcodes.includes(old) && slotByBarcode.get(old) === slot) slotByBarcode.delete(old);
    }
    for (const code of doc.barcodes) slotByBarcode.set(code, slot);
    barcodesOf[slot] = doc.barcodes;
    if (doc.active) inactive.delete(slot);
    else inactive.add(slot);
    const words = [...new Set(wordsOf(doc.name))];
    if (` ${words.join(' ')}` !== names[slot]) setName(slot, words);
  }

  function remove(sku: string) {
    const slot = slotBySku.get(sku);
    if (slot === undefined || names[slot] === '') return;
    for (const code of barcodesOf[slot] ?? [])
      if (slotByBarcode.get(code) === slot) slotByBarcode.delete(code);
    setName(slot, []);
    barcodesOf[slot] = [];
    names[slot] = '';
    live -= 1;
  }

  function report() {
    const now = progress.value;
    progress.next({ indexed: live, total: Math.max(now.total, live), ready: !building });
  }

  // Subscribed before the first read, so a change made while the build runs is never missed. Whole write
  // batches, not `collection.$`: that one builds a change-event object per document, 100,000 of them
  // during an initial sync, for the three fields read here.
  const subscription = collection.eventBulks$.subscribe((bulk: RxChangeEventBulk<Product>) => {
    if (bulk.isLocal) return;
    for (const event of bulk.events) {
      if (building) changedWhileBuilding.add(event.documentId);
      if (event.operation === 'DELETE') remove(event.documentId);
      else put(event.documentData);
    }
  });

  const ready = (async () => {
    const total = await collection.count().exec();
    progress.next({ indexed: live, total, ready: false });
    let after = '';
    while (!closed) {
      // Pages in primary-key order: each read is an index range, and only one page is held at a time. Read
      // from the storage: RxDocuments for 100,000 products would be built for nothing, and RxDB's query
      // cache would keep every page alive.
      const query = collection.find({
        selector: { sku: { $gt: after } },
        sort: [{ sku: 'asc' }],
        limit: batchSize,
      });
      const page = (await collection.storageInstance.query(query.getPreparedQuery())).documents;
      for (const doc of page) if (!changedWhileBuilding.has(doc.sku)) put(doc);
      report();
      const last = page.at(-1);
      if (page.length < batchSize || !last) break;
      after = last.sku;
      // Let the sale screen and replication run between pages.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    building = false;
    changedWhileBuilding.clear();
    report();
  })();
  // The caller sees a failed build through `ready`; this only keeps it from being an unhandled rejection.
  ready.catch(() => undefined);

  function wordRange(prefix: string): [number, number] {
    if (wordsDirty) {
      sortedWords = [...postings.keys()].sort();
      wordsDirty = false;
    }
    let lo = 0;
    let hi = sortedWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sortedWords[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < sortedWords.length && (sortedWords[end] as string).startsWith(prefix)) end += 1;
    return [lo, end];
  }

  /**
   * Higher is better: the query opening the name (a tier of its own: at most 8 words × 1,000 cannot reach
   * it), then whole-word hits, early hits, short names. Inactive products go below everything active.
   */
  function score(slot: number, name: string, opens: boolean, words: string[]): number {
    let s = opens ? OPENS : 0;
    for (const w of words) {
      const at = name.indexOf(w);
      const end = at + w.length;
      if (end === name.length || name.charCodeAt(end) === 32) s += 1_000;
      s -= at;
    }
    return s - name.length - (inactive.has(slot) ? 10 * OPENS : 0);
  }

  type Hit = { slot: number; score: number };
  /** A query: its words as " word" (word-prefix tests), the whole of it as one phrase, how many to return. */
  type Query = { words: string[]; phrase: string; limit: number };
  const better = (a: Hit, b: Hit) =>
    a.score !== b.score
      ? a.score > b.score
      : (names[a.slot] as string) !== (names[b.slot] as string)
        ? (names[a.slot] as string) < (names[b.slot] as string)
        : (skus[a.slot] as string) < (skus[b.slot] as string);

  /** The best `limit` names among the slots listed in `lists` for the words sortedWords[lo, hi). */
  function rank(
    lists: Map<string, number[]>,
    lo: number,
    hi: number,
    accept: (name: string) => boolean,
    q: Query,
  ) {
    if (marks.length < skus.length) marks = new Uint32Array(skus.length * 2);
    if (++stamp === 0xffffffff) [marks, stamp] = [new Uint32Array(marks.length), 1];
    // Kept sorted, best first, so 60,000 candidates never need a full sort.
    const top: Hit[] = [];
    for (let i = lo; i < hi; i++) {
      for (const slot of lists.get(sortedWords[i] as string) ?? []) {
        if (marks[slot] === stamp) continue;
        marks[slot] = stamp;
        const name = names[slot] as string;
        if (!accept(name)) continue;
        const hit = { slot, score: score(slot, name, name.startsWith(q.phrase), q.words) };
        if (top.length === q.limit && !better(hit, top[top.length - 1] as Hit)) continue;
        let at = top.length;
        while (at > 0 && better(hit, top[at - 1] as Hit)) at -= 1;
        top.splice(at, 0, hit);
        if (top.length > q.limit) top.pop();
      }
    }
    return top;
  }

  function matchNames(text: string, limit = 20): string[] {
    const tokens = [...new Set(wordsOf(text))].slice(0, 8);
    if (tokens.length === 0 || limit <= 0) return [];
    const q = { words: tokens.map((t) => ` ${t}`), phrase: ` ${tokens.join(' ')}`, limit };
    // First the names the query opens: when `limit` active ones exist, no other name can outrank them,
    // and a one-letter query never has to look at the 60,000 names holding a word with that letter.
    const [lo, hi] = wordRange(tokens[0] as string);
    const opened = rank(openers, lo, hi, (name) => name.startsWith(q.phrase), q);
    if (opened.length === limit && (opened[limit - 1] as Hit).score > OPENS / 2)
      return opened.map((h) => skus[h.slot] as string);
    // Otherwise every name holding all the words: the most selective word drives, the others are checked.
    let driver = { lo: 0, hi: 0, token: '', cost: Infinity };
    for (const token of tokens) {
      const [from, to] = wordRange(token);
      let cost = 0;
      for (let i = from; i < to; i++) cost += postings.get(sortedWords[i] as string)?.length ?? 0;
      if (cost < driver.cost) driver = { lo: from, hi: to, token, cost };
    }
    const checks = tokens.filter((t) => t !== driver.token).map((t) => ` ${t}`);
    const all = rank(postings, driver.lo, driver.hi, (name) => checks.every((w) => name.includes(w)), q);
    return all.map((h) => skus[h.slot] as string);
  }

  async function bySkus(wanted: string[]): Promise<Product[]> {
    if (wanted.length === 0) return [];
    const found = await collection.findByIds(wanted).exec();
    return wanted.flatMap((sku) => {
      const doc = found.get(sku);
      return doc ? [doc.toJSON() as Product] : [];
    });
  }

  function skuForBarcode(code: string): string | undefined {
    const slot = slotByBarcode.get(code.trim());
    return slot === undefined ? undefined : skus[slot];
  }

  // Plain closures, not methods: the sale screen may pass `lookupBarcode` around on its own.
  return {
    ready,
    progress$: progress.asObservable(),
    skuForBarcode,
    async lookupBarcode(code) {
      const trimmed = code.trim();
      if (!trimmed) return null;
      const wasBuilding = building;
      const sku = skuForBarcode(trimmed);
      // Then the primary key: shelf labels and typed codes carry SKUs, and it works before the index is built.
      const [hit] = await bySkus(sku ? [sku, trimmed] : [trimmed]);
      if (hit || !wasBuilding) return hit ?? null;
      // The index was incomplete: a scan of the collection is slow but right, and only until `ready`.
      const scanned = await collection.findOne({ selector: { barcodes: { $eq: trimmed } } }).exec();
      return scanned ? (scanned.toJSON() as Product) : null;
    },
    matchNames,
    size: () => live,
    async searchByName(text, limit = 20) {
      const trimmed = text.trim();
      // A whole barcode or SKU typed into the search box goes first.
      const slot = slotBySku.get(trimmed);
      const exact = skuForBarcode(trimmed) ?? (slot !== undefined && names[slot] ? trimmed : undefined);
      const skusFound = matchNames(text, limit).filter((s) => s !== exact);
      return bySkus((exact ? [exact, ...skusFound] : skusFound).slice(0, limit));
    },
    close() {
      closed = true;
      subscription.unsubscribe();
      progress.complete();
    },
  };
}
