/* global document, location */
// The cart and the checkout: pick-up at a store that has everything (shown live) or shipping, paid with
// the hub's simulated card gateway.
import * as api from './api.js';
import { field, h, money, notice } from './dom.js';
import { available, onChange, storeList, watch } from './stock.js';

const changed = () => document.dispatchEvent(new CustomEvent('cart-changed'));

/** Adds `qty` of product `p` to the cart. */
export function addToCart(p, qty) {
  const cart = api.cart();
  const line = cart[p.sku] ?? { qty: 0, name: p.name, price: p.price, currency: p.currency };
  cart[p.sku] = { ...line, qty: Math.min(99, line.qty + qty) };
  api.setCart(cart);
  api.track('cart_add', p.sku, qty);
  changed();
  document.dispatchEvent(new CustomEvent('toast', { detail: `Added ${qty} × ${p.name} to your cart` }));
}

function setQty(sku, qty) {
  const cart = api.cart();
  const line = cart[sku];
  if (!line) return;
  const delta = qty - line.qty;
  if (qty <= 0) delete cart[sku];
  else cart[sku] = { ...line, qty: Math.min(99, qty) };
  api.setCart(cart);
  if (delta !== 0) api.track(delta > 0 ? 'cart_add' : 'cart_remove', sku, Math.abs(delta));
  changed();
}

/** Units in the cart. */
export const cartCount = () => Object.values(api.cart()).reduce((n, l) => n + l.qty, 0);

const lines = () => Object.entries(api.cart()).map(([sku, l]) => ({ sku, ...l }));
const subtotal = (ls) => ls.reduce((t, l) => t + l.price * l.qty, 0);

/** The cart page. */
export function cartView(rerender) {
  const ls = lines();
  if (ls.length === 0)
    return [
      h('h2', {}, 'Your cart'),
      notice('Your cart is empty.', 'info'),
      h('a', { href: '#/' }, 'Browse products'),
    ];
  const update = (sku, qty) => () => {
    setQty(sku, qty);
    rerender();
  };
  return [
    h('h2', {}, 'Your cart'),
    h(
      'ul',
      { class: 'cart', 'aria-label': 'Cart items' },
      ls.map((l) =>
        h(
          'li',
          { 'aria-label': l.name },
          h('a', { href: `#/product/${encodeURIComponent(l.sku)}` }, l.name),
          h('span', { class: 'price' }, money(l.price, l.currency)),
          h(
            'span',
            { class: 'qty' },
            h(
              'button',
              { type: 'button', onclick: update(l.sku, l.qty - 1), 'aria-label': `One less ${l.name}` },
              '−',
            ),
            h('output', { 'aria-label': `Quantity of ${l.name}` }, String(l.qty)),
            h(
              'button',
              { type: 'button', onclick: update(l.sku, l.qty + 1), 'aria-label': `One more ${l.name}` },
              '+',
            ),
          ),
          h(
            'button',
            { type: 'button', class: 'link', onclick: update(l.sku, 0), 'aria-label': `Remove ${l.name}` },
            'Remove',
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'total' },
      `Subtotal ${money(subtotal(ls), ls[0].currency)}`,
      h('span', { class: 'muted' }, ' · tax is added at checkout'),
    ),
    h('a', { class: 'button primary', href: '#/checkout' }, 'Go to checkout'),
  ];
}

/** How many cart lines `storeId` can fill entirely, live. */
const fillable = (ls, storeId) => ls.filter((l) => (available(l.sku, storeId) ?? 0) >= l.qty).length;

/** The checkout page. */
export function checkoutView() {
  const ls = lines();
  if (ls.length === 0)
    return [
      h('h2', {}, 'Checkout'),
      notice('Your cart is empty.', 'info'),
      h('a', { href: '#/' }, 'Browse products'),
    ];
  const who = api.shopper();
  void watch(ls.map((l) => l.sku));
  const message = h('div', { 'aria-live': 'polite' });
  const storeChoices = h('div', { class: 'stores' });
  const paintStores = () => {
    const checked = storeChoices.querySelector('input:checked')?.value;
    storeChoices.replaceChildren(
      ...storeList().map((s, i) => {
        const n = fillable(ls, s.id);
        const all = n === ls.length;
        const text = all ? 'everything in stock' : `${n} of ${ls.length} items in stock`;
        return h(
          'label',
          { class: `choice ${all ? '' : 'short'}` },
          h('input', {
            type: 'radio',
            name: 'store',
            value: s.id,
            checked: (checked ?? (i === 0 ? s.id : null)) === s.id,
            required: true,
          }),
          ` ${s.name} — ${text}`,
        );
      }),
    );
  };
  paintStores();
  const stop = onChange(() => (document.body.contains(storeChoices) ? paintStores() : stop()));
  const pickupBlock = h('fieldset', {}, h('legend', {}, 'Pick-up store'), storeChoices);
  const form = h(
    'form',
    { class: 'checkout', 'aria-label': 'Checkout', onsubmit: (e) => submit(e, ls, message) },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Contact'),
      field('Full name', {
        name: 'name',
        required: true,
        autocomplete: 'name',
        value: who?.name ?? '',
        maxlength: 120,
      }),
      field('E-mail', {
        name: 'email',
        type: 'email',
        required: true,
        autocomplete: 'email',
        value: who?.email ?? '',
        maxlength: 254,
      }),
      field('Phone (optional)', { name: 'phone', type: 'tel', autocomplete: 'tel', maxlength: 24 }),
    ),
    h(
      'fieldset',
      {
        onchange: (e) => e.target.name === 'fulfilment' && (pickupBlock.hidden = e.target.value !== 'pickup'),
      },
      h('legend', {}, 'Delivery'),
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name: 'fulfilment', value: 'pickup', checked: true }),
        ' Pick up in store (free, usually ready within 2 hours)',
      ),
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name: 'fulfilment', value: 'ship' }),
        ' Ship to me (we ship from the store that has your items)',
      ),
    ),
    pickupBlock,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Payment'),
      field('Card number', {
        name: 'card',
        inputmode: 'numeric',
        autocomplete: 'cc-number',
        required: true,
        placeholder: '4242 4242 4242 4242',
      }),
      h(
        'div',
        { class: 'row' },
        field('Expiry (MM/YY)', {
          name: 'expiry',
          required: true,
          placeholder: '12/30',
          pattern: '\\d{2}/\\d{2}',
          autocomplete: 'cc-exp',
        }),
        field('CVC', {
          name: 'cvc',
          required: true,
          pattern: '\\d{3,4}',
          inputmode: 'numeric',
          autocomplete: 'cc-csc',
        }),
      ),
      h(
        'p',
        { class: 'muted' },
        'Demo store: use test card 4242 4242 4242 4242 (approved) or 4000 0000 0000 0002 (declined). No real money moves.',
      ),
    ),
    h(
      'section',
      { class: 'summary', 'aria-label': 'Order summary' },
      h(
        'ul',
        {},
        ls.map((l) => h('li', {}, `${l.qty} × ${l.name}`, h('span', {}, money(l.price * l.qty, l.currency)))),
      ),
      h('p', { class: 'total' }, `Subtotal ${money(subtotal(ls), ls[0].currency)} + tax`),
    ),
    message,
    h('button', { type: 'submit', class: 'primary' }, 'Place order'),
  );
  return [h('h2', {}, 'Checkout'), form];
}

