/* global document, location */
// The shopper's side: sign-in by e-mail with the personalization choice, the orders placed from this
// browser, and an order's page (status, notifications, tracking, returns, the QR the counter scans and
// the loyalty balance).
import * as api from './api.js';
import { field, h, money, notice } from './dom.js';
import qrcode from './qrcode.mjs';
import { storeList } from './stock.js';

/** The sign-in page (`#/sign-in`). */
export function signInView() {
  const who = api.shopper();
  const message = h('div', { 'aria-live': 'polite' });
  const choice = (value, label, checked) =>
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'personalization', value, checked, required: true }),
      ` ${label}`,
    );
  const form = h(
    'form',
    { class: 'sign-in', 'aria-label': 'Sign in', onsubmit: (e) => submit(e, message) },
    field('E-mail', {
      name: 'email',
      type: 'email',
      required: true,
      autocomplete: 'email',
      value: who?.email ?? '',
      maxlength: 254,
    }),
    field('Name (for new customers)', {
      name: 'name',
      autocomplete: 'name',
      maxlength: 120,
      value: who?.name ?? '',
    }),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Personalization'),
      h(
        'p',
        { class: 'muted' },
        'May we remember the products you look at and what is in your cart, so our staff can help you in store and offer you deals? You can change this at any time.',
      ),
      choice('yes', 'Yes, personalize my shopping', who?.personalization === true),
      choice('no', 'No, do not record my browsing', who ? who.personalization === false : false),
    ),
    message,
    h('button', { type: 'submit', class: 'primary' }, who ? 'Save' : 'Sign in'),
    h(
      'p',
      { class: 'muted' },
      'Demo store: no password needed. Your account is found or made from your e-mail.',
    ),
  );
  return [
    h('h2', {}, who ? `Signed in as ${who.email}` : 'Sign in'),
    form,
    who ? h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out') : null,
  ];
}

async function submit(e, message) {
  e.preventDefault();
  const data = new FormData(e.currentTarget);
  const res = await api.signIn(
    String(data.get('email') ?? '').trim(),
    String(data.get('name') ?? '').trim(),
    data.get('personalization') === 'yes',
  );
  if (!res.ok) return message.replaceChildren(notice(res.body?.error?.message ?? 'Sign-in failed.'));
  api.setShopper(res.body.customer);
  document.dispatchEvent(new CustomEvent('shopper-changed'));
  location.hash = '#/';
}

function signOut() {
  api.setShopper(null);
  document.dispatchEvent(new CustomEvent('shopper-changed'));
  location.hash = '#/';
}

/** The orders placed from this browser (`#/orders`). */
export function ordersView() {
  const numbers = api.myOrders();
  return [
    h('h2', {}, 'Your orders'),
    numbers.length === 0
      ? notice('No orders from this browser yet.', 'info')
      : h(
          'ul',
          { class: 'orders' },
          numbers.map((n) => h('li', {}, h('a', { href: `#/order/${encodeURIComponent(n)}` }, `Order ${n}`))),
        ),
  ];
}

const PICKUP_STEPS = ['placed', 'picking', 'ready', 'collected'];
const SHIP_STEPS = ['placed', 'picked', 'shipped'];
const LABELS = {
  placed: 'Order placed',
  picking: 'Being picked',
  picked: 'Picked and packed',
  ready: 'Ready for pick-up',
  collected: 'Collected',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
  expired: 'Expired (not collected in time)',
  returned: 'Returned',
};
const label = (status) => LABELS[status] ?? String(status);
const when = (iso) =>
  iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '';

let refresh = null;

