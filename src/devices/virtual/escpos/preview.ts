/**
 * Renders decoded elements for people: plain text for terminals and logs, and an HTML snippet for a preview
 * panel. Text markers: `**bold**`, `__underline__`, `^^double size^^`; barcodes `[CODE128 123456]`, QR codes
 * `[QR data]`, images `[image 384x120]`, drawer kicks `[drawer kick pin 2]`, unknown commands
 * `[unknown 1b 99]`; a cut is a line of scissors (dashed for a partial cut). Status requests are not shown.
 */
import type { EscposElement, EscposSpan, EscposTextElement } from './elements';

/** How wide the paper is, in characters (42 on an 80 mm printer with the encoder's default font). */
export interface PreviewOptions {
  columns?: number;
}

function marked(span: EscposSpan): string {
  const core = span.text.trim();
  if (core === '') return span.text;
  const lead = span.text.slice(0, span.text.indexOf(core));
  const trail = span.text.slice(lead.length + core.length);
  let text = core;
  if (span.doubleWidth || span.doubleHeight) text = `^^${text}^^`;
  if (span.underline) text = `__${text}__`;
  if (span.bold) text = `**${text}**`;
  return lead + text + trail;
}

function textLine(element: EscposTextElement, columns: number): string {
  const line = element.spans.map(marked).join('').trimEnd();
  const free = Math.max(0, columns - element.text.trimEnd().length);
  if (element.align === 'center') return ' '.repeat(Math.floor(free / 2)) + line;
  if (element.align === 'right') return ' '.repeat(free) + line;
  return line;
}

function hex(bytes: number[]): string {
  const shown = bytes.slice(0, 16).map((b) => b.toString(16).padStart(2, '0'));
  return shown.join(' ') + (bytes.length > 16 ? ' …' : '');
}

/** One element as one plain-text line, or null for what never reaches paper. */
function plainLine(element: EscposElement, columns: number): string | null {
  switch (element.kind) {
    case 'text':
      return textLine(element, columns);
    case 'barcode':
      return `[${element.symbology.toUpperCase()} ${element.data}]`;
    case 'qr':
      return `[QR ${element.data}]`;
    case 'image':
      return `[image ${element.width}x${element.height}]`;
    case 'cut':
      return (
        '✂' +
        (element.partial ? '- ' : '-').repeat(element.partial ? columns / 2 : columns).slice(0, columns - 1)
      );
    case 'drawer-kick':
      return `[drawer kick pin ${element.pin}]`;
    case 'unknown':
      return `[unknown ${hex(element.bytes)}]`;
    case 'status-request':
      return null;
  }
}

/** Renders elements as plain text, one line each. */
export function renderPreview(elements: readonly EscposElement[], options: PreviewOptions = {}): string {
  const columns = options.columns ?? 42;
  return elements
    .map((element) => plainLine(element, columns))
    .filter((line): line is string => line !== null)
    .join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlSpan(span: EscposSpan): string {
  let html = escapeHtml(span.text);
  if (span.doubleWidth && span.doubleHeight) html = `<span class="escpos-double">${html}</span>`;
  else if (span.doubleWidth) html = `<span class="escpos-double-width">${html}</span>`;
  else if (span.doubleHeight) html = `<span class="escpos-double-height">${html}</span>`;
  if (span.underline) html = `<u>${html}</u>`;
  if (span.bold) html = `<b>${html}</b>`;
  return html;
}

function htmlLine(element: EscposElement, columns: number): string | null {
  if (element.kind === 'text') {
    return `<span class="escpos-line escpos-${element.align}">${element.spans.map(htmlSpan).join('')}</span>`;
  }
  if (element.kind === 'cut') return `<hr class="escpos-cut${element.partial ? ' escpos-partial' : ''}">`;
  const plain = plainLine(element, columns);
  return plain === null
    ? null
    : `<span class="escpos-line escpos-${element.kind}">${escapeHtml(plain)}</span>`;
}

/**
 * The classes `renderPreviewHtml` uses. The snippet carries no inline styles, so it shows under a Content
 * Security Policy that refuses them; a page adds these rules to its own stylesheet.
 */
export const escposPreviewCss = `
.escpos-receipt { font-family: monospace; white-space: pre; margin: 0; }
.escpos-line { display: block; min-height: 1em; }
.escpos-center { text-align: center; }
.escpos-right { text-align: right; }
.escpos-double { font-size: 200%; }
.escpos-double-width { display: inline-block; transform: scaleX(2); transform-origin: left; }
.escpos-double-height { font-size: 200%; }
.escpos-cut { border: 0; border-top: 1px dashed; }
`;

/**
 * Renders elements as an HTML snippet: a `<pre class="escpos-receipt">` with one line per element, every
 * text escaped, bold as `<b>`, underline as `<u>`, double size and alignment as classes (see
 * `escposPreviewCss`), a cut as `<hr>`.
 */
export function renderPreviewHtml(elements: readonly EscposElement[], options: PreviewOptions = {}): string {
  const columns = options.columns ?? 42;
  const lines = elements.map((element) => htmlLine(element, columns)).filter((l): l is string => l !== null);
  return `<pre class="escpos-receipt">${lines.join('')}</pre>`;
}
