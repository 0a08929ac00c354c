/**
 * Puts text into a focused field the way typing would, for keys the scan listener held and then found to be
 * a person typing.
 *
 * Why not `document.execCommand('insertText')`: it is deprecated. Why the native setter: React tracks a
 * controlled input's value on the element itself, so `input.value = …` would be swallowed as "no change";
 * the prototype's setter plus a bubbling `input` event is what React (and any other listener) sees as an
 * edit. The caret moves past the inserted text; `maxLength`, `readOnly` and `disabled` are honoured.
 *
 * Prefer `<input type="text" inputMode="decimal">` to `type="number"` for amounts: a number input cannot
 * hold a half-typed "1." programmatically, so a replayed "." is dropped there (never the whole value).
 */

/** Input types that take typed text. */
const textTypes = new Set(['', 'text', 'search', 'tel', 'url', 'email', 'password', 'number']);

/** A text field that typing edits. */
export type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Whether `element` is an `<input>` of a text type or a `<textarea>` (in any window). */
export function isTextField(element: Element | null): element is TextField {
  if (element === null) return false;
  if (element.tagName === 'TEXTAREA') return true;
  return element.tagName === 'INPUT' && textTypes.has((element.getAttribute('type') ?? '').toLowerCase());
}

/** The caret or selection of a field; `number` and `email` inputs have none, so text goes at the end. */
function selectionOf(field: TextField): [number, number] {
  try {
    const start = field.selectionStart;
    const end = field.selectionEnd;
    if (start !== null && end !== null) return [start, end];
  } catch {
    // Some input types throw on selection access instead of answering null.
  }
  return [field.value.length, field.value.length];
}

/**
 * Inserts `text` at the caret of `element` as if typed: returns whether anything was inserted. Elements
 * that are not text fields get nothing (their keys were already replayed as keydown events).
 */
export function insertText(element: Element | null, text: string): boolean {
  if ((element as HTMLElement | null)?.isContentEditable) {
    // No setter exists for rich text; the deprecated command is the only way that keeps undo working.
    return element?.ownerDocument.execCommand?.('insertText', false, text) ?? false;
  }
  if (!isTextField(element) || element.readOnly || element.disabled) return false;
  const before = element.value;
  const [start, end] = selectionOf(element);
  const next = before.slice(0, start) + text + before.slice(end);
  if (element.maxLength >= 0 && next.length > element.maxLength) return false;

  const view = element.ownerDocument.defaultView;
  const proto =
    element.tagName === 'TEXTAREA' ? view?.HTMLTextAreaElement.prototype : view?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  const setValue = (value: string) => (setter ? setter.call(element, value) : (element.value = value));
  setValue(next);
  if (element.value !== next) {
    // A `number` input sanitizes what is not yet a number ("1.") to "": keep what the person had instead.
    setValue(before);
    return false;
  }
  try {
    element.setSelectionRange(start + text.length, start + text.length);
  } catch {
    // `number` and `email` inputs have no selection; the browser keeps the caret at the end.
  }
  const InputEventCtor = view?.InputEvent ?? view?.Event ?? Event;
  element.dispatchEvent(new InputEventCtor('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}