/** An order's page (`#/order/NUMBER`), refreshed while it is open. */
export async function orderView(id, rerender) {
  clearTimeout(refresh);
  const res = await api.order(id);
  if (!res.ok)
    return [notice(res.status === 404 ? `We have no order ${id}.` : 'The order could not be loaded.')];
  const o = res.body.order;
  const pickup = o.fulfilment?.type === 'pickup';
  const store = pickup
    ? (storeList().find((s) => s.id === o.fulfilment.storeId)?.name ?? o.fulfilment.storeId)
    : null;
  const balance = await loyaltyLine(o);
  // Status moves at the counter (picking, ready, collected): look again now and then while the page is open.
  refresh = setTimeout(() => location.hash.startsWith(`#/order/`) && rerender(), 15_000);
  return [
    h('h2', {}, `Order ${o.number}`),
    h(
      'p',
      { class: 'status-line' },
      h(
        'span',
        { class: `badge ${o.status}`, role: 'status', 'aria-label': `Status: ${label(o.status)}` },
        label(o.status),
      ),
      pickup ? ` · Pick-up at ${store}` : ' · Shipping',
    ),
    steps(o.status, pickup ? PICKUP_STEPS : SHIP_STEPS),
    o.status === 'ready' && pickup
      ? notice(`Your order is ready. Show the QR code at the ${store} counter.`, 'info')
      : null,
    notifications(o.notifications),
    tracking(o.tracking),
    returned(o.returned),
    h(
      'div',
      { class: 'order-grid' },
      h(
        'section',
        { 'aria-label': 'Items' },
        h('h3', {}, 'Items'),
        h(
          'ul',
          { class: 'lines' },
          o.lines.map((l) => h('li', {}, `${l.qty} × ${l.name}`, h('span', {}, money(l.gross, o.currency)))),
        ),
        h(
          'p',
          { class: 'total' },
          `Total ${money(o.totals.gross, o.currency)}`,
          h('span', { class: 'muted' }, ` (tax ${money(o.totals.tax, o.currency)})`),
        ),
      ),
      h(
        'section',
        { 'aria-label': 'Pick-up code', class: 'qr-box' },
        h('h3', {}, 'Show this at the counter'),
        qr(`till:order:${o.number}`),
        h('p', { class: 'muted' }, o.number),
      ),
    ),
    balance ? h('p', { class: 'loyalty' }, balance) : null,
    h('p', { class: 'muted' }, `Placed ${when(o.createdAt)} · updated ${when(o.updatedAt)}`),
  ];
}

/** "Loyalty balance: 120 points (silver member)" for the order's customer, or null when unknown. */
async function loyaltyLine(o) {
  const res = await api.loyalty(o.customer.email);
  if (res.ok) return `Loyalty balance: ${res.body.points} points (${res.body.tier} member)`;
  const who = o.customerId ? await api.customer(o.customerId) : null;
  return who?.ok ? `Loyalty balance: ${who.body.customer.loyaltyPoints} points` : null;
}

function steps(status, order) {
  const at = order.indexOf(status);
  if (at < 0) return null;
  return h(
    'ol',
    { class: 'steps', 'aria-label': 'Progress' },
    order.map((s, i) =>
      h('li', { class: i <= at ? 'done' : '', 'aria-current': i === at ? 'step' : null }, label(s)),
    ),
  );
}

function notifications(list) {
  if (!Array.isArray(list) || list.length === 0) return null;
  return h(
    'section',
    { 'aria-label': 'Notifications' },
    h('h3', {}, 'Messages we sent you'),
    h(
      'ul',
      {},
      list.map((n) =>
        h('li', {}, `${when(n.at ?? n.sentAt)} — ${n.message ?? n.text ?? label(n.type ?? n.kind ?? '')}`),
      ),
    ),
  );
}

function tracking(t) {
  if (!t) return null;
  const items = Array.isArray(t) ? t : [t];
  return h(
    'section',
    { 'aria-label': 'Tracking' },
    h('h3', {}, 'Tracking'),
    h(
      'ul',
      {},
      items.map((x) =>
        h(
          'li',
          {},
          typeof x === 'string'
            ? x
            : [
                x.carrier,
                x.number ?? x.trackingNumber,
                x.url ? h('a', { href: x.url, rel: 'noreferrer' }, 'Track parcel') : null,
              ]
                .filter(Boolean)
                .map((p) => (typeof p === 'string' ? `${p} ` : p)),
        ),
      ),
    ),
  );
}

function returned(r) {
  if (!r || (Array.isArray(r) && r.length === 0)) return null;
  const items = Array.isArray(r) ? r : [r];
  return h(
    'section',
    { 'aria-label': 'Returns' },
    h('h3', {}, 'Returns'),
    h(
      'ul',
      {},
      items.map((x) =>
        h(
          'li',
          {},
          typeof x === 'object'
            ? [
                x.qty ? `${x.qty} × ` : '',
                x.name ?? x.sku ?? 'Items',
                x.amount != null ? ` refunded ${money(Math.abs(x.amount))}` : '',
                x.at ? ` on ${when(x.at)}` : '',
              ].join('')
            : String(x),
        ),
      ),
    ),
  );
}

/** A QR code of `text` as an SVG the register's scanner reads. */
function qr(text) {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const box = h('div', { class: 'qr', role: 'img', 'aria-label': `QR code ${text}` });
  // The library writes the SVG markup; the text inside is ours (an order number), so it is safe to parse.
  box.innerHTML = code.createSvgTag({ cellSize: 5, margin: 4, scalable: true });
  return box;
}