/** A test card's gateway token; null when the number fails the Luhn check. */
export function cardToken(number) {
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  if (sum % 10 !== 0) return null;
  if (digits === '4000000000000002') return 'tok_decline_card_declined';
  if (digits === '4000000000009995') return 'tok_decline_insufficient_funds';
  return 'tok_visa';
}

async function submit(e, ls, message) {
  e.preventDefault();
  const form = e.currentTarget;
  const data = new FormData(form);
  const token = cardToken(String(data.get('card') ?? ''));
  if (!token)
    return message.replaceChildren(notice('That card number is not valid. Check the digits and try again.'));
  const ship = data.get('fulfilment') === 'ship';
  const storeId = String(data.get('store') ?? '');
  if (!ship && fillable(ls, storeId) < ls.length) {
    return message.replaceChildren(
      notice('That store does not have everything in your cart. Choose another store or shipping.'),
    );
  }
  const who = api.shopper();
  const phone = String(data.get('phone') ?? '').trim();
  const body = {
    customer: {
      email: String(data.get('email')).trim(),
      name: String(data.get('name')).trim(),
      ...(phone ? { phone } : {}),
    },
    lines: ls.map((l) => ({ sku: l.sku, qty: l.qty })),
    fulfilment: ship ? { type: 'ship' } : { type: 'pickup', storeId },
    payment: { method: 'card', token },
    // The session ties the order to the cart the hub kept: only with the shopper's consent.
    ...(who?.personalization ? { sessionId: api.sessionId() } : {}),
  };
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  button.textContent = 'Paying…';
  message.replaceChildren(notice('Contacting your bank…', 'info'));
  const res = await api.placeOrder(body, crypto.randomUUID());
  button.disabled = false;
  button.textContent = 'Place order';
  if (res.ok) {
    api.setCart({});
    api.rememberOrder(res.body.number);
    changed();
    location.hash = `#/order/${encodeURIComponent(res.body.number)}`;
    return;
  }
  const error = res.body?.error ?? {};
  const text =
    error.code === 'payment_declined'
      ? 'Your card was declined. No money was taken — try another card.'
      : error.code === 'insufficient_stock'
        ? `Sorry, we no longer have enough of: ${(error.skus ?? []).map((s) => ls.find((l) => l.sku === s.sku)?.name ?? s.sku).join(', ')}. Reduce the quantity or choose another store.`
        : (error.message ?? 'The order could not be placed. Please try again.');
  message.replaceChildren(notice(text));
}
