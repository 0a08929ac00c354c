// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { insertText, isTextField } from './insert-text';

/** Inputs seen by listeners, as `[value, data]`. */
let events: [string, string | null][];

function field(html: string): HTMLInputElement | HTMLTextAreaElement {
  document.body.innerHTML = html;
  const element = document.body.firstElementChild as HTMLInputElement | HTMLTextAreaElement;
  element.addEventListener('input', (event) =>
    events.push([element.value, (event as InputEvent).data ?? null]),
  );
  element.focus();
  return element;
}

beforeEach(() => {
  events = [];
});

describe('insertText', () => {
  it('types into inputs and textareas at the caret, replacing a selection, and says so', () => {
    const input = field('<input value="abXd">');
    input.setSelectionRange(2, 3);
    expect(insertText(input, 'c')).toBe(true);
    expect(input.value).toBe('abcd');
    expect(input.selectionStart).toBe(3);
    expect(events).toEqual([['abcd', 'c']]);

    const area = field('<textarea>line</textarea>');
    area.setSelectionRange(4, 4);
    expect(insertText(area, '!')).toBe(true);
    expect(area.value).toBe('line!');
  });

  it('honours maxLength, readOnly and disabled, changing nothing', () => {
    for (const html of [
      '<input value="ab" maxlength="2">',
      '<input value="ab" readonly>',
      '<input value="ab" disabled>',
    ]) {
      const input = field(html);
      expect(insertText(input, 'c')).toBe(false);
      expect(input.value).toBe('ab');
    }
    expect(events).toEqual([]);
  });

  it('leaves what is not a text field alone', () => {
    document.body.innerHTML = '<button>Pay</button><input type="checkbox">';
    const [button, checkbox] = [...document.body.children];
    expect(isTextField(button ?? null)).toBe(false);
    expect(isTextField(checkbox ?? null)).toBe(false);
    expect(insertText(button ?? null, 'a')).toBe(false);
    expect(insertText(null, 'a')).toBe(false);
  });
});
