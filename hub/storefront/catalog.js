/* global location */
// The catalogue: a searchable, paged product list and a product page, each with live availability.
import * as api from './api.js';
import { addToCart } from './cart.js';
import { field, h, money, notice } from './dom.js';
import { badges, watch } from './stock.js';

/** Products per page: one batch stock request covers them all. */
export const PAGE_SIZE = 24;

/** The list for `#/?q=…&page=…`. */
export async function listView(params) {
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const res = await api.products(q, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const search = h(
    'form',
    { class: 'search', role: 'search', onsubmit: (e) => submitSearch(e) },
    field('Search products', { type: 'search', name: 'q', value: q, placeholder: 'Name, SKU or barcode' }),
    h('button', { type: 'submit' }, 'Search'),
  );
  if (!res.ok) return [search, notice(res.body?.error?.message ?? 'The catalogue could not be loaded.')];
  const { products, total } = res.body;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  void watch(products.map((p) => p.sku));
  const heading = q ? `Results for “${q}”` : 'All products';
  return [
    search,
    h('h2', {}, heading),
    h('p', { class: 'muted', role: 'status' }, `${total} product${total === 1 ? '' : 's'}`),
    products.length === 0 ? notice('Nothing matches your search. Try another word.', 'info') : null,
    h('ul', { class: 'grid', 'aria-label': 'Products' }, products.map(card)),
    pager(q, page, pages),
  ];
}

function submitSearch(e) {
  e.preventDefault();
  const q = new FormData(e.currentTarget).get('q')?.toString().trim() ?? '';
  location.hash = `#/?q=${encodeURIComponent(q)}`;
}

function card(p) {
  return h(
    'li',
    { class: 'card', 'aria-label': p.name },
    h('span', { class: 'category' }, p.category),
    h('h3', {}, h('a', { href: `#/product/${encodeURIComponent(p.sku)}` }, p.name)),
    h('p', { class: 'price' }, money(p.price, p.currency)),
    badges(p.sku),
    h(
      'button',
      { type: 'button', onclick: () => addToCart(p, 1), 'aria-label': `Add ${p.name} to cart` },
      'Add to cart',
    ),
  );
}

function pager(q, page, pages) {
  const go = (n) => () => (location.hash = `#/?q=${encodeURIComponent(q)}&page=${n}`);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', onclick: go(page - 1), disabled: page <= 1 }, '← Previous page'),
    h('span', { 'aria-current': 'page' }, `Page ${page} of ${pages}`),
    h('button', { type: 'button', onclick: go(page + 1), disabled: page >= pages }, 'Next page →'),
  );
}

/** The page of one product (`#/product/SKU`), with its other sizes. */
export async function productView(sku) {
  const res = await api.product(sku);
  if (!res.ok)
    return [notice(res.status === 404 ? 'We do not sell this product.' : 'The product could not be loaded.')];
  const p = res.body.product;
  api.track('product_view', p.sku);
  // Products whose names start alike: the other sizes of the item, or more of the brand.
  const siblings = await api.products(p.name.split(' ').slice(0, 3).join(' '), 12, 0);
  const others = (siblings.ok ? siblings.body.products : []).filter((o) => o.sku !== p.sku);
  void watch([p.sku]);
  const qty = h('input', { type: 'number', name: 'qty', min: 1, max: 99, value: 1, id: 'qty' });
  return [
    h('p', {}, h('a', { href: '#/' }, '← All products')),
    h(
      'article',
      { class: 'product', 'aria-labelledby': 'product-name' },
      h('span', { class: 'category' }, p.category),
      h('h2', { id: 'product-name' }, p.name),
      h('p', { class: 'price big' }, money(p.price, p.currency)),
      h('p', { class: 'muted' }, `SKU ${p.sku}${p.barcodes[0] ? ` · EAN ${p.barcodes[0]}` : ''}`),
      h('h3', {}, 'Availability'),
      badges(p.sku),
      h(
        'form',
        {
          class: 'buy',
          onsubmit: (e) => {
            e.preventDefault();
            addToCart(p, Math.min(99, Math.max(1, Number(qty.value) || 1)));
          },
        },
        h('label', { for: 'qty' }, 'Quantity'),
        qty,
        h('button', { type: 'submit' }, 'Add to cart'),
      ),
      others.length > 0
        ? [
            h('h3', {}, 'You may also like'),
            h(
              'ul',
              { class: 'siblings' },
              others.map((o) =>
                h(
                  'li',
                  {},
                  h('a', { href: `#/product/${encodeURIComponent(o.sku)}` }, o.name),
                  ` ${money(o.price, o.currency)}`,
                ),
              ),
            ),
          ]
        : null,
    ),
  ];
}
