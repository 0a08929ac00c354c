/* global document, EventSource */
// The demo web store: products from the hub's storefront API, availability per store, kept live by the
// stock stream. Plain browser JavaScript: no build step, served by the hub itself.
const rows = new Map();
const tbody = document.getElementById('products');
const status = document.getElementById('status');
const money = (cents, currency) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

async function load(q = '') {
  const res = await fetch(`/api/v1/storefront/products?limit=50&q=${encodeURIComponent(q)}`);
  const { products } = await res.json();
  rows.clear();
  tbody.replaceChildren();
  for (const p of products) {
    const tr = document.createElement('tr');
    const cells = [p.name, p.sku, money(p.price, p.currency), '…', '…', ''];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tr.children[3].className = 'stock';
    tr.children[4].className = 'stock';
    const buy = document.createElement('button');
    buy.textContent = 'Reserve for pickup';
    buy.addEventListener('click', () => order(p.sku));
    tr.children[5].append(buy);
    tbody.append(tr);
    rows.set(p.sku, tr);
    void fetch(`/api/v1/storefront/stock?sku=${encodeURIComponent(p.sku)}`)
      .then((r) => r.json())
      .then((s) => s.stores.forEach((level) => show({ sku: p.sku, ...level }, false)));
  }
}

function show(event, flash = true) {
  const tr = rows.get(event.sku);
  if (!tr) return;
  const td = tr.children[event.storeId === 'store-1' ? 3 : 4];
  if (!td) return;
  td.textContent = event.available > 0 ? `${event.available} available` : 'sold out';
  td.classList.toggle('out', event.available <= 0);
  if (flash) {
    td.classList.add('flash');
    setTimeout(() => td.classList.remove('flash'), 800);
  }
}

async function order(sku) {
  // The storefront key belongs on a web store's server; the demo page uses the demo key to show the flow.
  const res = await fetch('/api/v1/storefront/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-storefront-key' },
    body: JSON.stringify({
      customer: { email: 'demo.shopper@example.com', name: 'Demo Shopper' },
      lines: [{ sku, qty: 1 }],
      fulfilment: { type: 'pickup', storeId: 'store-1' },
      payment: { method: 'card', token: 'tok_visa' },
    }),
  });
  const body = await res.json();
  status.textContent = res.ok ? `Order ${body.number} placed for pickup at Downtown` : body.error.message;
}

const stream = new EventSource('/api/v1/storefront/stock/stream');
stream.onopen = () => (status.textContent = 'live');
stream.onerror = () => (status.textContent = 'reconnecting…');
stream.onmessage = (e) => show(JSON.parse(e.data));

document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  void load(document.getElementById('q').value);
});
void load();
