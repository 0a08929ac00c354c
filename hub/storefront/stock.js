/* global document, EventSource, CSS */
// Live availability per store. The visible SKUs' stock comes in one batch request, then the hub's stock
// stream (filtered to those SKUs) keeps every availability badge on the page current without a reload.
import { stockOf } from './api.js';

/** `sku|storeId` → units the web may promise. */
const levels = new Map();
const storeNames = new Map();
const listeners = new Set();
let source = null;
let watching = '';
let onStatus = () => undefined;

/** The stores, in the order the page lists them (`[{ id, name }]`). */
export function setStores(list) {
  storeNames.clear();
  for (const s of list) storeNames.set(s.id, s.name);
}

/** The stores' ids and names. */
export const storeList = () => [...storeNames].map(([id, name]) => ({ id, name }));

/** Says what the live connection is doing (`live`, `reconnecting`). */
export function onConnection(fn) {
  onStatus = fn;
}

/** Calls `fn(sku, storeId)` whenever a level changes (the checkout re-checks its stores). */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Units of `sku` available to the web at `storeId`, or undefined while unknown. */
export const available = (sku, storeId) => levels.get(`${sku}|${storeId}`);

/** Fetches the stock of `skus` in one request and follows it live until the next call. */
export async function watch(skus) {
  const wanted = [...new Set(skus)].sort();
  const key = wanted.join(',');
  if (key === watching && source) return;
  watching = key;
  source?.close();
  source = null;
  if (wanted.length === 0) return;
  // Opened before the snapshot is read, so a change committed in between is not missed.
  const stream = new EventSource(
    `/api/v1/storefront/stock/stream?sku=${wanted.map(encodeURIComponent).join(',')}`,
  );
  source = stream;
  stream.onopen = () => onStatus('live');
  stream.onerror = () => onStatus('reconnecting');
  stream.onmessage = (e) => {
    const change = JSON.parse(e.data);
    apply(change.sku, change.storeId, change.available, true);
  };
  const res = await stockOf(wanted);
  if (!res.ok || source !== stream) return;
  for (const s of res.body.stocks) for (const l of s.stores) apply(s.sku, l.storeId, l.available, false);
}

function apply(sku, storeId, units, flash) {
  const k = `${sku}|${storeId}`;
  const changed = levels.get(k) !== units;
  levels.set(k, units);
  const selector = `[data-avail-sku="${CSS.escape(sku)}"][data-avail-store="${CSS.escape(storeId)}"]`;
  for (const el of document.querySelectorAll(selector)) {
    paint(el, sku, storeId);
    if (flash && changed) {
      el.classList.add('flash');
      setTimeout(() => el.classList.remove('flash'), 900);
    }
  }
  if (changed) for (const fn of listeners) fn(sku, storeId);
}

function paint(el, sku, storeId) {
  const units = available(sku, storeId);
  const name = storeNames.get(storeId) ?? storeId;
  el.textContent =
    units === undefined
      ? `${name}: checking…`
      : units > 0
        ? `${name}: ${units} available`
        : `${name}: sold out`;
  el.classList.toggle('out', units !== undefined && units <= 0);
  el.classList.toggle('in', units !== undefined && units > 0);
}

/** A live availability badge of `sku` at `storeId` (updated in place as stock changes). */
export function badge(sku, storeId) {
  const el = document.createElement('span');
  el.className = 'avail';
  el.dataset.availSku = sku;
  el.dataset.availStore = storeId;
  paint(el, sku, storeId);
  return el;
}

/** A list of live badges of `sku` at every store. */
export function badges(sku) {
  const list = document.createElement('ul');
  list.className = 'avail-list';
  list.setAttribute('aria-label', 'Availability by store');
  for (const id of storeNames.keys()) {
    const li = document.createElement('li');
    li.append(badge(sku, id));
    list.append(li);
  }
  return list;
}
