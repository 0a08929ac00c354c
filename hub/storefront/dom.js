/* global document, Node */
// A few lines in place of a UI library: elements from tags, attributes and children; money; messages.

/**
 * An element: `h('button', { type: 'button', onclick }, 'Add')`. Attributes starting with `on` are
 * listeners, `class` is the class name, `true` sets a boolean attribute, null or false leaves one out.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Minor units as money: 1299 → "$12.99". */
export const money = (cents, currency = 'USD') =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

/** A message the screen reader announces: `role="alert"` for problems, `status` otherwise. */
export const notice = (text, kind = 'error') =>
  h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);

/** A labelled input: `<label>Name <input …></label>`. */
export const field = (label, attrs) =>
  h('label', { class: 'field' }, h('span', {}, label), h('input', attrs));
