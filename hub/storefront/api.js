// The web store's side of the hub API, and what it keeps in the shopper's browser: the session id, the
// signed-in shopper, the cart and the orders placed from this browser.

// The storefront key belongs on a web store's server; the demo page uses the demo key to show the flow.
const KEY = { authorization: 'Bearer demo-storefront-key' };

/** A hub call's answer: `{ ok, status, body }`, never a thrown error (a dead network is status 0). */
async function call(path, init = {}) {
  try {
    const res = await fetch(path, init);
    const body = await res.json().catch(() => null);
    return { ok: res.ok, status: res.status, body };
  } catch {
    return {
      ok: false,
      status: 0,
      body: { error: { code: 'unavailable', message: 'The store is offline.' } },
    };
  }
}

const postJson = (path, body, headers = {}) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...KEY, ...headers },
    body: JSON.stringify(body),
  });

/** A page of products matching `q`. */
export const products = (q, limit, offset) =>
  call(`/api/v1/storefront/products?limit=${limit}&offset=${offset}&q=${encodeURIComponent(q)}`);
/** One product. */
export const product = (sku) => call(`/api/v1/storefront/products/${encodeURIComponent(sku)}`);
/** The stores (pick-up places). */
export const stores = () => call('/api/v1/storefront/stores');
/** The stock of many SKUs in one request. */
export const stockOf = (skus) =>
  call(`/api/v1/storefront/stock/batch?skus=${skus.map(encodeURIComponent).join(',')}`);
/** Signs in by e-mail with a personalization choice. */
export const signIn = (email, name, personalization) =>
  postJson('/api/v1/storefront/customers/sign-in', { email, name: name || undefined, personalization });
/** A shopper with their loyalty balance. */
export const customer = (id) =>
  call(`/api/v1/storefront/customers/${encodeURIComponent(id)}`, { headers: KEY });
/** A customer's loyalty balance and tier by e-mail. */
export const loyalty = (email) =>
  call(`/api/v1/storefront/loyalty?email=${encodeURIComponent(email)}`, { headers: KEY });
/** Places an order; the key makes a retried request return the order it placed. */
export const placeOrder = (body, idempotencyKey) =>
  postJson('/api/v1/storefront/orders', body, { 'idempotency-key': idempotencyKey });
/** An order by number or id. */
export const order = (id) => call(`/api/v1/storefront/orders/${encodeURIComponent(id)}`, { headers: KEY });

const read = (name, fallback) => {
  try {
    return JSON.parse(localStorage.getItem(`till-store:${name}`) ?? 'null') ?? fallback;
  } catch {
    return fallback;
  }
};
const write = (name, value) => localStorage.setItem(`till-store:${name}`, JSON.stringify(value));

/** This browser's session id (kept across visits: it names the cart). */
export function sessionId() {
  let id = read('session', null);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    write('session', id);
  }
  return id;
}

/** The signed-in shopper `{ id, email, name, personalization, loyaltyPoints }`, or null. */
export const shopper = () => read('shopper', null);
/** Keeps (or, with null, forgets) the signed-in shopper. */
export const setShopper = (value) => write('shopper', value);

/** The cart: `{ [sku]: { qty, name, price, currency } }`. */
export const cart = () => read('cart', {});
/** Keeps the cart. */
export const setCart = (value) => write('cart', value);

/** Numbers of the orders placed from this browser, newest first. */
export const myOrders = () => read('orders', []);
/** Remembers an order placed from this browser. */
export const rememberOrder = (number) => write('orders', [number, ...myOrders().filter((n) => n !== number)]);

/**
 * Reports browsing and cart events, only for a signed-in shopper who chose personalization (the hub
 * ignores events of a customer without that consent as well). Fire and forget: a lost event is no loss.
 */
export function track(type, sku, qty) {
  const who = shopper();
  if (!who?.personalization) return;
  void postJson('/api/v1/storefront/events', {
    type,
    sessionId: sessionId(),
    customerEmail: who.email,
    ...(sku ? { sku } : {}),
    ...(qty ? { qty } : {}),
  });
}
