import { describe, expect, it } from 'vitest';
import { decodeEscpos } from './decoder';
import { renderPreview, renderPreviewHtml } from './preview';

const ESC = 0x1b;
const GS = 0x1d;

function bytes(...parts: (string | number[])[]): Uint8Array {
  return Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );
}

const job = bytes(
  [ESC, 0x61, 1, GS, 0x21, 0x11],
  'Big',
  [GS, 0x21, 0, 0x0a, ESC, 0x61, 0],
  '<b>&"',
  [ESC, 0x45, 1],
  ' 5',
  [ESC, 0x45, 0, 0x0a],
  [GS, 0x76, 0x30, 0, 48, 0, 120, 0, ...new Array<number>(48 * 120).fill(0)],
  [GS, 0x56, 0],
);

describe('renderPreview', () => {
  it('shows styles by markers, centres by padding, and images and cuts as lines', () => {
    expect(renderPreview(decodeEscpos(job), { columns: 11 }).split('\n')).toEqual([
      '    ^^Big^^',
      '<b>&" **5**',
      '[image 384x120]',
      '✂----------',
    ]);
  });
});

describe('renderPreviewHtml', () => {
  it('escapes text and marks bold, double size, centring and the cut', () => {
    const html = renderPreviewHtml(decodeEscpos(job));
    expect(html).toBe(
      '<pre class="escpos-receipt">' +
        '<span class="escpos-line escpos-center"><span class="escpos-double">Big</span></span>' +
        '<span class="escpos-line escpos-left">&#60;b&#62;&#38;&#34;<b> 5</b></span>' +
        '<span class="escpos-line escpos-image">[image 384x120]</span>' +
        '<hr class="escpos-cut"></pre>',
    );
  });
});
