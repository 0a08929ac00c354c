/**
 * Search as you type over the product index (word prefixes of names, best first), in a virtualised list so a
 * broad query over a large catalogue still renders only what shows. The field is a combobox: arrow keys move
 * the highlight, Enter (or a click) adds the highlighted product, Esc clears. F2 focuses it (sale-screen.tsx).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { Product } from '@till/shared/schemas/product';
import type { ProductIndex } from '../../../sync/product-index';
import { useProductIndex } from '../../app/sync-provider';

/** The most results one query shows. */
const MAX_RESULTS = 500;
/** Row height in px (at least 44 px, a touch target). */
const ROW_HEIGHT = 52;

function searchQueryOptions(index: ProductIndex | null, text: string) {
  return {
    queryKey: ['product-search', text] as const,
    queryFn: () => (index && text.trim() !== '' ? index.searchByName(text, MAX_RESULTS) : []),
    enabled: index !== null,
    // The index follows the replica live; a repeated query is a cheap in-memory look-up.
    staleTime: 0,
    placeholderData: keepPreviousData,
    networkMode: 'always' as const,
  };
}

/** The search field and its results. `text` is controlled so a failed scan can prefill it. */
export function ProductSearch({
  text,
  onText,
  onPick,
  inputRef,
  formatPrice,
}: {
  text: string;
  onText: (text: string) => void;
  onPick: (product: Product) => void;
  inputRef: Ref<HTMLInputElement>;
  formatPrice: (amount: number) => string;
}) {
  const index = useProductIndex();
  const results = useQuery(searchQueryOptions(index, text));
  const products = text.trim() === '' ? [] : (results.data ?? []);
  // The highlight belongs to one query: a new query starts at its best match.
  const [highlight, setHighlight] = useState({ text, index: 0 });
  const active = highlight.text === text ? highlight.index : 0;
  const listRef = useRef<HTMLDivElement>(null);
  const id = useId();
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on every render, never memoised
  const virtualizer = useVirtualizer({
    count: products.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  const move = (step: number) => {
    if (products.length === 0) return;
    const next = Math.min(products.length - 1, Math.max(0, active + step));
    setHighlight({ text, index: next });
    virtualizer.scrollToIndex(next);
  };

  const pick = (product: Product | undefined) => {
    if (!product) return;
    onPick(product);
    onText('');
  };

  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="product-search">
      <label htmlFor={`${id}-field`} className="search-label">
        Search products <kbd>F2</kbd>
      </label>
      <input
        id={`${id}-field`}
        ref={inputRef}
        className="search-field"
        type="search"
        role="combobox"
        aria-expanded={products.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={products.length > 0 ? optionId(active) : undefined}
        autoComplete="off"
        placeholder="Name or code"
        value={text}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') move(1);
          else if (e.key === 'ArrowUp') move(-1);
          else if (e.key === 'PageDown') move(8);
          else if (e.key === 'PageUp') move(-8);
          else if (e.key === 'Enter') pick(products[active]);
          else if (e.key === 'Escape' && text !== '') onText('');
          else return;
          e.preventDefault();
          // Esc with an empty field goes on to the screen (back to the sale).
          if (e.key === 'Escape') e.stopPropagation();
        }}
      />
      {text.trim() !== '' && (
        <p className="search-count" role="status" aria-label="Search status">
          {index === null
            ? 'The catalogue is still opening…'
            : products.length === 0
              ? results.isFetching
                ? 'Searching…'
                : `Nothing matches “${text.trim()}”.`
              : `${products.length === MAX_RESULTS ? `${MAX_RESULTS}+` : products.length} found — ↑ ↓ to move, Enter ↵ to add`}
        </p>
      )}
      <div
        id={`${id}-list`}
        ref={listRef}
        className="search-results"
        role="listbox"
        aria-label="Search results"
        hidden={products.length === 0}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const product = products[row.index] as Product;
            return (
              <div
                key={product.sku}
                id={optionId(row.index)}
                role="option"
                aria-selected={row.index === active}
                className="search-result"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: row.size,
                  transform: `translateY(${row.start}px)`,
                }}
                // The field keeps the focus, so typing goes on after a click.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(product)}
              >
                <span className="result-name">{product.name}</span>
                <span className="result-sku">{product.sku}</span>
                <span className="result-price">{formatPrice(product.price)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
