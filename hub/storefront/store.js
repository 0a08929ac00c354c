/* global document, window, location */
// The demo web store: a small hash-routed page on the hub's storefront API. Plain browser JavaScript
// modules, no build step, served by the hub itself (routes/storefront-page.ts) under a strict CSP.
import { orderView, ordersView, signInView } from './account.js';
import * as api from './api.js';
import { cartCount, cartView, checkoutView } from './cart.js';
import { listView, productView } from './catalog.js';
import { h, notice } from './dom.js';
import { onConnection, setStores } from './stock.js';

const main = document.getElementById('main');
const cartLink = document.getElementById('cart-link');
const account = document.getElementById('account-link');
const live = document.getElementById('live');
const toast = document.getElementById('toast');

onConnection((state) => {
  live.textContent = state === 'live' ? '● Live stock' : '○ Reconnecting…';
  live.classList.toggle('off', state !== 'live');
});

function header() {
  const n = cartCount();
  cartLink.textContent = `Cart (${n})`;
  cartLink.setAttribute('aria-label', `Cart, ${n} item${n === 1 ? '' : 's'}`);
  const who = api.shopper();
  account.textContent = who ? `Hi, ${who.name}` : 'Sign in';
  account.setAttribute('aria-label', who ? `Account of ${who.name}` : 'Sign in');
}

let toastTimer = null;
document.addEventListener('toast', (e) => {
  toast.textContent = e.detail;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 2500);
});
document.addEventListener('cart-changed', header);
document.addEventListener('shopper-changed', header);

/** Renders the page the hash names. */
async function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = (path || '/').split('/').filter(Boolean).map(decodeURIComponent);
  const rerender = () => void route();
  let view;
  try {
    if (parts[0] === 'product' && parts[1]) view = await productView(parts[1]);
    else if (parts[0] === 'cart') view = cartView(rerender);
    else if (parts[0] === 'checkout') view = checkoutView();
    else if (parts[0] === 'sign-in') view = signInView();
    else if (parts[0] === 'orders') view = ordersView();
    else if (parts[0] === 'order' && parts[1]) view = await orderView(parts[1], rerender);
    else view = await listView(params);
  } catch (err) {
    view = [notice(`Something went wrong: ${err instanceof Error ? err.message : String(err)}`)];
  }
  main.replaceChildren(...[view].flat(2).filter(Boolean));
  toast.hidden = true;
  main.dataset.view = parts[0] ?? 'list';
  main.focus({ preventScroll: true });
  header();
}

async function start() {
  const res = await api.stores();
  setStores(res.ok ? res.body.stores : []);
  if (!res.ok)
    main.replaceChildren(
      notice('The store is offline. Try again in a moment.'),
      h('a', { href: '#/' }, 'Reload'),
    );
  window.addEventListener('hashchange', () => void route());
  await route();
}

void start();
